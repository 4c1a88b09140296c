import { AppShell } from "@/components/shell/app-shell";
import { requireActor } from "@/lib/auth/session";
import { signOut } from "@/lib/auth";
import { unreadCount } from "@/lib/notifications";

export const dynamic = "force-dynamic";

async function signOutAction() {
  "use server";
  await signOut({ redirectTo: "/sign-in" });
}

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const unread = await unreadCount(actor);
  const nav = [
    { href: "/", label: "Dashboard" },
    { href: "/credits", label: "Credits" },
    ...(actor.organizationKind === "CORPORATE" && actor.roles.some((r) => r === "MAKER" || r === "ADMIN") ? [{ href: "/credits/new", label: "New credit" }] : []),
    ...(actor.organizationKind === "AUDITOR" ? [{ href: "/audit", label: "Audit" }] : []),
    { href: "/verify", label: "Verify a document" },
    { href: "/settings", label: "Settings" },
  ];
  return (
    <AppShell
      user={{ name: actor.name, email: actor.email }}
      organization={{ name: actor.organizationName, kind: actor.organizationKind }}
      roles={actor.roles}
      nav={nav}
      unreadNotifications={unread}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}
