// Every id in TradeTrail is a UUID (PostgreSQL `uuid`). An id from a path, a query string, a form
// or a cursor is checked with isUuid before it reaches a query: PostgreSQL refuses anything else
// with an error, which would otherwise surface as a 500 (issue 12, L8: 36 dashes passed the old
// `[0-9a-f-]{36}` test).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
