import { describe, expect, it } from "vitest";
import { RateLimited, RateLimiter, clientAddress } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows a burst, then refuses with the seconds until the next token, then refills", () => {
    const limiter = new RateLimiter({ burst: 3, perSecond: 0.5 });
    const t = 1_000_000;
    expect([limiter.take("a", t), limiter.take("a", t), limiter.take("a", t)]).toEqual([0, 0, 0]);
    expect(limiter.take("a", t)).toBe(2);
    expect(limiter.take("b", t)).toBe(0); // another client has its own bucket
    expect(limiter.take("a", t + 2_000)).toBe(0);
    expect(() => limiter.check("a", t + 2_000)).toThrow(RateLimited);
  });

  it("keeps at most maxClients buckets", () => {
    const limiter = new RateLimiter({ burst: 1, perSecond: 1, maxClients: 2 });
    limiter.take("a", 0);
    limiter.take("b", 0);
    limiter.take("c", 0); // drops a's (empty) bucket: a starts full again
    expect(limiter.take("a", 0)).toBe(0);
  });
});

describe("clientAddress", () => {
  it("takes the nearest proxy's entry of X-Forwarded-For, else X-Real-IP", () => {
    expect(clientAddress(new Request("http://x/", { headers: { "x-forwarded-for": "203.0.113.9, 10.0.0.1" } }))).toBe("10.0.0.1");
    expect(clientAddress(new Request("http://x/", { headers: { "x-real-ip": "198.51.100.7" } }))).toBe("198.51.100.7");
    expect(clientAddress(new Request("http://x/"))).toBe("unknown");
  });
});
