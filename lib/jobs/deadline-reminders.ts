import { addCalendarDays, bankingDaysLeft, calendarDaysBetween, isoDay } from "@/lib/calendar/banking-days";
import { creditLabel } from "@/lib/credits/label";
import { itemHref } from "@/lib/credits/links";
import { type Tx, db } from "@/lib/db/client";
import { emailNotifications } from "@/lib/email/notifications";
import type { DeadlineKind, MemberRole } from "@/lib/generated/prisma/enums";
import { PARTY_FIELD, actingBankId } from "@/lib/lifecycle/authorize";
import { ACTIONS, type Party } from "@/lib/lifecycle/definition";

// Deadlines approaching (issue 12): the examining bank's officers are reminded on the banking day
// before the examination deadline (UCP 600 art. 14(b): day 4 of the five; for an ISP98 standby,
// the day before its shorter deadline), and every party to a credit seven days before it expires
// (art. 6(d): documents presented after expiry are refused). Each reminder is a notification in
// the app and an e-mail by each person's preference, sent once per subject and deadline date:
// an amended expiry date is reminded again. Who is reminded comes from the lifecycle table: those
// who may determine a presentation, and those told when a credit expires.

export const EXPIRY_NOTICE_DAYS = 7;

const EXAMINERS = ACTIONS.determineCompliant;
const EXPIRY = ACTIONS.expireCredit;

export async function remindDeadlines(now = new Date(), log: (line: string) => void = () => {}): Promise<{ examinations: number; expiries: number }> {
  const today = isoDay(now);
  return { examinations: await remindExaminations(today, now), expiries: await remindExpiries(today, now, log) };
}

async function remindExaminations(today: string, now: Date): Promise<number> {
  // Five banking days never span more than a few weeks of calendar, holidays and all.
  const presentations = await db().presentation.findMany({
    where: { status: "PRESENTED", examinationDeadline: { gte: new Date(today), lte: new Date(addCalendarDays(today, 31)) } },
    select: { id: true, number: true, examinationDeadline: true, examiningBankId: true, credit: { select: { id: true, reference: true, creditNumber: true, issuingBankId: true, advisingBankId: true, confirmingBankId: true, applicantId: true, beneficiaryId: true } } },
  });
  let sent = 0;
  for (const p of presentations) {
    const deadline = isoDay(p.examinationDeadline!);
    // The bank that examines it (fixed at presentation, issue 13 item 7) is reminded, and its own
    // holidays count the days left, as they set the deadline.
    const examiners = [actingBankId(EXAMINERS, { credit: p.credit, examiningBankId: p.examiningBankId })!];
    const holidays = (await db().bankHoliday.findMany({ where: { bankId: { in: examiners } }, select: { date: true } })).map((h) => h.date);
    const left = bankingDaysLeft(deadline, today, holidays);
    if (left > 1) continue;
    const title =
      left === 1
        ? `${creditLabel(p.credit)}: one banking day left to examine presentation ${p.number}; the deadline is ${deadline} (UCP 600 art. 14(b))`
        : `${creditLabel(p.credit)}: presentation ${p.number} must be examined today, ${deadline} (UCP 600 art. 14(b))`;
    if (await remind({ kind: "EXAMINATION", subjectId: p.id, dueOn: deadline, organizations: examiners, roles: EXAMINERS.roles, creditId: p.credit.id, title, href: itemHref(p.credit.id, "presentation", p.id), now })) sent++;
  }
  return sent;
}

async function remindExpiries(today: string, now: Date, log: (line: string) => void): Promise<number> {
  const credits = await db().credit.findMany({
    where: { status: { in: [...EXPIRY.from] }, expiryDate: { gte: new Date(today), lte: new Date(addCalendarDays(today, EXPIRY_NOTICE_DAYS)) } },
    select: { id: true, reference: true, creditNumber: true, expiryDate: true, applicantId: true, beneficiaryId: true, issuingBankId: true, advisingBankId: true, confirmingBankId: true },
  });
  let sent = 0;
  for (const credit of credits) {
    const expiry = isoDay(credit.expiryDate);
    const days = calendarDaysBetween(today, expiry);
    const when = days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`;
    const title = `${creditLabel(credit)} expires ${when}, on ${expiry}: documents presented after that are refused (UCP 600 art. 6(d))`;
    const parties = (EXPIRY.notify as readonly Party[]).map((party) => credit[PARTY_FIELD[party]]).filter((id): id is string => !!id);
    if (await remind({ kind: "EXPIRY", subjectId: credit.id, dueOn: expiry, organizations: parties, roles: null, creditId: credit.id, title, href: itemHref(credit.id, "credit", null), now })) sent++;
  }
  if (sent > 0) log(`deadlines: reminded ${sent} credit(s) of their expiry`);
  return sent;
}

/** Claims the reminder (once per subject and date, whichever job runner gets there first), then notifies. */
async function remind(r: { kind: DeadlineKind; subjectId: string; dueOn: string; organizations: string[]; roles: readonly MemberRole[] | null; creditId: string; title: string; href: string; now: Date }): Promise<boolean> {
  return db().$transaction(async (tx: Tx) => {
    const claimed = await tx.deadlineReminder.createMany({ data: [{ kind: r.kind, subjectId: r.subjectId, dueOn: new Date(r.dueOn), createdAt: r.now }], skipDuplicates: true });
    if (claimed.count === 0) return false;
    const members = await tx.membership.findMany({
      where: { organizationId: { in: r.organizations }, ...(r.roles ? { roles: { hasSome: [...r.roles] } } : {}) },
      select: { userId: true },
    });
    const userIds = [...new Set(members.map((m) => m.userId))];
    if (userIds.length === 0) return true;
    await tx.notification.createMany({ data: userIds.map((userId) => ({ userId, creditId: r.creditId, title: r.title, href: r.href, createdAt: r.now })) });
    await emailNotifications(tx, userIds, { title: r.title, href: r.href });
    return true;
  });
}
