import { decode } from "next-auth/jwt";

// The session cookie, read without Auth.js's session round trip. auth() decodes the cookie,
// runs the callbacks and encrypts a fresh token on every call (one HKDF and one AES-CBC each
// way); the app only needs the two ids inside. Whether the session is live is decided by its
// user_sessions row for every request (lib/auth/user-sessions.ts), never by this cookie alone.
//
// A decoded cookie is remembered by its exact value: the same ciphertext always decodes to the
// same ids, and the token's own expiry is checked at every use. Remembering a value changes
// nothing about revocation, which the row decides.

/** Auth.js's cookie names, which are also the salts of their encryption keys. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export interface SessionClaims {
  userId: string;
  sessionId: string;
}

interface Decoded {
  claims: SessionClaims | null;
  /** Milliseconds since the epoch; 0 when the token has no expiry (never issued by us). */
  expiresAt: number;
}

const MAX_REMEMBERED = 5_000;
const remembered = new Map<string, Decoded>();

async function decodeCookie(salt: string, value: string, secret: string): Promise<Decoded> {
  try {
    const token = await decode({ token: value, secret, salt });
    const claims = token?.sub && typeof token.sid === "string" ? { userId: token.sub, sessionId: token.sid } : null;
    return { claims, expiresAt: typeof token?.exp === "number" ? token.exp * 1000 : 0 };
  } catch {
    return { claims: null, expiresAt: 0 };
  }
}

/**
 * The ids in a session cookie, or null when there is none, it does not decrypt with `secret`, or
 * its token has expired. `cookies` is anything with a get(name) answering `{ value }`: Next.js's
 * cookies(), or a request's.
 */
export async function readSessionCookie(
  cookies: { get(name: string): { value: string } | undefined },
  secret: string | undefined,
  now = Date.now(),
): Promise<SessionClaims | null> {
  if (!secret) return null;
  for (const name of SESSION_COOKIES) {
    const value = cookies.get(name)?.value;
    if (!value) continue;
    const key = `${secret}\u0000${name}\u0000${value}`;
    let decoded = remembered.get(key);
    if (!decoded) {
      decoded = await decodeCookie(name, value, secret);
      // Junk cookies sent to fill the map only push out others' entries, which decode again.
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(key, decoded);
    }
    if (decoded.claims && decoded.expiresAt > now) return decoded.claims;
  }
  return null;
}
