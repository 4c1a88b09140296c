// Every id in TradeTrail is a UUID (PostgreSQL `uuid`). An id from a path, a query string, a form
// or a cursor is checked with isUuid before it reaches a query: PostgreSQL refuses anything else
// with an error, which would otherwise surface as a 500 (issue 12, L8: 36 dashes passed the old
// `[0-9a-f-]{36}` test).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/**
 * A new UUID version 7 (RFC 9562: 48 bits of Unix milliseconds, then random bits), as Prisma's
 * `uuid(7)` default makes, for rows written with SQL rather than through the Prisma client.
 */
export function uuidv7(now = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(now / 2 ** (8 * (5 - i))) % 256;
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
