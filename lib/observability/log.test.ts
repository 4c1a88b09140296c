import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, logWith, requestIdOf } from "./log";

/** A logger at `info` whose lines are collected, parsed. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger(out, "info"), lines };
}

describe("the logger", () => {
  it("writes one JSON object per line with an ISO time, the level as a word, and the message", () => {
    const { log, lines } = capture();
    log.info({ creditId: "c-1" }, "anchoring: sent root 0xabc");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", msg: "anchoring: sent root 0xabc", creditId: "c-1" });
    expect(String(lines[0]!.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("never writes a secret field, at the top level or nested in what was logged", () => {
    const { log, lines } = capture();
    const secrets = {
      password: "hunter2-password",
      token: "tt_live_token_value",
      headers: { authorization: "Bearer tt_abcdef", cookie: "authjs.session-token=xyz", "set-cookie": "sid=1" },
      config: { ANCHOR_SIGNER_KEY: "0x" + "ab".repeat(32), DATABASE_URL: "postgresql://app:pw@db/tradetrail", AUTH_SECRET: "s".repeat(40) },
      request: { body: { privateKey: "0xfeed", apiToken: "tt_other" } },
    };
    log.warn(secrets, "something happened");
    const written = JSON.stringify(lines);
    for (const value of ["hunter2-password", "tt_live_token_value", "tt_abcdef", "xyz", "sid=1", "ab".repeat(32), "app:pw", "s".repeat(40), "0xfeed", "tt_other"]) {
      expect(written).not.toContain(value);
    }
    expect(lines[0]).toMatchObject({ password: "[redacted]", headers: { authorization: "[redacted]", cookie: "[redacted]", "set-cookie": "[redacted]" }, request: { body: { privateKey: "[redacted]" } } });
  });

  it("writes nothing below its level", () => {
    const { log, lines } = capture();
    log.debug("not this");
    expect(lines).toEqual([]);
  });

  it("carries the request's ids on every line of a child logger, leaving out the ones not known", () => {
    const { log, lines } = capture();
    logWith({ requestId: "req-12345678", userId: "u-1", orgId: "o-1", creditId: undefined }, log).info("request");
    expect(lines[0]).toMatchObject({ requestId: "req-12345678", userId: "u-1", orgId: "o-1" });
    expect(lines[0]).not.toHaveProperty("creditId");
  });
});

describe("requestIdOf", () => {
  const withId = (id?: string) => new Request("http://127.0.0.1/api/health", { headers: id === undefined ? {} : { "x-request-id": id } });

  it("keeps a well-formed incoming X-Request-Id", () => {
    expect(requestIdOf(withId("lb-7f3a9c21-0001"))).toBe("lb-7f3a9c21-0001");
  });

  it("replaces a missing, short, long or strange one with a new UUID", () => {
    for (const id of [undefined, "abc", "x".repeat(129), "has spaces in it", "quote\"d-12345", "<script>alert(1)</script>"]) {
      const made = requestIdOf(withId(id));
      expect(made, String(id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(requestIdOf(withId())).not.toBe(requestIdOf(withId()));
  });
});
