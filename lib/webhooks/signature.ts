import { createHmac, timingSafeEqual } from "node:crypto";

// The webhook signature (docs/API.md, "Webhooks"): HMAC-SHA256 with the subscription's secret over
// the timestamp, a dot and the exact body bytes, hex, sent as `TradeTrail-Signature: v1=<hex>`.
// The timestamp is signed so that a captured request cannot be replayed later.

export const SIGNATURE_HEADER = "TradeTrail-Signature";
export const TIMESTAMP_HEADER = "TradeTrail-Timestamp";
export const EVENT_ID_HEADER = "TradeTrail-Event-Id";
export const EVENT_TYPE_HEADER = "TradeTrail-Event-Type";

/** The hex HMAC of `timestamp.body`. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The TradeTrail-Signature header's value. */
export const signatureHeader = (secret: string, timestamp: string, body: string) => `v1=${webhookSignature(secret, timestamp, body)}`;

/**
 * What a receiver checks: the header carries a v1 signature of this timestamp and body (several,
 * comma-separated, are accepted, for a secret being rotated), and the timestamp is within
 * `toleranceSeconds` of the receiver's clock. Compared in constant time.
 */
export function verifyWebhookSignature(input: { secret: string; timestamp: string | null; body: string; header: string | null; now?: Date; toleranceSeconds?: number }): boolean {
  const { timestamp, header } = input;
  if (!timestamp || !header || !/^\d{1,12}$/.test(timestamp)) return false;
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(webhookSignature(input.secret, timestamp, input.body), "hex");
  return header
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1=") && /^[0-9a-f]{64}$/.test(part.slice(3)))
    .some((part) => timingSafeEqual(Buffer.from(part.slice(3), "hex"), expected));
}
