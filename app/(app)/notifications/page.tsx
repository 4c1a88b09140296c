import type { Metadata } from "next";
import Link from "next/link";
import { revalidatePath } from "next/cache";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { Time } from "@/components/ui/time";
import { actorOrThrow, requireActor } from "@/lib/auth/session";
import { listNotifications, markRead } from "@/lib/notifications";

export const metadata: Metadata = { title: "Notifications" };

async function markAllRead() {
  "use server";
  await markRead(await actorOrThrow());
  revalidatePath("/", "layout");
}

export default async function NotificationsPage() {
  const actor = await requireActor();
  const notifications = await listNotifications(actor);
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeader
        title="Notifications"
        description={unread ? `${unread} unread` : "All caught up"}
        actions={
          unread ? (
            <form action={markAllRead}>
              <SubmitButton variant="secondary">Mark all as read</SubmitButton>
            </form>
          ) : undefined
        }
      />
      <Card>
        <CardBody className="p-0">
          {notifications.length === 0 ? (
            <EmptyState title="No notifications" description="You are told here when another party acts on a credit you work on." />
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Notifications">
              {notifications.map((n) => (
                <li key={n.id} className={`flex items-start justify-between gap-4 px-4 py-3 ${n.readAt ? "" : "bg-brand-50/40"}`}>
                  <div>
                    {n.href ? (
                      <Link href={n.href} className={`text-sm ${n.readAt ? "text-slate-700" : "font-semibold text-slate-900"} underline underline-offset-2 hover:decoration-2`}>
                        {n.title}
                      </Link>
                    ) : (
                      <span className="text-sm">{n.title}</span>
                    )}
                    {n.body ? <p className="mt-0.5 text-sm text-slate-600">{n.body}</p> : null}
                  </div>
                  <span className="shrink-0 text-xs text-slate-500">
                    {n.readAt ? null : <span className="sr-only">Unread. </span>}
                    <Time value={n.createdAt} relative />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </>
  );
}
