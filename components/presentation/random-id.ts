/** A fresh idempotency key for the next submission of a form (browser-side). */
export const randomId = (): string => crypto.randomUUID();
