"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { SiteUrlNotConfigured, signIn } from "@/lib/auth";
import { LOCK_MINUTES } from "@/lib/auth/authenticate";

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
    await signIn("credentials", { email, password, redirectTo: safeCallback(form.get("callbackUrl")) });
    return {};
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
    throw error; // includes the redirect that follows a successful sign-in
  }
}
