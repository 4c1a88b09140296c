import { afterEach, describe, expect, it, vi } from "vitest";
import { resetConfigCache } from "@/lib/config";

// Issue 12, L6: where Auth.js sends a user after sign-in comes from AUTH_URL, or from the
// request's X-Forwarded-Host only when AUTH_TRUST_HOST says a proxy overwrites it. Asked through
// our signIn (as the sign-in page's action calls it) with a forged X-Forwarded-Host; the password
// check and the session row are stubbed, since only the URL is under test.

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "127.0.0.1:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: "http://127.0.0.1:3000" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
}));
vi.mock("./authenticate", () => ({
  authenticate: async () => ({ ok: true, user: { id: "0193a1b2-0000-7000-8000-000000000001", email: "buyer@lioncity.example", name: "Buyer" } }),
}));
vi.mock("./user-sessions", () => ({ SESSION_MAX_HOURS: 8, startSession: async () => "0193a1b2-0000-7000-8000-000000000002" }));

const saved = { AUTH_URL: process.env.AUTH_URL, AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST, AUTH_SECRET: process.env.AUTH_SECRET };

/** Where signIn would send the browser, or the error it ends with. */
async function signInWith(env: { AUTH_URL?: string; AUTH_TRUST_HOST?: string }): Promise<string> {
  for (const key of ["AUTH_URL", "AUTH_TRUST_HOST"] as const) {
    if (env[key] === undefined) delete process.env[key];
    else process.env[key] = env[key];
  }
  process.env.AUTH_SECRET = "a-test-secret-of-at-least-thirty-two-chars";
  resetConfigCache();
  vi.resetModules();
  const { signIn } = await import("./index");
  try {
    return String(await signIn("credentials", { email: "buyer@lioncity.example", password: "x", redirectTo: "/credits", redirect: false }));
  } catch (error) {
    return `refused: ${error instanceof Error ? error.message : String(error)}`;
  }
}

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetConfigCache();
});

describe("where sign-in sends the browser", { timeout: 30_000 }, () => {
  it("is AUTH_URL's site when it is set, whatever X-Forwarded-Host says", async () => {
    expect(await signInWith({ AUTH_URL: "http://127.0.0.1:3000" })).toBe("http://127.0.0.1:3000/credits");
  });

  it("is never a forwarded host that nobody said to trust", async () => {
    const refused = await signInWith({});
    expect(refused).toMatch(/^refused: Set AUTH_URL/);
    expect(refused).not.toContain("evil.example");
  });

  it("follows X-Forwarded-Host only when AUTH_TRUST_HOST says a proxy sets it", async () => {
    expect(await signInWith({ AUTH_TRUST_HOST: "true" })).toBe("https://evil.example/credits");
  });
});
