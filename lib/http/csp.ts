// The pages' Content-Security-Policy (issue 12, L5), with a fresh nonce per request (proxy.ts).
// Scripts run only if they carry the nonce (Next.js puts it on its own) or were loaded by one
// that does ('strict-dynamic'); no inline handler, no injected <script>, no eval outside
// development. Styles may be inline (React's style attributes); images from the app, data: and
// blob: (document previews). connect-src stays open to any http(s) endpoint on purpose: /verify
// lets an auditor check a bundle against their own node, whatever its address. Violations are
// reported to /api/public/csp-report.

export const CSP_REPORT_PATH = "/api/public/csp-report";

/** 16 random bytes, base64: a nonce for one response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' https: http:",
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    `report-uri ${CSP_REPORT_PATH}`,
  ].join("; ");
}
