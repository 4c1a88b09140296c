import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signatureHeader, verifyWebhookSignature } from "./signature";

const secret = "whsec_test-secret";
const body = '{"id":"0193","type":"credit.issued"}';
const now = new Date("2026-12-04T10:00:00Z");
const timestamp = String(now.getTime() / 1000);

describe("webhook signatures", () => {
  it("is v1= and the hex HMAC-SHA256 of timestamp.body, as docs/API.md tells receivers", () => {
    const hex = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
    expect(signatureHeader(secret, timestamp, body)).toBe(`v1=${hex}`);
  });

  it("verifies the header it makes", () => {
    expect(verifyWebhookSignature({ secret, timestamp, body, header: signatureHeader(secret, timestamp, body), now })).toBe(true);
  });

  it("refuses another body, another secret, another timestamp and a tampered signature", () => {
    const header = signatureHeader(secret, timestamp, body);
    expect(verifyWebhookSignature({ secret, timestamp, body: body.replace("issued", "amended"), header, now })).toBe(false);
    expect(verifyWebhookSignature({ secret: "whsec_other", timestamp, body, header, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp: String(Number(timestamp) + 1), body, header, now })).toBe(false);
    const flipped = header.slice(0, -1) + (header.endsWith("0") ? "1" : "0");
    expect(verifyWebhookSignature({ secret, timestamp, body, header: flipped, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp, body, header: null, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, timestamp, body, header: "v1=short", now })).toBe(false);
  });

  it("refuses a timestamp more than five minutes from the receiver's clock (a replayed request)", () => {
    const old = String(Number(timestamp) - 301);
    expect(verifyWebhookSignature({ secret, timestamp: old, body, header: signatureHeader(secret, old, body), now })).toBe(false);
    const recent = String(Number(timestamp) - 299);
    expect(verifyWebhookSignature({ secret, timestamp: recent, body, header: signatureHeader(secret, recent, body), now })).toBe(true);
  });

  it("accepts any one of several signatures (a secret being rotated)", () => {
    const header = `${signatureHeader("whsec_old", timestamp, body)}, ${signatureHeader(secret, timestamp, body)}`;
    expect(verifyWebhookSignature({ secret, timestamp, body, header, now })).toBe(true);
  });
});
