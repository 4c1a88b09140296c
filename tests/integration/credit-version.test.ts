import { beforeAll, describe, expect, it } from "vitest";
import type { CreditStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ACTION_NAMES, type ActionName, type Party, actionRule } from "@/lib/lifecycle/definition";
import { performAction } from "@/lib/lifecycle/perform";
import { useTestDatabase } from "./support/database";
import { sampleInput } from "./support/permission-matrix";
import { type World, createWorld, creditIn } from "./support/world";

// Bug 10: every amendment and presentation action must raise the credit's version, the optimistic
// lock every open form holds (expectedVersion). If one stopped raising it, a form opened before
// another party's step would act on a credit that changed under it without being told. The
// actions are taken from the lifecycle definition, not listed here.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const SUBJECT_ACTIONS = ACTION_NAMES.filter((name) => actionRule(name).subject !== "credit");

/** A party and role the definition lets take this action (the issuing bank's plain maker or checker). */
function actorFor(name: ActionName): Actor {
  const rule = actionRule(name);
  const party = (rule.by as readonly Party[])[0]!;
  const role = rule.roles[0]!;
  return world.users[party as keyof World["users"]][role];
}

/** A credit in which the action is allowed: a state the credit may be in, its subject in the first `from` state. */
async function fixtureFor(name: ActionName) {
  const rule = actionRule(name);
  const creditStatus: CreditStatus = rule.creditIn?.includes("ADVISED") ? "ADVISED" : rule.creditIn![0]!;
  if (rule.from === "create") return creditIn(world, creditStatus);
  const subjectState = (rule.from as readonly string[])[0]!;
  // A checker's decision on a held (four-eyes) step needs that step prepared and waiting.
  const held = "decides" in rule && rule.decides ? (rule.checks as ActionName) : undefined;
  const heldOptions = held ? { held, ...(held === "adviseAmendment" ? { confirmedByAdvisingBank: true } : {}) } : {};
  // A finding to act on, or to notify (a notice needs one; declaring complying needs none open).
  const openFinding = rule.input === "findingRef" || rule.input === "waiver" || rule.to === "DISCREPANT" || held === "notifyDiscrepancies" || held === "dismissFinding";
  // A step of a presentation under eUCP (docs/EUCP.md) is taken on one: with a record to re-present or paper to receive.
  const eucp = rule.presentedUnder === "eucp" ? { eucp: { representation: name === "representRecord", paper: name === "recordCounterReceipt" } } : {};
  const fixture = await creditIn(world, creditStatus, { [rule.subject]: subjectState, openFinding, ...heldOptions, ...eucp });
  // A step only the bank at the place of presentation takes (forwarding to the issuing bank, art. 15(c)): the advising bank examined.
  if ("bank" in rule && rule.bank === "examining" && !(rule.by as readonly Party[]).includes("issuingBank")) {
    await db().presentation.update({ where: { id: fixture.presentationId! }, data: { examiningBankId: world.orgs.advisingBank } });
  }
  return fixture;
}

const versionOf = async (creditId: string) => (await db().credit.findUniqueOrThrow({ where: { id: creditId }, select: { version: true } })).version;

describe("the credit's version (optimistic lock)", () => {
  it("is put to the test by every amendment and presentation action of the definition", () => {
    const subjects = new Set(SUBJECT_ACTIONS.map((name) => actionRule(name).subject));
    expect([...subjects].sort()).toEqual(["amendment", "presentation"]);
    // Every one of them is taken by a person, so a form can be open while it happens.
    expect(SUBJECT_ACTIONS.filter((name) => actionRule(name).by === "system")).toEqual([]);
    expect(SUBJECT_ACTIONS.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of SUBJECT_ACTIONS) {
    it(`rises with ${name}, and a form opened before it is told the credit changed`, async () => {
      // A step offered under one four-eyes setting only (payment in one step or two) is taken under it.
      const setting = actionRule(name).whenFourEyes;
      if (!setting) return versionRises(name);
      const orgs = { id: { in: Object.values(world.orgs) } };
      await db().organization.updateMany({ where: orgs, data: { fourEyes: setting === "on" } });
      try {
        await versionRises(name);
      } finally {
        await db().organization.updateMany({ where: orgs, data: { fourEyes: true } });
      }
    });
  }

  async function versionRises(name: ActionName): Promise<void> {
    const rule = actionRule(name);
    const fixture = await fixtureFor(name);
    const actor = actorFor(name);
    const subjectId = rule.from === "create" ? undefined : (rule.subject === "amendment" ? fixture.amendmentId : fixture.presentationId);
    const before = await versionOf(fixture.creditId);

    const result = await performAction({ actor, action: name, creditId: fixture.creditId, subjectId, input: sampleInput(name, world, fixture), expectedVersion: before });
    const after = await versionOf(fixture.creditId);
    expect(after).toBeGreaterThan(before);
    expect(result.version).toBe(after);

    // Any form still holding the old version is refused as a conflict, and nothing happens.
    const stale = await performAction({ actor, action: name, creditId: fixture.creditId, subjectId, input: sampleInput(name, world, fixture), expectedVersion: before }).then(
      () => "succeeded",
      (error: unknown) => (error instanceof AppError ? error.code : `crashed: ${String(error)}`),
    );
    expect(stale).toBe("CONFLICT");
    expect(await versionOf(fixture.creditId)).toBe(after);
  }
});
