import { describe, expect, it, vi } from "vitest";

// route.ts imports the session (next-auth) for requestActor; these tests need only the pure guards.
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => null }));
vi.mock("@/lib/api/tokens", () => ({ actorFromBearer: async () => null }));

const { assertSameOrigin, readJson } = await import("./route");

const APP = "http://127.0.0.1:3000";

function request(method: string, headers: Record<string, string>, body?: string): Request {
  return new Request(`${APP}/api/v1/credits`, { method, headers, body });
}

function refusal(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe("assertSameOrigin (issue 12, M3: CSRF on cookie-authenticated changes)", () => {
  it("lets reads through from anywhere", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) expect(refusal(() => assertSameOrigin(request(method, { "sec-fetch-site": "cross-site" })))).toBeNull();
  });

  it("accepts a change from our own pages, by Sec-Fetch-Site or, without it, by Origin matching Host", () => {
    expect(refusal(() => assertSameOrigin(request("POST", { "sec-fetch-site": "same-origin" })))).toBeNull();
    expect(refusal(() => assertSameOrigin(request("POST", { origin: APP, host: "127.0.0.1:3000" })))).toBeNull();
    expect(refusal(() => assertSameOrigin(request("DELETE", { origin: "https://LC.Bank.example", host: "lc.bank.example" })))).toBeNull();
    expect(refusal(() => assertSameOrigin(request("POST", { origin: "https://lc.bank.example", "x-forwarded-host": "lc.bank.example, proxy", host: "10.0.0.5:3000" })))).toBeNull();
  });

  it("refuses a sibling origin, another site, and a change that names no origin", () => {
    for (const site of ["same-site", "cross-site", "none"]) {
      expect(refusal(() => assertSameOrigin(request("POST", { "sec-fetch-site": site, origin: APP, host: "127.0.0.1:3000" })))).toBe("FORBIDDEN");
    }
    expect(refusal(() => assertSameOrigin(request("POST", { origin: "http://127.0.0.1:4000", host: "127.0.0.1:3000" })))).toBe("FORBIDDEN");
    expect(refusal(() => assertSameOrigin(request("POST", { origin: "http://evil.example", host: "127.0.0.1:3000" })))).toBe("FORBIDDEN");
    expect(refusal(() => assertSameOrigin(request("POST", { origin: "null", host: "127.0.0.1:3000" })))).toBe("FORBIDDEN");
    expect(refusal(() => assertSameOrigin(request("POST", { host: "127.0.0.1:3000" })))).toBe("FORBIDDEN");
    expect(refusal(() => assertSameOrigin(request("PUT", {})))).toBe("FORBIDDEN");
  });
});

describe("readJson", () => {
  const read = async (headers: Record<string, string>, body?: string) => {
    try {
      return { value: await readJson(request("POST", headers, body)) };
    } catch (error) {
      return { code: (error as { code?: string }).code };
    }
  };

  it("reads JSON sent as application/json (with a charset, or a +json type)", async () => {
    expect(await read({ "content-type": "application/json" }, '{"a":1}')).toEqual({ value: { a: 1 } });
    expect(await read({ "content-type": "application/json; charset=utf-8" }, '{"a":2}')).toEqual({ value: { a: 2 } });
    expect(await read({ "content-type": "application/merge-patch+json" }, '{"a":3}')).toEqual({ value: { a: 3 } });
    expect(await read({})).toEqual({ value: {} });
    expect(await read({ "content-type": "text/plain" }, "")).toEqual({ value: {} }); // an empty POST, as the audit page sends
  });

  it("refuses a body of any other type with 415, the shapes a cross-site form or no-cors fetch can send", async () => {
    for (const type of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", "text/json"]) {
      expect(await read({ "content-type": type }, '{"a":1}'), type).toEqual({ code: "UNSUPPORTED_MEDIA_TYPE" });
    }
    expect(await read({}, '{"a":1}')).toEqual({ code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(await read({ "content-type": "application/json" }, "{oops")).toEqual({ code: "INVALID_REQUEST" });
  });

  it("stops reading a chunked body at the limit, counting bytes, without waiting for the rest", async () => {
    let pulled = 0;
    // A body that would go on for ever, announced without a length (chunked), 64 kB a chunk.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode(`"${"x".repeat(65_534)}"`));
      },
    });
    const chunked = new Request(`${APP}/api/v1/credits`, { method: "POST", headers: { "content-type": "application/json" }, body: endless, duplex: "half" } as RequestInit);
    await expect(readJson(chunked, 200_000)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(pulled).toBeLessThan(10);
    // The limit is in bytes: 400,000 characters of two bytes each are 800 kB, over a 500 kB limit.
    const wide = JSON.stringify("é".repeat(400_000));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(wide));
        controller.close();
      },
    });
    const request = new Request(`${APP}/api/v1/credits`, { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit);
    await expect(readJson(request, 500_000)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(await read({ "content-type": "application/json" }, JSON.stringify("é".repeat(1_000)))).toEqual({ value: "é".repeat(1_000) });
  });
});

describe("routePattern (metrics are labelled by route, never by raw path)", () => {
  it("puts each param back as [name], in order", async () => {
    const { routePattern } = await import("./route");
    expect(routePattern("/api/v1/credits/5b1c/actions/issueCredit", { creditId: "5b1c", action: "issueCredit" })).toBe("/api/v1/credits/[creditId]/actions/[action]");
    expect(routePattern("/api/v1/credits", {})).toBe("/api/v1/credits");
  });

  it("matches encoded values, and a value equal to an earlier static segment only where the param stands", async () => {
    const { routePattern } = await import("./route");
    expect(routePattern("/api/v1/documents/a%20b", { documentId: "a b" })).toBe("/api/v1/documents/[documentId]");
    expect(routePattern("/api/v1/credits/c1/swift/swift", { creditId: "c1", messageId: "swift" })).toBe("/api/v1/credits/[creditId]/swift/[messageId]");
  });
});
