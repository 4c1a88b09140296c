import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { AUTH_LINK_CLASS, AuthCard } from "@/components/shell/auth-card";
import { isAppError } from "@/lib/errors";
import { relyingParty } from "@/lib/passkeys/relying-party";
import { PasskeySignIn } from "./passkey-sign-in";
import { SignInForm } from "./sign-in-form";

function passkeyOrigin(): string | null {
  try {
    return relyingParty().origins[0] ?? null;
  } catch (error) {
    if (isAppError(error)) return null; // no address to scope passkeys to: the password alone
    throw error;
  }
}

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await currentActor()) redirect("/");
  let target = "/";
  try {
    // next-auth passes an absolute URL; keep only its path on this site.
    if (callbackUrl) target = new URL(callbackUrl, "http://localhost").pathname;
  } catch {
    target = "/";
  }
  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          Holding a document?{" "}
          <a href="/verify" className={AUTH_LINK_CLASS}>
            Check whether it is anchored
          </a>{" "}
          without an account.
        </>
      }
    >
      <SignInForm callbackUrl={target} />
      <PasskeySignIn origin={passkeyOrigin()} callbackUrl={target} />
      <p className="mt-4 text-center text-sm">
        <a href="/forgot-password" className={AUTH_LINK_CLASS}>
          Forgot your password?
        </a>
      </p>
    </AuthCard>
  );
}
