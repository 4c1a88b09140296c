import type { Metadata } from "next";
import { AUTH_LINK_CLASS, AuthCard } from "@/components/shell/auth-card";
import { ForgotPasswordForm } from "./forgot-form";

export const metadata: Metadata = { title: "Forgotten password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Forgotten password"
      footer={
        <a href="/sign-in" className={AUTH_LINK_CLASS}>
          Back to sign in
        </a>
      }
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
