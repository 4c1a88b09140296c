import { sql } from "./support/runtime";
import { expect, test } from "./support/test";
import { USERS, personAs } from "./support/users";

// Issue 12, L5: every response carries the security headers (docs/SECURITY.md), API answers are
// never stored, and a document's preview may be framed by our own pages only.

const PAGE_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
};

test("pages and the API send the security headers, and API answers are not stored", async ({ request }) => {
  for (const path of ["/sign-in", "/verify", "/", "/api/v1/credits", "/api/public/documents/" + "ab".repeat(32)]) {
    const response = await request.get(path, { maxRedirects: 0, failOnStatusCode: false });
    const headers = response.headers();
    expect(headers, path).toMatchObject(PAGE_HEADERS);
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["strict-transport-security"], path).toContain("max-age=");
    if (path.startsWith("/api/")) expect(headers["cache-control"], path).toContain("no-store");
  }
});

test("a document preview may be framed by our own pages only, and is not stored", async ({ browser }) => {
  const [document] = await sql<{ id: string }>(
    `SELECT d.id FROM documents d JOIN presentations p ON p.id = d.presentation_id JOIN credits c ON c.id = p.credit_id
      JOIN organizations o ON o.id = c.beneficiary_id JOIN memberships m ON m.organization_id = o.id JOIN users u ON u.id = m.user_id
     WHERE u.email = $1 AND d.media_type = 'application/pdf' LIMIT 1`,
    [USERS.seller],
  );
  expect(document, "the demo world has a PDF presented by the seller").toBeDefined();
  const seller = await personAs(browser, USERS.seller);
  const response = await seller.context().request.get(`/api/v1/documents/${document!.id}?inline=1`);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'self'");
  expect(headers["content-security-policy"]).not.toContain("frame-ancestors 'none'");
  expect(headers["cache-control"]).toContain("no-store");
  await seller.context().close();
});

test("every page carries a nonce-based content-security policy that blocks injected scripts, and violations can be reported", async ({ browser, request }) => {
  const policies = await Promise.all(["/sign-in", "/sign-in", "/verify", "/forgot-password"].map(async (path) => (await request.get(path)).headers()["content-security-policy"] ?? ""));
  for (const policy of policies) {
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("report-uri /api/public/csp-report");
  }
  const nonces = policies.map((p) => /'nonce-([^']+)'/.exec(p)?.[1]);
  expect(new Set(nonces).size).toBe(nonces.length); // a fresh nonce per response

  // A page not under the suite's violation watch: this violation is the point of the test.
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  // The classic injection: markup with an inline event handler, as a stored XSS would arrive.
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img alt="" src="data:," onerror="window.__injected = true">'));
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected ?? false)).toBe(false);
  expect(violations[0]).toMatch(/script-src/);
  await context.close();

  const report = { "csp-report": { "document-uri": "http://127.0.0.1/sign-in", "violated-directive": "script-src-elem", "blocked-uri": "inline" } };
  expect((await request.post("/api/public/csp-report", { data: report, headers: { "content-type": "application/csp-report" } })).status()).toBe(204);
  expect((await request.post("/api/public/csp-report", { data: "not json", headers: { "content-type": "application/csp-report" } })).status()).toBe(400);
});
