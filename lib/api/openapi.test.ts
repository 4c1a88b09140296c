import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { resetConfigCache } from "@/lib/config";
import { openApiDocument } from "./openapi";

// The OpenAPI document describes every live route (issue 15: verify, the certificate and the
// audit-run endpoints were missing), each read documents its body, and its server is the
// configured public address, not whatever origin the request reached.

const API_ROOT = join(process.cwd(), "app", "api", "v1");

/** Every route file under app/api/v1 with the HTTP methods it exports. */
function liveRoutes(dir = API_ROOT): { path: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return liveRoutes(full);
    if (entry.name !== "route.ts") return [];
    const path = `/${relative(API_ROOT, dir).split(sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
    const methods = [...readFileSync(full, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
    return [{ path, methods }];
  });
}

/** Whether a documented path is the route's path: `{action}` stands for each action's own name. */
const matches = (documented: string, route: string) => new RegExp(`^${route.replace("{action}", "[A-Za-z]+").replace(/[{}]/g, "\\$&")}$`).test(documented);

describe("the OpenAPI document", () => {
  const document = openApiDocument("https://trade.example.com");
  const paths = document.paths as Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;

  it("documents every route file under app/api/v1, with each method it exports", () => {
    const routes = liveRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(14);
    for (const route of routes) {
      const documented = Object.keys(paths).filter((p) => matches(p, route.path));
      expect(documented, route.path).not.toEqual([]);
      for (const path of documented) for (const method of route.methods) expect(paths[path]![method], `${method.toUpperCase()} ${path}`).toBeDefined();
    }
  });

  it("gives every successful response a body schema", () => {
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses).filter(([status]) => status.startsWith("2"));
        expect(success.length, `${method} ${path}`).toBeGreaterThan(0);
        for (const [status, response] of success) expect(response.content, `${method} ${path} ${status}`).toBeDefined();
      }
    }
  });
});

describe("GET /api/v1/openapi.json", () => {
  const saved = { APP_URL: process.env.APP_URL, AUTH_URL: process.env.AUTH_URL };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetConfigCache();
  });
  const serverOf = async () => ((await (await openApiRoute(new Request("http://10.0.0.7:3100/api/v1/openapi.json"))).json()) as { servers: { url: string }[] }).servers[0]!.url;

  it("names the configured public address as its server: APP_URL, else AUTH_URL, else the request's origin", async () => {
    process.env.APP_URL = "https://trade.example.com/";
    process.env.AUTH_URL = "https://auth.example.com";
    resetConfigCache();
    expect(await serverOf()).toBe("https://trade.example.com/api/v1");
    delete process.env.APP_URL;
    resetConfigCache();
    expect(await serverOf()).toBe("https://auth.example.com/api/v1");
    delete process.env.AUTH_URL;
    resetConfigCache();
    expect(await serverOf()).toBe("http://10.0.0.7:3100/api/v1");
  });
});
