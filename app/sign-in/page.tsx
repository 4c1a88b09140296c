import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { AUTH_LINK_CLASS, AuthCard } from "@/components/shell/auth-card";
import { SignInForm } from "./sign-in-form";

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
      <p className="mt-4 text-center text-sm">
        <a href="/forgot-password" className={AUTH_LINK_CLASS}>
          Forgot your password?
        </a>
      </p>
    </AuthCard>
  );
}
