import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionCookie } from "./session-cookie";

const SECRET = "a-test-secret-of-at-least-thirty-two-chars";
const USER = "0193a1b2-0000-7000-8000-000000000001";
const SID = "0193a1b2-0000-7000-8000-000000000002";
const jar = (entries: Record<string, string>) => ({ get: (name: string) => (name in entries ? { value: entries[name]! } : undefined) });
const cookie = (salt: string, token: Record<string, unknown>, maxAge = 3600, secret = SECRET) => encode({ token, secret, salt, maxAge });

describe("readSessionCookie", () => {
  it("reads the user and session ids from either of Auth.js's cookie names", async () => {
    for (const name of ["authjs.session-token", "__Secure-authjs.session-token"]) {
      const value = await cookie(name, { sub: USER, sid: SID });
      expect(await readSessionCookie(jar({ [name]: value }), SECRET)).toEqual({ userId: USER, sessionId: SID });
    }
  });

  it("refuses a cookie sealed with another secret or under the other name, junk, and a token without a session id", async () => {
    const plain = await cookie("authjs.session-token", { sub: USER, sid: SID });
    expect(await readSessionCookie(jar({ "authjs.session-token": await cookie("authjs.session-token", { sub: USER, sid: SID }, 3600, `${SECRET}-other`) }), SECRET)).toBeNull();
    expect(await readSessionCookie(jar({ "__Secure-authjs.session-token": plain }), SECRET)).toBeNull();
    expect(await readSessionCookie(jar({ "authjs.session-token": "junk" }), SECRET)).toBeNull();
    expect(await readSessionCookie(jar({ "authjs.session-token": await cookie("authjs.session-token", { sub: USER }) }), SECRET)).toBeNull();
    expect(await readSessionCookie(jar({}), SECRET)).toBeNull();
    expect(await readSessionCookie(jar({ "authjs.session-token": plain }), undefined)).toBeNull();
    // The same value is still read with the right secret after the refusals above.
    expect(await readSessionCookie(jar({ "authjs.session-token": plain }), SECRET)).toEqual({ userId: USER, sessionId: SID });
  });

  it("refuses a token past its expiry, also when it was read while still valid", async () => {
    const value = await cookie("authjs.session-token", { sub: USER, sid: SID }, 60);
    const now = Date.now();
    expect(await readSessionCookie(jar({ "authjs.session-token": value }), SECRET, now)).not.toBeNull();
    expect(await readSessionCookie(jar({ "authjs.session-token": value }), SECRET, now + 61_000)).toBeNull();
  });

  it("falls back to the plain cookie when the secure one does not decode", async () => {
    const value = await cookie("authjs.session-token", { sub: USER, sid: SID });
    expect(await readSessionCookie(jar({ "__Secure-authjs.session-token": "junk", "authjs.session-token": value }), SECRET)).toEqual({ userId: USER, sessionId: SID });
  });
});
