import { ConfigError } from "@/lib/config";

// What `npm start` prints when it cannot start: one line with the cause and the remedy, never a
// stack trace (DEBUG=1 adds it). Each step of the start-up tags its failures with its stage, so
// that "connection refused" can say whether the database or the chain refused.

/** A failure whose message already says the cause and the remedy. */
export class StackError extends Error {
  override name = "StackError";
}

export type StartupStage = "embedded-postgres" | "database" | "anvil" | "chain" | "mail" | "seed" | "build" | "web";

/** A failure in one stage of the start-up; `cause` is what was thrown there. */
export class StartupError extends Error {
  override name = "StartupError";
  constructor(
    readonly stage: StartupStage,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** Run one stage; whatever it throws is tagged with the stage (once: the innermost stage wins). */
export async function atStage<T>(stage: StartupStage, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw error instanceof StartupError ? error : new StartupError(stage, error);
  }
}

const STAGE_NAMES: Record<StartupStage, string> = {
  "embedded-postgres": "starting the embedded PostgreSQL",
  database: "connecting to PostgreSQL and migrating",
  anvil: "starting the local chain (anvil)",
  chain: "connecting to the chain",
  mail: "starting the development mail catcher (set SMTP_URL to use your own SMTP server)",
  seed: "creating the demo world",
  build: "building the app",
  web: "starting the web server",
};

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET"]);

interface ErrorFacts {
  message: string;
  code?: string;
  syscall?: string;
  path?: string;
  address?: string;
  port?: number;
}

/** The fields Node's system errors, pg's errors and fetch's errors carry, from the error or what it wraps. */
function facts(error: unknown): ErrorFacts {
  const e = (error ?? {}) as Record<string, unknown>;
  // AggregateError (one per address tried) and fetch's TypeError carry the system error inside.
  const inner = (Array.isArray(e.errors) ? e.errors[0] : undefined) ?? (e.cause instanceof Error ? e.cause : undefined);
  const innerFacts = inner && inner !== error ? facts(inner) : undefined;
  const str = (key: string) => (typeof e[key] === "string" ? (e[key] as string) : undefined);
  return {
    message: error instanceof Error ? error.message || innerFacts?.message || error.name : String(error),
    code: str("code") ?? innerFacts?.code,
    syscall: str("syscall") ?? innerFacts?.syscall,
    path: str("path") ?? innerFacts?.path,
    address: str("address") ?? innerFacts?.address,
    port: typeof e.port === "number" ? e.port : innerFacts?.port,
  };
}

const UNREACHABLE_WORDS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ECONNRESET: "connection reset",
};

export interface StartupContext {
  port: number;
  host: string;
}

/** One line saying why `npm start` stopped and what to do about it. */
export function explainStartupError(error: unknown, context?: StartupContext): string {
  return oneLine(explain(error, context));
}

function explain(error: unknown, context?: StartupContext): string {
  const stage = error instanceof StartupError ? error.stage : undefined;
  const cause = error instanceof StartupError ? error.cause : error;
  if (cause instanceof StackError) return cause.message;
  if (cause instanceof ConfigError) return cause.message.replace(/:\s*\n\s*/, ": ").replace(/\n\s*/g, "; ").replace("; See .env.example", "; see .env.example");
  const f = facts(cause);
  const where = f.address && f.port ? `${f.address}:${f.port}` : (f.address ?? "");

  if (f.code === "EADDRINUSE") {
    const port = f.port ?? context?.port;
    const host = f.address ?? context?.host;
    return `Port ${port ?? "?"}${host ? ` on ${host}` : ""} is already in use (is another \`npm start\` running?): stop what uses it, or set PORT to a free port.`;
  }
  if ((f.code === "EACCES" || f.code === "EPERM") && f.syscall === "listen") {
    return `Not allowed to listen on port ${f.port ?? context?.port ?? "?"}${context?.host ? ` on ${context.host}` : ""}: set PORT to a port above 1023.`;
  }
  if (f.code === "EACCES" || f.code === "EPERM") {
    const what = [f.syscall, f.path].filter(Boolean).join(" ") || f.message;
    if (stage === "embedded-postgres") {
      return `Permission denied while starting the embedded PostgreSQL (${what}): the postgres OS user must be able to enter every folder on that path (chmod o+x), or set DATABASE_URL to a PostgreSQL server.`;
    }
    return `Permission denied (${what}): run npm start as a user who may use that path, or point DATA_DIR at a folder you can write.`;
  }
  if (missingGeneratedCode(f)) {
    return `Generated code is missing (${f.message.match(/['"]([^'"]*(?:lib\/generated|lib\/chain\/generated|contracts\/build)[^'"]*)['"]/)?.[1] ?? "lib/generated, lib/chain/generated or contracts/build"}): run npm install (its postinstall runs prisma:generate and contracts:build).`;
  }
  if (stage === "embedded-postgres" && f.code === "28P01") {
    return `The embedded PostgreSQL does not accept the passwords kept in DATA_DIR (${f.message}): was DATA_DIR/postgres-password or postgres-roles.json replaced? Restore them, or delete DATA_DIR to start over.`;
  }
  if (stage === "database") {
    if (f.code && UNREACHABLE.has(f.code)) {
      return `Cannot reach the PostgreSQL at DATABASE_URL${where ? ` (${where}: ${UNREACHABLE_WORDS[f.code]})` : ` (${UNREACHABLE_WORDS[f.code]})`}: start that server or correct DATABASE_URL and MIGRATION_DATABASE_URL, or unset both to use the embedded PostgreSQL.`;
    }
    if (f.code === "28P01" || f.code === "28000") {
      return `PostgreSQL refused the sign-in (${f.message}): correct the user and password in DATABASE_URL and MIGRATION_DATABASE_URL.`;
    }
    if (f.code === "3D000") return `PostgreSQL says ${f.message}: create it (CREATE DATABASE … OWNER the migration role) or correct the database name in DATABASE_URL.`;
  }
  if (stage === "anvil" && (f.code === "MODULE_NOT_FOUND" || f.code === "ENOENT" || /anvil binary missing/.test(f.message))) {
    return `The local chain (anvil) is not installed (${f.message.split("\n")[0]}): run npm install (it installs @foundry-rs/anvil), or set CHAIN_RPC_URL to an EVM JSON-RPC endpoint.`;
  }
  if (stage === "chain" && ((f.code && UNREACHABLE.has(f.code)) || /fetch failed|timeout|timed out/i.test(f.message))) {
    return `Cannot reach the chain at CHAIN_RPC_URL (${f.code ? UNREACHABLE_WORDS[f.code] ?? f.code : f.message}): check the URL and your network, or unset CHAIN_RPC_URL to use a local anvil.`;
  }
  if (stage === "build") {
    return `The production build failed (${f.message}; next build's errors are above): fix them and run npm start again.`;
  }
  return `TradeTrail could not start${stage ? ` while ${STAGE_NAMES[stage]}` : ""}: ${f.message || "unknown error"} (run with DEBUG=1 to see the stack trace).`;
}

function missingGeneratedCode(f: ErrorFacts): boolean {
  return (f.code === "ERR_MODULE_NOT_FOUND" || f.code === "MODULE_NOT_FOUND" || f.code === "ENOENT") && /lib\/generated|lib\/chain\/generated|contracts\/build/.test(`${f.message} ${f.path ?? ""}`);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/** The stack of the error and of what it wraps, for DEBUG=1. */
export function debugDetail(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join("\nCaused by: ");
}
