import { AsyncLocalStorage } from "node:async_hooks";
import { type LogContext, type Logger, logWith, logger } from "./log";

// The request being served, for every log line written while serving it: the route wrapper
// (lib/http/route.ts) opens the scope with the request id and route, authentication adds the
// user and organisation. Code deep in a domain operation logs through requestLog() and its line
// carries those ids without being handed them.

const GLOBAL_KEY = Symbol.for("tradetrail.requestContext");
type WithStorage = typeof globalThis & { [GLOBAL_KEY]?: AsyncLocalStorage<LogContext> };
// One store per process, also when Next.js bundles this module into several chunks.
const storage = ((globalThis as WithStorage)[GLOBAL_KEY] ??= new AsyncLocalStorage<LogContext>());

/** Runs `fn` with `context` as the current request's. */
export function withRequestContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...context }, fn);
}

/** The current request's ids, if any. */
export function currentRequestContext(): LogContext | undefined {
  return storage.getStore();
}

/** Adds ids learnt while serving the request (who is acting) to its context. */
export function annotateRequest(fields: LogContext): void {
  const store = storage.getStore();
  if (!store) return;
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) (store as Record<string, string>)[key] = value;
}

/** A logger carrying the current request's ids (the process's logger outside a request). */
export function requestLog(): Logger {
  const context = storage.getStore();
  return context ? logWith(context) : logger();
}
