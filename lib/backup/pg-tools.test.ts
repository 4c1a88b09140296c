import { describe, expect, it } from "vitest";
import { type PgTool, chooseTool, connectionArguments, parseMajor, serverMajor, tooOldMessage } from "./pg-tools";

const tool = (major: number, path = `/usr/lib/postgresql/${major}/bin/pg_dump`): PgTool => ({ path, major, version: `pg_dump (PostgreSQL) ${major}.2` });

describe("choosing pg_dump and pg_restore", () => {
  it("reads the major version of --version output and of server_version_num", () => {
    expect(parseMajor("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)")).toBe(15);
    expect(parseMajor("pg_restore (PostgreSQL) 18.1")).toBe(18);
    expect(parseMajor("pg_dump (PostgreSQL) 9.6.24")).toBe(9);
    expect(parseMajor("no version here")).toBeNull();
    expect(serverMajor(180001)).toBe(18);
    expect(serverMajor(150020)).toBe(15);
  });

  it("takes the newest tool at least as new as the server, and none when all are older", () => {
    expect(chooseTool([tool(15), tool(17), tool(16)], 15)?.major).toBe(17);
    expect(chooseTool([tool(15), tool(18)], 18)?.major).toBe(18);
    expect(chooseTool([tool(15), tool(16)], 18)).toBeNull();
    expect(chooseTool([], 15)).toBeNull();
  });

  it("says in one line what is too old and what to install", () => {
    const message = tooOldMessage("pg_dump", 18, [tool(15, "/usr/bin/pg_dump")], "dump this PostgreSQL 18.1 server");
    expect(message).not.toContain("\n");
    expect(message).toBe(
      "pg_dump 18 or later is needed to dump this PostgreSQL 18.1 server, but the newest pg_dump here is version 15 (/usr/bin/pg_dump). " +
        "Install PostgreSQL 18's client tools (Debian/Ubuntu: apt-get install postgresql-client-18, from apt.postgresql.org) and set PG_BIN_DIR to their bin directory (e.g. /usr/lib/postgresql/18/bin).",
    );
    expect(tooOldMessage("pg_restore", 16, [], "read a dump")).toMatch(/^pg_restore 16 or later is needed to read a dump, but no pg_restore was found/);
  });

  it("keeps the password off the command line", () => {
    const { args, env } = connectionArguments("postgresql://owner:s%40cret@db.internal:5432/tradetrail");
    expect(args.join(" ")).not.toContain("s@cret");
    expect(args).toEqual(["--dbname", "postgresql://owner@db.internal:5432/tradetrail"]);
    expect(env.PGPASSWORD).toBe("s@cret");
  });
});
