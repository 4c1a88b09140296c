import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Bug 9: no favicon. Next serves app/icon.svg as the site icon and links it from every page;
// proxy.ts lets it through without a session so the sign-in page shows it too.

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("the site icon", () => {
  it("is a square SVG with a name", () => {
    const svg = readFileSync(`${root}app/icon.svg`, "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 32 32"/);
    expect(svg).toContain("<title id=\"title\">TradeTrail</title>");
  });

  it("is served without a session", () => {
    const proxy = readFileSync(`${root}proxy.ts`, "utf8");
    const matcher = /matcher: \["([^"]+)"\]/.exec(proxy)?.[1];
    expect(matcher).toBeDefined();
    const guarded = new RegExp(`^${matcher!}$`);
    expect(guarded.test("/icon.svg")).toBe(false);
    expect(guarded.test("/credits")).toBe(true);
  });
});
