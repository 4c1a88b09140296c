import { encode } from "next-auth/jwt";
import { startSession } from "@/lib/auth/user-sessions";

/** An Auth.js session cookie for `userId`, as sign-in would set it (lib/auth/index.ts): a session row, and its id in the token. */
export async function sessionCookie(secret: string, userId: string, userAgent: string): Promise<string> {
  const salt = "authjs.session-token";
  const sid = await startSession({ userId, userAgent });
  return `${salt}=${await encode({ token: { sub: userId, sid }, secret, salt, maxAge: 60 * 60 })}`;
}
