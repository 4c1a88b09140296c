import { ConfigError } from "@/lib/config";
import { StackError, StartupError, debugDetail, explainStartupError } from "@/lib/stack/startup-errors";
import { BackupError } from "./pg-tools";

// What `npm run backup` and `npm run restore` print when they stop: one line with the cause and
// the remedy, never a stack trace (DEBUG=1 adds it).

export function explainFailure(command: "backup" | "restore", error: unknown): string {
  if (error instanceof BackupError) return error.message;
  if (error instanceof ConfigError || error instanceof StackError || error instanceof StartupError) return explainStartupError(error);
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  const code = (error as { code?: string } | null)?.code;
  if (code === "ECONNREFUSED" || code === "ENOTFOUND") return `Cannot reach the database (${message}): start it, or correct DATABASE_URL / --database-url.`;
  if (code === "28P01" || code === "28000") return `PostgreSQL refused the sign-in (${message}): correct the user and password of the database URL.`;
  if (code === "3D000") return `PostgreSQL says ${message}: create the database first (CREATE DATABASE … OWNER the role that restores).`;
  return `The ${command} failed: ${message} (run with DEBUG=1 to see the stack trace).`;
}

export function fail(command: "backup" | "restore", error: unknown): never {
  console.error(`\n${explainFailure(command, error)}\n`);
  if (process.env.DEBUG && process.env.DEBUG !== "0") console.error(debugDetail(error));
  process.exit(1);
}
