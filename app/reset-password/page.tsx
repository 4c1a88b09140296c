import type { Metadata } from "next";
import { AUTH_LINK_CLASS, AuthCard } from "@/components/shell/auth-card";
import { ResetPasswordForm } from "./reset-form";

export const metadata: Metadata = { title: "Set a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <AuthCard
      title="Set a new password"
      footer={
        <a href="/sign-in" className={AUTH_LINK_CLASS}>
          Back to sign in
        </a>
      }
    >
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p role="alert" className="text-sm text-slate-700">
          This page opens from the link in a password e-mail.{" "}
          <a href="/forgot-password" className={AUTH_LINK_CLASS}>
            Ask for a link
          </a>
          .
        </p>
      )}
    </AuthCard>
  );
}
