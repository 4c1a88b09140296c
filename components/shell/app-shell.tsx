import Link from "next/link";
import type { ReactNode } from "react";
import type { MemberRole, OrganizationKind } from "@/lib/generated/prisma/enums";
import { MEMBER_ROLE_LABELS, ORGANIZATION_KIND_LABELS } from "@/components/status/labels";
import { MainNav, type NavItem } from "./main-nav";

export interface AppShellProps {
  user: { name: string; email: string };
  organization: { name: string; kind: OrganizationKind };
  roles: readonly MemberRole[];
  /** The sections this user may open, decided by the layout from the user's organisation and roles. */
  nav: { href: string; label: string }[];
  unreadNotifications: number;
  signOutAction: () => Promise<void>;
  children: ReactNode;
}

/**
 * The frame of every signed-in page: who you are and for whom you act (banner), where you can
 * go (main navigation, with notifications next to settings), and the page itself (main).
 */
export function AppShell({ user, organization, roles, nav, unreadNotifications, signOutAction, children }: AppShellProps) {
  const items: NavItem[] = nav.flatMap((item): NavItem[] =>
    // Notifications sit just before Settings, with the unread count.
    item.href === "/settings" ? [notificationsItem(unreadNotifications), item] : [item],
  );
  if (!items.some((item) => item.href === "/notifications")) items.push(notificationsItem(unreadNotifications));

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only z-50 rounded-md bg-white px-4 py-2 font-medium text-brand-800 shadow focus:not-sr-only focus:absolute focus:top-2 focus:left-2">
        Skip to content
      </a>
      <header className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-white">
            <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" className="h-6 w-6 text-brand-300">
              <path d="M4 18h4l4-12 4 12h4" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            TradeTrail
          </Link>
          <div className="flex flex-wrap items-center gap-4 text-sm">
            <div className="text-right leading-tight">
              <div className="font-medium">{user.name}</div>
              <div className="text-brand-200">
                {organization.name}
                <span className="sr-only">, </span>
                <span className="text-brand-300"> · {ORGANIZATION_KIND_LABELS[organization.kind]}</span>
                <span className="sr-only">, roles: </span>
                <span className="text-brand-300"> · {roles.map((role) => MEMBER_ROLE_LABELS[role]).join(", ")}</span>
              </div>
            </div>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <MainNav items={items} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 focus:outline-none sm:px-6">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-7xl px-4 py-4 text-xs text-slate-500 sm:px-6">
          Signed in as {user.email}. Milestones and document hashes are anchored on Ethereum; terms, names and amounts never leave this system.
        </div>
      </footer>
    </div>
  );
}

function notificationsItem(unread: number): NavItem {
  return { href: "/notifications", label: "Notifications", count: unread, countLabel: "unread" };
}
