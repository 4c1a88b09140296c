"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { SiteUrlNotConfigured, signIn } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { RateLimiter, clientAddress } from "@/lib/http/rate-limit";
import { startPasskeySignIn } from "@/lib/passkeys/sign-in-with-passkey";
import { LOCK_MINUTES } from "@/lib/auth/authenticate";
import { db } from "@/lib/db/client";
import { needsPasskey } from "@/lib/organizations/sign-milestones";

export interface SignInState {
  error?: string;
  email?: string;
}

/** Only same-site paths: never redirect a user to another site after signing in. */
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "/";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { email, error: "Enter your email address and your password." };
  try {
    // No redirect from Auth.js (it would name AUTH_URL's host): see passkeySignInAction.
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return {
        email,
        error:
          error.code === "locked"
            ? `Signing in to this account is locked for ${LOCK_MINUTES} minutes after too many wrong passwords. Try again later, or ask your administrator to unlock it.`
            : error.code === "throttled"
              ? `Too many failed sign-ins from your network. Try again in ${LOCK_MINUTES} minutes.`
              : "The email address or password is not correct.",
      };
    }
    if (error instanceof SiteUrlNotConfigured) return { email, error: "Sign-in is unavailable: this server does not know its own address. Its operator must set AUTH_URL." };
    if (error instanceof AuthError) return { email, error: "Signing in failed. Please try again." };
    throw error;
  }
  // An organisation that requires signed steps sends a member without a passkey to add one first (issue 14).
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (user && (await needsPasskey(user.id))) redirect("/settings?passkey=required#passkeys");
  redirect(safeCallback(form.get("callbackUrl")));
}

export type PasskeySignInOptions = { status: "ready"; options: PublicKeyCredentialRequestOptionsJSON } | { status: "error"; error: string };

/** Anyone may ask for a sign-in challenge (a row for five minutes): a network gets 20 at once, then one a second. */
const challengeLimiter = new RateLimiter({ burst: 20, perSecond: 1 });

/** The options for the browser's passkey prompt, with a fresh sign-in challenge. */
export async function passkeySignInOptionsAction(): Promise<PasskeySignInOptions> {
  const wait = challengeLimiter.take(clientAddress(new Request("http://localhost/", { headers: await headers() })));
  if (wait > 0) return { status: "error", error: `Too many passkey sign-ins from your network. Try again in ${wait} second${wait === 1 ? "" : "s"}.` };
  try {
    return { status: "ready", options: await startPasskeySignIn() };
  } catch (error) {
    if (isAppError(error)) return { status: "error", error: error.message };
    throw error;
  }
}

/**
 * Signs in with the browser's passkey response through Auth.js's passkey provider (the same
 * session row and cookie as a password). Both sign-ins then go to the page asked for on the
 * address the browser is on: a same-site path, never a host. Passkeys on the embedded default
 * live on localhost while AUTH_URL names 127.0.0.1, and a cookie set for one is not sent to the
 * other; a path carries no host for a forged header to move either.
 */
export async function passkeySignInAction(response: AuthenticationResponseJSON, callbackUrl: string): Promise<SignInState> {
  if (typeof response !== "object" || response === null) return { error: "This passkey did not sign you in. Try again, or use your password." };
  try {
    await signIn("passkey", { response: JSON.stringify(response), redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) return { error: "This passkey did not sign you in: it may have been revoked, or the prompt took too long. Try again, or use your password." };
    if (error instanceof SiteUrlNotConfigured) return { error: "Sign-in is unavailable: this server does not know its own address. Its operator must set AUTH_URL." };
    if (error instanceof AuthError) return { error: "Signing in failed. Please try again." };
    throw error;
  }
  redirect(safeCallback(callbackUrl));
}
