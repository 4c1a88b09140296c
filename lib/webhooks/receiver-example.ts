import { createHmac, timingSafeEqual } from "node:crypto";

// The receiver's check, exactly as docs/API.md ("Verifying a webhook") shows it to integrators:
// kept here so that it is type-checked and tested (receiver-example.test.ts).

/** Is this request from TradeTrail? `body` is the raw body, exactly as received (do not re-serialise parsed JSON). */
export function isFromTradeTrail(secret: string, body: string, headers: Headers, now = Date.now()): boolean {
  const timestamp = headers.get("tradetrail-timestamp") ?? "";
  const signatures = (headers.get("tradetrail-signature") ?? "").split(",").map((s) => s.trim());
  // A captured request replayed later is refused: the timestamp is signed.
  if (!/^\d+$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest();
  return signatures.some((s) => /^v1=[0-9a-f]{64}$/.test(s) && timingSafeEqual(Buffer.from(s.slice(3), "hex"), expected));
}
