import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isFromTradeTrail } from "./receiver-example";
import { signatureHeader } from "./signature";

// docs/API.md's receiver check accepts what the sender signs and nothing else.

const secret = "whsec_receiver";
const body = '{"id":"0193","type":"presentation.paid"}';
const now = Date.parse("2026-12-04T10:00:00Z");
const timestamp = String(now / 1000);
const headers = (signature: string, at = timestamp) => new Headers({ "tradetrail-timestamp": at, "tradetrail-signature": signature });

describe("the receiver example of docs/API.md", () => {
  it("is the code the page shows", () => {
    const source = readFileSync("lib/webhooks/receiver-example.ts", "utf8");
    const fn = source.slice(source.indexOf("/** Is this request"));
    expect(readFileSync("docs/API.md", "utf8")).toContain(fn.trim());
  });

  it("accepts the sender's signature and refuses a changed body, a wrong secret, a tampered or malformed signature and an old timestamp", () => {
    const signed = signatureHeader(secret, timestamp, body);
    expect(isFromTradeTrail(secret, body, headers(signed), now)).toBe(true);
    expect(isFromTradeTrail(secret, body.replace("paid", "refused"), headers(signed), now)).toBe(false);
    expect(isFromTradeTrail("whsec_other", body, headers(signed), now)).toBe(false);
    expect(isFromTradeTrail(secret, body, headers(signed.replace(/.$/, (c) => (c === "a" ? "b" : "a"))), now)).toBe(false);
    expect(isFromTradeTrail(secret, body, headers("v1=zz"), now)).toBe(false);
    expect(isFromTradeTrail(secret, body, headers(`v1=${"g".repeat(64)}`), now)).toBe(false);
    const old = String(now / 1000 - 301);
    expect(isFromTradeTrail(secret, body, headers(signatureHeader(secret, old, body), old), now)).toBe(false);
  });
});
