import { randomUUID } from "node:crypto";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";

// One structured logger for every server process: JSON lines on stdout, one object per event,
// with the ids an operator searches by (requestId, userId, orgId, creditId) as fields of their
// own. Never log a secret or a document's contents: log ids and counts. Fields whose names say
// they hold a secret are redacted all the same, wherever they sit in the first levels of an
// object, so a careless `log.info({ request })` cannot leak a cookie or a key.

export type { Logger } from "pino";

/** Field names whose values are never written (pino's redact paths: a key, at the top or one or two levels down). */
const SECRET_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "password",
  "passwordHash",
  "secret",
  "token",
  "apiToken",
  "key",
  "privateKey",
  "signerKey",
  "ANCHOR_SIGNER_KEY",
  "AUTH_SECRET",
  "S3_SECRET_ACCESS_KEY",
  "DATABASE_URL",
  "MIGRATION_DATABASE_URL",
  "SMTP_URL",
];
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => {
  const step = /^\w+$/.test(key) ? `.${key}` : `["${key}"]`;
  return [step.startsWith(".") ? key : step, `*${step}`, `*.*${step}`];
});

const LEVELS = new Set(["trace", "debug", "info", "warn", "error", "fatal", "silent"]);

/**
 * LOG_LEVEL, else only warnings and errors under Vitest (test output stays readable), else info.
 * Read here, not through config(): the logger must work before (and when) the configuration
 * fails to validate; config() still refuses a misspelt LOG_LEVEL at start.
 */
function defaultLevel(): string {
  const configured = process.env.LOG_LEVEL?.trim().toLowerCase();
  if (configured && LEVELS.has(configured)) return configured;
  return process.env.VITEST ? "warn" : "info";
}

export function loggerOptions(level = defaultLevel()): LoggerOptions {
  return {
    level,
    base: { pid: process.pid },
    // ISO times: what a person reading the line, and most log stores, expect.
    timestamp: pino.stdTimeFunctions.isoTime,
    // The level as a word ("warn"), not pino's number.
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
}

/** A logger writing to `destination` (tests read what it wrote). */
export function createLogger(destination?: DestinationStream, level?: string): Logger {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}

// One per process, also when Next.js bundles this module into several chunks.
const GLOBAL_KEY = Symbol.for("tradetrail.logger");
type WithLogger = typeof globalThis & { [GLOBAL_KEY]?: Logger };

/** The process's logger. */
export function logger(): Logger {
  const holder = globalThis as WithLogger;
  return (holder[GLOBAL_KEY] ??= createLogger());
}

/** Makes `next` the process's logger and returns the one it replaces (tests read what is logged). */
export function replaceLogger(next: Logger): Logger {
  const previous = logger();
  (globalThis as WithLogger)[GLOBAL_KEY] = next;
  return previous;
}

/** The ids a log line can carry, so every line about one request, user, bank or credit can be found. */
export interface LogContext {
  requestId?: string;
  userId?: string;
  orgId?: string;
  creditId?: string;
  route?: string;
  component?: string;
}

/** A child logger whose every line carries `context` (fields left undefined are omitted). */
export function logWith(context: LogContext, parent: Logger = logger()): Logger {
  const fields = Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined));
  return parent.child(fields);
}

/**
 * A `(line) => void` for code that reports in sentences (the worker, the jobs, the start script):
 * each line becomes a JSON log line with `component`. Lines that say "warning" are warnings.
 */
export function lineLogger(component: string): (line: string) => void {
  const log = logWith({ component });
  return (line: string) => {
    if (/\bwarning\b/i.test(line)) log.warn(line);
    else log.info(line);
  };
}

export const REQUEST_ID_HEADER = "x-request-id";
/** A caller's (or a proxy's) request id is kept when it looks like one: short, no spaces or control characters. */
const WELL_FORMED_ID = /^[\w.:-]{8,128}$/;

/** The request's id: the incoming X-Request-Id when well formed, else a new one. */
export function requestIdOf(request: Request): string {
  const incoming = request.headers.get(REQUEST_ID_HEADER)?.trim();
  return incoming && WELL_FORMED_ID.test(incoming) ? incoming : randomUUID();
}
