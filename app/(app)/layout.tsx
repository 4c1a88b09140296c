import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { isPlatformAdmin } from "@/lib/organizations/onboarding";
import { signOut } from "@/lib/auth";
import { readSessionCookie } from "@/lib/auth/session-cookie";
import { config } from "@/lib/config";
import { endSignedOutSession } from "@/lib/auth/user-sessions";
import { unreadCount } from "@/lib/notifications";
import { canSeeCredit } from "@/lib/credits/can-see-credit";
import { PATHNAME_HEADER, creditIdInPath, presentationIdInPath } from "@/lib/credits/credit-path";

export const dynamic = "force-dynamic";

async function signOutAction() {
  "use server";
  // End the session on the server first: a copy of the cookie must open nothing afterwards.
  const claims = await readSessionCookie(await cookies(), config().AUTH_SECRET);
  await endSignedOutSession({ userId: claims?.userId, sessionId: claims?.sessionId });
  // No redirect from Auth.js (it would name AUTH_URL's host, and a user on localhost, where passkeys
  // work, would land on 127.0.0.1): the same-site path keeps the browser on its own address.
  await signOut({ redirect: false });
  redirect("/sign-in");
}

/** The platform operator is never a party to a credit: its people see organisations, not credits. */
function operatorNav(actor: Actor) {
  return [...(isPlatformAdmin(actor) ? [{ href: "/platform", label: "Organisations" }] : []), { href: "/verify", label: "Verify a document" }, { href: "/settings", label: "Settings" }];
}

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  // A credit the user cannot see answers 404 here, before the loading boundary starts the stream
  // (lib/credits/credit-path.ts); the pages still check again themselves.
  const path = (await headers()).get(PATHNAME_HEADER);
  const creditId = creditIdInPath(path);
  if (creditId && !(await canSeeCredit(actor, creditId, presentationIdInPath(path)))) notFound();
  const unread = await unreadCount(actor);
  const nav = actor.organizationKind === "OPERATOR" ? operatorNav(actor) : [
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
