import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./support/test";

// Every page, route handler and server action of the production build, requested without a
// session: pages redirect to the sign-in page, the API answers 401, actions never run.

const PUBLIC = [/^\/sign-in$/, /^\/forgot-password$/, /^\/reset-password$/, /^\/accept-invite$/, /^\/verify$/, /^\/api\/auth\//, /^\/api\/public\//, /^\/api\/v1\/openapi\.json$/, /^\/api\/health$/, /^\/api\/ready$/, /^\/_not-found$/, /^\/favicon\.ico$/, /^\/icon\.svg$/];
const SAMPLE_ID = "0191a0b2-8f3e-7c44-9a55-1234567890ab";

function builtRoutes(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  return [...new Set(Object.values(manifest))]
    .map((route) => route.replace(/\/\(.*?\)/g, "").replace(/\[\[?\.\.\.[^\]]+\]?\]/g, "x").replace(/\[[^\]]+\]/g, SAMPLE_ID) || "/")
    .filter((route) => !PUBLIC.some((p) => p.test(route)));
}

function builtActions(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, unknown> };
  return Object.keys(manifest.node);
}

test("every non-public page redirects to sign-in, every API route answers 401", async ({ request }) => {
  const routes = builtRoutes();
  expect(routes.length).toBeGreaterThan(10);
  for (const route of routes) {
    if (route.startsWith("/api/")) {
      for (const method of ["GET", "POST"] as const) {
        const response = await request.fetch(route, { method, maxRedirects: 0, data: method === "POST" ? "{}" : undefined, failOnStatusCode: false });
        expect([route, method, [401, 405].includes(response.status()) ? "refused" : response.status()]).toEqual([route, method, "refused"]);
        if (response.status() === 401) expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
      }
    } else {
      const response = await request.get(route, { maxRedirects: 0, failOnStatusCode: false });
      expect([route, response.status()]).toEqual([route, 307]);
      expect(response.headers().location).toMatch(/\/sign-in/);
    }
  }
});

test("the health and readiness probes answer without a session, with a request id", async ({ request }) => {
  const health = await request.get("/api/health", { headers: { "x-request-id": "probe-00000001" }, maxRedirects: 0 });
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  expect(health.headers()["x-request-id"]).toBe("probe-00000001");
  const ready = await request.get("/api/ready", { maxRedirects: 0 });
  expect(ready.status()).toBe(200);
  const body = (await ready.json()) as { status: string; checks: Record<string, { ok: boolean; latencyMs: number }> };
  expect(body.status).toBe("ready");
  expect(Object.keys(body.checks).sort()).toEqual(["chain", "database", "storage"]);
  expect(ready.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("no server action runs without a session", async ({ request }) => {
  const actions = builtActions();
  expect(actions.length).toBeGreaterThan(5);
  for (const id of actions) {
    // Actions are posted to the page that uses them; the proxy stops them before any page.
    const response = await request.post("/credits", { headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8" }, data: "[]", maxRedirects: 0, failOnStatusCode: false });
    expect([id, response.status()]).toEqual([id, 307]);
    expect(response.headers().location).toMatch(/\/sign-in/);
  }
});

test("the site icon is served to everyone and linked from the sign-in page", async ({ page, request }) => {
  const icon = await request.get("/icon.svg", { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  await page.goto("/sign-in");
  await expect(page.locator('link[rel="icon"][href^="/icon.svg"]')).toHaveCount(1);
});
