import NextAuth, { CredentialsSignin, type NextAuthResult } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate } from "./authenticate";

// next-auth v5: email and password against our users table, JWT sessions. The token carries
// only the user id; everything else (organisation, roles) is loaded per request (lib/auth/actor.ts).

export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid";
}

export class AccountLocked extends CredentialsSignin {
  override code = "locked";
}

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

const nextAuth: NextAuthResult = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await authenticate(parsed.data);
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
        throw result.reason === "locked" ? new AccountLocked() : new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
    // Used by proxy.ts: every page outside the public ones needs a session.
    authorized({ auth }) {
      return Boolean(auth?.user);
    },
  },
});

export const { handlers, auth, signIn, signOut } = nextAuth;
