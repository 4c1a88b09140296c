import type { Metadata } from "next";
import { AUTH_LINK_CLASS, AuthCard } from "@/components/shell/auth-card";
import { openInvitation } from "@/lib/organizations/members";
import { AcceptInvitationForm } from "./accept-form";

export const metadata: Metadata = { title: "Accept an invitation" };

export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const invitation = token ? await openInvitation(token) : null;
  return (
    <AuthCard
      title={invitation ? `Join ${invitation.organization}` : "Accept an invitation"}
      footer={
        <a href="/sign-in" className={AUTH_LINK_CLASS}>
          Sign in instead
        </a>
      }
    >
      {invitation && token ? (
        <>
          <p className="mb-4 text-sm text-slate-600">You are invited as {invitation.roles.map((r) => r.toLowerCase()).join(", ")}. Choose your name and a password.</p>
          <AcceptInvitationForm token={token} email={invitation.email} />
        </>
      ) : (
        <p role="alert" className="text-sm text-slate-700">
          This invitation is not valid any more: it was used, withdrawn, replaced or is older than 7 days. Ask the administrator who invited you for a new one.
        </p>
      )}
    </AuthCard>
  );
}
