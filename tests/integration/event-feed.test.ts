import { beforeAll, describe, expect, it } from "vitest";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { loadCreditForEvents, recordEvents } from "@/lib/events/record-events";
import { performAction } from "@/lib/lifecycle/perform";
import { useTestDatabase } from "./support/database";
import { violations } from "./support/openapi-schema";
import { tokenFor } from "./support/tokens";
import { type World, createWorld, creditIn } from "./support/world";

// GET /api/v1/events (issue 15, item 6): a durable feed in commit order. A reader walking it by
// cursor sees every event once, even while transactions commit in another order than they began.

useTestDatabase();
let world: World;

interface Page {
  events: { id: string; type: string; cursor: string; credit: { id: string } }[];
  next: string;
  hasMore: boolean;
}

async function feed(actor: Actor, query = ""): Promise<{ status: number; body: Page & { error?: { message: string } } }> {
  const token = await tokenFor(actor, ["read"]);
  const response = await eventsRoute(new Request(`http://localhost/api/v1/events${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as Page & { error?: { message: string } } };
}

/** Everything after `cursor`, page by page. */
async function walk(actor: Actor, cursor: string, limit = 3): Promise<{ ids: string[]; next: string }> {
  const ids: string[] = [];
  for (;;) {
    const page = (await feed(actor, `?after=${cursor}&limit=${limit}`)).body;
    ids.push(...page.events.map((e) => e.id));
    cursor = page.next;
    if (!page.hasMore) return { ids, next: cursor };
  }
}

async function issueOne(): Promise<string> {
  const { creditId } = await creditIn(world, "ISSUANCE_PENDING");
  await performAction({ actor: world.users.issuingBank.CHECKER, action: "approveIssuance", creditId });
  return creditId;
}

const seqOf = (cursor: string) => BigInt(cursor.slice(4));
/** A milestone to record as an event (recordEvents does not read the milestone itself). */
const issued = [{ seq: 1, kind: "CREDIT_ISSUED" as const, subjectId: null }];
const deferred = () => {
  let release!: () => void;
  return { promise: new Promise<void>((r) => (release = r)), release: () => release() };
};

beforeAll(async () => {
  world = await createWorld();
});

describe("the event feed", () => {
  it("lists a real step's events to the parties who may see the credit, in the documented shape", async () => {
    const before = (await feed(world.users.issuingBank.VIEWER)).body.next;
    const creditId = await issueOne();
    for (const party of [world.users.issuingBank.VIEWER, world.users.applicant.MAKER, world.users.beneficiary.VIEWER, world.users.advisingBank.ADMIN]) {
      const page = await feed(party, `?after=${before}`);
      expect(page.status).toBe(200);
      expect(violations("/events", "get", 200, page.body)).toEqual([]);
      expect(page.body.events.map((e) => [e.type, e.credit.id])).toEqual([["credit.issued", creditId]]);
    }
    for (const outsider of [world.users.otherBank.ADMIN, world.users.otherCorporate.MAKER, world.users.auditor.ADMIN]) {
      expect((await feed(outsider)).body.events).toEqual([]);
    }
  });

  it("walked by cursor while steps commit concurrently, sees every event exactly once, in order", async () => {
    const start = (await feed(world.users.issuingBank.VIEWER)).body.next;
    let done = false;
    const work = Promise.all(Array.from({ length: 10 }, () => issueOne())).finally(() => (done = true));
    const seen: string[] = [];
    let cursor = start;
    // Walk while they commit, then once more after the last has.
    while (!done) {
      const page = await walk(world.users.issuingBank.VIEWER, cursor, 2);
      seen.push(...page.ids);
      cursor = page.next;
    }
    const credits = await work;
    seen.push(...(await walk(world.users.issuingBank.VIEWER, cursor, 2)).ids);
    const expected = await db().feedEvent.findMany({ where: { seq: { gt: seqOf(start) }, creditId: { in: credits } }, orderBy: { seq: "asc" }, select: { id: true } });
    expect(expected.length).toBe(10);
    expect(seen).toEqual(expected.map((e) => e.id));
  });

  it("numbers events in commit order: a step that began first but commits last comes after, and one holding a number makes the next wait", async () => {
    const [{ creditId: a }, { creditId: b }, { creditId: c }] = await Promise.all([creditIn(world, "ISSUED"), creditIn(world, "ISSUED"), creditIn(world, "ISSUED")]);
    const reader = world.users.issuingBank.VIEWER;
    const start = (await feed(reader)).body.next;

    // A begins (its step's own work), B begins later and commits first.
    const aWorked = deferred();
    const aRecord = deferred();
    const aRecorded = deferred();
    const aCommit = deferred();
    const stepA = db().$transaction(async (tx) => {
      await tx.credit.update({ where: { id: a }, data: { version: { increment: 1 } } });
      aWorked.release();
      await aRecord.promise;
      await recordEvents(tx, await loadCreditForEvents(tx, a), issued, new Date());
      aRecorded.release();
      await aCommit.promise;
    });
    await aWorked.promise;
    await db().$transaction(async (tx) => recordEvents(tx, await loadCreditForEvents(tx, b), issued, new Date()));
    const first = await walk(reader, start);

    // A takes its number and stays open; C, recording now, waits for A's commit before it can
    // number (and so commit) its event: nobody can see C's while A's is still to come.
    aRecord.release();
    await aRecorded.promise;
    let cCommitted = false;
    const stepC = db()
      .$transaction(async (tx) => recordEvents(tx, await loadCreditForEvents(tx, c), issued, new Date()))
      .then(() => (cCommitted = true));
    await new Promise((r) => setTimeout(r, 400));
    expect(cCommitted).toBe(false);
    const meanwhile = await walk(reader, first.next);
    expect(meanwhile.ids).toEqual([]);
    aCommit.release();
    await Promise.all([stepA, stepC]);
    const last = await walk(reader, meanwhile.next);

    const events = await db().feedEvent.findMany({ where: { seq: { gt: seqOf(start) } }, orderBy: { seq: "asc" }, select: { id: true, creditId: true } });
    expect(events.map((e) => e.creditId)).toEqual([b, a, c]);
    expect(first.ids).toEqual([events[0]!.id]);
    expect(last.ids).toEqual([events[1]!.id, events[2]!.id]);
  });

  it("keeps nothing of a step that rolls back: no event, no delivery, no number used", async () => {
    const { creditId } = await creditIn(world, "ISSUED");
    await db().webhookSubscription.create({ data: { organizationId: world.orgs.issuingBank, url: "https://erp.example.com/hook", eventTypes: ["credit.issued"], secret: "whsec_x" } });
    const counter = async () => (await db().eventCounter.findUniqueOrThrow({ where: { id: 1 } })).last;
    const before = { last: await counter(), deliveries: await db().webhookDelivery.count() };
    await expect(
      db().$transaction(async (tx) => {
        await recordEvents(tx, await loadCreditForEvents(tx, creditId), issued, new Date());
        throw new Error("the step failed after recording");
      }),
    ).rejects.toThrow("the step failed");
    expect(await counter()).toBe(before.last);
    expect(await db().feedEvent.count({ where: { creditId } })).toBe(0);
    expect(await db().webhookDelivery.count()).toBe(before.deliveries);
    // The next committed step takes the number the rolled-back one gave back: no gap.
    await db().$transaction(async (tx) => recordEvents(tx, await loadCreditForEvents(tx, creditId), issued, new Date()));
    expect(await counter()).toBe(before.last + 1n);
    expect(await db().webhookDelivery.count()).toBe(before.deliveries + 1);
  });

  it("refuses a cursor it did not issue, an unknown parameter and a limit out of range with 400, saying which", async () => {
    const viewer = world.users.issuingBank.VIEWER;
    for (const [query, message] of [
      ["?after=garbage", /after is not a cursor this API issued/],
      ["?after=ev1_-1", /after is not a cursor/],
      ["?after=ev1_01", /after is not a cursor/],
      ["?after=ev1_99999999999999999999", /after is not a cursor/],
      ["?since=ev1_1", /Unknown query parameter "since"/],
      ["?limit=0", /limit must be a whole number from 1 to 500/],
      ["?limit=501", /limit must be a whole number from 1 to 500/],
      ["?after=ev1_1&after=ev1_2", /once/],
    ] as const) {
      const response = await feed(viewer, query);
      expect(response.status, query).toBe(400);
      expect(response.body.error!.message, query).toMatch(message);
    }
    const empty = await feed(viewer, "?after=ev1_999999999&limit=5");
    expect(empty.body).toEqual({ events: [], next: "ev1_999999999", hasMore: false });
  });
});
