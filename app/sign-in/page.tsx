import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
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
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-brand-800">TradeTrail</p>
          <p className="mt-1 text-sm text-slate-600">Letters of credit with an audit trail anchored on Ethereum</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-5 text-lg font-semibold text-slate-900">Sign in</h1>
          <SignInForm callbackUrl={target} />
        </div>
        <p className="mt-6 text-center text-sm text-slate-600">
          Holding a document?{" "}
          <a href="/verify" className="font-medium text-brand-700 underline underline-offset-2 hover:decoration-2">
            Check whether it is anchored
          </a>{" "}
          without an account.
        </p>
      </div>
    </main>
  );
}
