import NextAuth, { AuthError, CredentialsSignin, type NextAuthResult } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { config } from "@/lib/config";
import { authenticate } from "./authenticate";
import { SESSION_MAX_HOURS, startSession } from "./user-sessions";
import { clientAddress } from "@/lib/http/rate-limit";
import { verifyPasskeySignIn } from "@/lib/passkeys/sign-in-with-passkey";

// next-auth v5: email and password against our users table, JWT sessions. The token carries
// only the user id and the id of the session's row (user_sessions); everything else
// (organisation, roles) is loaded per request, and only while that row is live
// (lib/auth/user-sessions.ts): the row, not the cookie's expiry, decides when a session ends.
//
// Sign-in and sign-out run as server actions calling signIn/signOut below, which call Auth.js
// in-process (no CSRF token, no HTTP round trip). None of Auth.js's HTTP endpoints is served:
// GET /api/auth/session would re-issue the cookie, and nothing else here needs them.

declare module "next-auth" {
  interface User {
    /** Set by authorize() at sign-in: the user_sessions row the cookie will name. */
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The user_sessions row of this sign-in. */
    sid?: string;
  }
}

export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid";
}

export class AccountLocked extends CredentialsSignin {
  override code = "locked";
}

export class NetworkThrottled extends CredentialsSignin {
  override code = "throttled";
}

/** A passkey's response did not sign anyone in (unknown, revoked, stale challenge, bad signature or counter). */
export class PasskeyRefused extends CredentialsSignin {
  override code = "passkey";
}

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

/** signIn() builds the provider's request from the server action's own headers: the browser's. */
function requestIp(request: Request): string | null {
  const address = clientAddress(request);
  return address === "unknown" ? null : address;
}

/** After a password or a passkey alike: the session's row, which the cookie will name. */
async function signedIn(user: { id: string; email: string; name: string }, request: Request) {
  const sessionId = await startSession({ userId: user.id, userAgent: request.headers.get("user-agent"), ip: requestIp(request) });
  return { id: user.id, email: user.email, name: user.name, sessionId };
}

const nextAuth: NextAuthResult = NextAuth({
  // Where sign-in and sign-out redirect to comes from AUTH_URL when it is set. Otherwise Auth.js
  // reads the request's Host and X-Forwarded-Host, which only a proxy that overwrites them makes
  // safe to trust: AUTH_TRUST_HOST says so. `npm start` sets AUTH_URL to the URL it serves on
  // when neither is configured (scripts/start.ts), so a forged X-Forwarded-Host moves nothing.
  trustHost: config().AUTH_TRUST_HOST || config().AUTH_URL !== undefined,
  session: { strategy: "jwt", maxAge: SESSION_MAX_HOURS * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await authenticate(parsed.data, { ip: requestIp(request) });
        if (!result.ok) throw result.reason === "locked" ? new AccountLocked() : result.reason === "throttled" ? new NetworkThrottled() : new InvalidCredentials();
        return signedIn(result.user, request);
      },
    }),
    // A passkey instead of a password (lib/passkeys): the same session row and cookie after it.
    Credentials({
      id: "passkey",
      credentials: { response: {} },
      async authorize(raw, request) {
        let response;
        try {
          response = JSON.parse(String(raw.response ?? ""));
        } catch {
          throw new PasskeyRefused();
        }
        if (typeof response !== "object" || response === null) throw new PasskeyRefused();
        const result = await verifyPasskeySignIn({ response });
        if (!result.ok) throw new PasskeyRefused();
        return signedIn(result.user, request);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // Only at sign-in is there a user; afterwards the token keeps what it was given then.
      if (user?.id) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (token.sid) session.sessionId = token.sid;
      return session;
    },
    // Used by proxy.ts: every page outside the public ones needs a session.
    authorized({ auth }) {
      return Boolean(auth?.user);
    },
  },
});

/** Neither AUTH_URL nor AUTH_TRUST_HOST is set: Auth.js would build its redirects from whatever host a request names. */
export class SiteUrlNotConfigured extends AuthError {
  constructor() {
    super("Set AUTH_URL to this site's public URL, or AUTH_TRUST_HOST=true behind a proxy that sets X-Forwarded-Host.");
  }
}

function assertSiteUrl(): void {
  // Without either, even Auth.js's refusal (UntrustedHost) redirects to the forwarded host.
  if (config().AUTH_URL === undefined && !config().AUTH_TRUST_HOST) {
    console.error(`Sign-in refused: ${new SiteUrlNotConfigured().message}`);
    throw new SiteUrlNotConfigured();
  }
}

export const { auth } = nextAuth;

export const signIn: NextAuthResult["signIn"] = async (...args) => {
  assertSiteUrl();
  return nextAuth.signIn(...args);
};

export const signOut: NextAuthResult["signOut"] = async (...args) => {
  assertSiteUrl();
  return nextAuth.signOut(...args);
};
/** Auth.js's HTTP handlers. No route serves them (see above); tests ask them which URL Auth.js resolves. */
export const unroutedAuthHandlers = nextAuth.handlers;
