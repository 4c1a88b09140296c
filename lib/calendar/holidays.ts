import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { isRealIsoDate } from "@/lib/format/dates";

// A bank's own holidays: its examination deadlines (UCP 600 art. 14b) skip them.

export async function listHolidays(bankId: string) {
  return db().bankHoliday.findMany({ where: { bankId }, orderBy: { date: "asc" } });
}

export async function addHoliday(actor: Actor, input: { date: string; name: string }): Promise<void> {
  if (actor.organizationKind !== "BANK" || !actor.roles.includes("ADMIN")) throw forbidden("Only a bank administrator manages its holidays.");
  if (!isRealIsoDate(input.date)) throw invalid(`Enter a real calendar date as YYYY-MM-DD ("${input.date.slice(0, 20)}" is not one).`, { date: "Enter a real date" });
  const name = input.name.trim();
  if (name.length < 2 || name.length > 80) throw invalid("Name the holiday (2 to 80 characters).", { name: "2 to 80 characters" });
  await db().bankHoliday.upsert({
    where: { bankId_date: { bankId: actor.organizationId, date: new Date(`${input.date}T00:00:00Z`) } },
    update: { name },
    create: { bankId: actor.organizationId, date: new Date(`${input.date}T00:00:00Z`), name },
  });
}

export async function removeHoliday(actor: Actor, holidayId: string): Promise<void> {
  if (actor.organizationKind !== "BANK" || !actor.roles.includes("ADMIN")) throw forbidden("Only a bank administrator manages its holidays.");
  if (!isUuid(holidayId)) throw notFound("The holiday");
  await db().bankHoliday.deleteMany({ where: { id: holidayId, bankId: actor.organizationId } });
}
