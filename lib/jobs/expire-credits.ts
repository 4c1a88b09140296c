import { db } from "@/lib/db/client";
import { SYSTEM } from "@/lib/lifecycle/authorize";
import { performAction } from "@/lib/lifecycle/perform";

/**
 * Marks issued and advised credits whose expiry date has passed as expired (one milestone each).
 * Runs on a schedule; a credit whose expiry is today is still open today.
 */
export async function expireCredits(now = new Date(), log: (line: string) => void = () => {}): Promise<number> {
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const due = await db().credit.findMany({
    where: { status: { in: ["ISSUED", "ADVISED"] }, expiryDate: { lt: today } },
    select: { id: true, reference: true },
    orderBy: { expiryDate: "asc" },
    take: 500,
  });
  let expired = 0;
  for (const credit of due) {
    try {
      await performAction({ actor: SYSTEM, action: "expireCredit", creditId: credit.id, now });
      expired++;
    } catch (error) {
      // Someone acted on it meanwhile (e.g. it settled): the next run looks again.
      log(`expiry: ${credit.reference}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (expired > 0) log(`expiry: marked ${expired} credit(s) expired`);
  return expired;
}
