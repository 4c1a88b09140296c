// One error type for every expected failure, with a closed set of codes that the HTTP layer
// maps to status codes. Anything else is a bug: logged on the server, shown as a generic message.

export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_REQUEST: 400,
  /** Someone else changed the credit since the user loaded it. */
  CONFLICT: 409,
  /** The action is not allowed in the credit's current state. */
  INVALID_STATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  /** An Idempotency-Key sent again with another request (credit, action or body) than its first. */
  IDEMPOTENCY_KEY_REUSED: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The step must be signed by the acting person's passkey (issue 14): ask for a signing request, sign, send again. */
  SIGNATURE_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field-level messages for forms: { "amount": "must be positive" }. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toJSON(): { error: { code: ErrorCode; message: string; fields?: Record<string, string> } } {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "You are not allowed to do this.") => new AppError("FORBIDDEN", message);
export const invalid = (message: string, fields?: Record<string, string>) => new AppError("INVALID_REQUEST", message, fields);
export const conflict = (message = "This credit changed since you opened it. Reload to see the latest version.") =>
  new AppError("CONFLICT", message);
