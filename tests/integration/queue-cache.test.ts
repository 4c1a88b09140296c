import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { CreditStatus } from "@/lib/generated/prisma/enums";
import { QUEUE_LISTENER_NAME, QueueCache, QueueChangeFeed, queueKey } from "@/lib/credits/queue-cache";
import { readMyQueue, readOthersQueue, refreshMyQueue, refreshOthersQueue, waitingForMe, waitingForOthers } from "@/lib/credits/waiting";
import { db } from "@/lib/db/client";
import { asSuperuser, useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

// The dashboard's queues are served from a web process's memory until a change that can move a
// credit in or out of them commits (lib/credits/queue-cache.ts, migration
// 20261206020000_queue_change_notify). Played against the real triggers and a real LISTEN: every
// table the queues read drops the queues of exactly the credit's parties; a change that commits
// while a queue is read, a rolled-back change, a lost listener and the entry's age are each
// handled; and what is served always equals a fresh read.

const database = useTestDatabase();
let world: World;
let feed: QueueChangeFeed;
let clock = 0;
let cache: QueueCache;

beforeAll(async () => {
  world = await createWorld();
  feed = new QueueChangeFeed(database.url());
  await feed.start();
});
afterAll(() => feed.stop());
/** An empty cache: each case (and each round of one) counts its own reads. */
const freshCache = () => (cache = new QueueCache(feed, { ttlMs: 60_000, now: () => clock }));
beforeEach(freshCache);

/** The actor's "waiting for you" through the cache, counting the reads that reached the database. */
function reader(actor: Actor, queue: "mine" | "others" = "mine") {
  let reads = 0;
  const { key, scope } = queueKey(actor, queue, 50);
  const read = async () => {
    reads += 1;
    return queue === "mine" ? waitingForMe(actor) : waitingForOthers(actor);
  };
  return {
    get: () => cache.get(key, scope, read),
    get reads() {
      return reads;
    },
  };
}

/** Every change committed so far has been heard. */
const settled = () => feed.sync();

describe("dashboard queue cache", () => {
  it("serves a queue from memory until a change to one of its organisation's credits commits", async () => {
    const beneficiary = reader(world.users.beneficiary.MAKER);
    const first = await beneficiary.get();
    expect(await beneficiary.get()).toBe(first);
    expect(beneficiary.reads).toBe(1);

    const { creditId } = await creditIn(world, "WITH_BENEFICIARY");
    await settled();
    const after = await beneficiary.get();
    expect(beneficiary.reads).toBe(2);
    expect(after.map((w) => w.id)).toContain(creditId);
    expect(after).toEqual(await waitingForMe(world.users.beneficiary.MAKER));
  });

  it("keeps the queues of organisations that are not party to the changed credit", async () => {
    const outsider = reader(world.users.otherBank.CHECKER);
    const outsiderOthers = reader(world.users.otherCorporate.MAKER, "others");
    await outsider.get();
    await outsiderOthers.get();
    const { creditId } = await creditIn(world, "WITH_APPLICANT");
    await db().credit.update({ where: { id: creditId }, data: { status: "WITH_BENEFICIARY", version: { increment: 1 } } });
    await settled();
    await outsider.get();
    await outsiderOthers.get();
    expect([outsider.reads, outsiderOthers.reads]).toEqual([1, 1]);
  });

  it("drops the queues of every party when an approval, an amendment, a presentation or a finding changes", async () => {
    const fixture = await creditIn(world, "ADVISED", { presentation: "PRESENTED", openFinding: true, amendment: "ISSUED" });
    const changes: [string, () => Promise<unknown>][] = [
      ["an approval is prepared", () => db().approval.create({ data: { creditId: fixture.creditId, kind: "ISSUANCE", makerId: world.dualIssuer.userId, payload: {} } })],
      ["an amendment is accepted", () => db().amendment.update({ where: { id: fixture.amendmentId! }, data: { status: "ACCEPTED" } })],
      ["a presentation is examined", () => db().presentation.update({ where: { id: fixture.presentationId! }, data: { status: "DISCREPANT" } })],
      ["a finding is dismissed", () => db().finding.update({ where: { id: fixture.findingId! }, data: { dismissed: true } })],
    ];
    for (const [change, make] of changes) {
      freshCache();
      const parties = [world.users.applicant.MAKER, world.users.beneficiary.MAKER, world.users.issuingBank.CHECKER, world.users.advisingBank.MAKER, world.users.confirmingBank.CHECKER].map((a) => reader(a));
      const outsider = reader(world.users.otherBank.MAKER);
      for (const r of [...parties, outsider]) await r.get();
      await make();
      await settled();
      for (const r of [...parties, outsider]) await r.get();
      expect(parties.map((r) => r.reads), change).toEqual([2, 2, 2, 2, 2]);
      expect(outsider.reads, change).toBe(1);
    }
  });

  it("drops every queue when an organisation's four-eyes setting, a bank holiday or an auditor's grant changes", async () => {
    const changes: [string, () => Promise<unknown>][] = [
      ["four eyes turned off and on", () => db().organization.update({ where: { id: world.orgs.otherBank }, data: { fourEyes: false } }).then(() => db().organization.update({ where: { id: world.orgs.otherBank }, data: { fourEyes: true } }))],
      ["a bank holiday", () => db().bankHoliday.create({ data: { bankId: world.orgs.otherBank, date: new Date("2031-01-02T00:00:00Z"), name: "Test holiday" } })],
      ["an audit grant", async () => {
        const { creditId } = await creditIn(world, "ISSUED");
        const now = Date.now();
        await db().auditGrant.create({ data: { auditorId: world.orgs.auditor, bankId: world.orgs.issuingBank, creditId, validFrom: new Date(now), validUntil: new Date(now + 86_400_000), grantedById: world.users.issuingBank.ADMIN.userId, approvedAt: new Date(now) } });
      }],
    ];
    for (const [change, make] of changes) {
      freshCache();
      const queues = [reader(world.users.applicant.MAKER), reader(world.users.auditor.VIEWER, "others")];
      for (const r of queues) await r.get();
      await make();
      await settled();
      for (const r of queues) await r.get();
      expect(queues.map((r) => r.reads), change).toEqual([2, 2]);
    }
  });

  it("keeps a queue when the change is rolled back", async () => {
    const applicant = reader(world.users.applicant.MAKER);
    await applicant.get();
    const { creditId } = await creditIn(world, "DRAFT");
    await settled();
    await applicant.get();
    expect(applicant.reads).toBe(2);
    await expect(
      db().$transaction(async (tx) => {
        await tx.credit.update({ where: { id: creditId }, data: { status: "WITH_BENEFICIARY" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await settled();
    await applicant.get();
    expect(applicant.reads).toBe(2);
  });

  it("does not keep a queue read while a change to it committed", async () => {
    const { creditId } = await creditIn(world, "WITH_APPLICANT");
    const actor = world.users.beneficiary.MAKER;
    const { key, scope } = queueKey(actor, "mine", 50);
    let reads = 0;
    // The read sees the credit with the applicant; the change to "with the beneficiary" commits
    // after the read's snapshot, before the read returns.
    const racing = async () => {
      reads += 1;
      const rows = await waitingForMe(actor);
      if (reads === 1) {
        await db().credit.update({ where: { id: creditId }, data: { status: "WITH_BENEFICIARY" } });
        await settled();
      }
      return rows;
    };
    expect((await cache.get(key, scope, racing)).map((w) => w.id)).not.toContain(creditId);
    expect((await cache.get(key, scope, racing)).map((w) => w.id)).toContain(creditId);
    expect(reads).toBe(2);
  });

  it("reads again once an entry is older than its time to live, and on another day", async () => {
    const issuer = reader(world.users.issuingBank.CHECKER);
    await issuer.get();
    clock += 59_999;
    await issuer.get();
    expect(issuer.reads).toBe(1);
    clock += 1;
    await issuer.get();
    expect(issuer.reads).toBe(2);

    const actor = world.users.issuingBank.CHECKER;
    expect(queueKey(actor, "mine", 50, new Date("2031-03-03T23:59:59Z")).key).not.toBe(queueKey(actor, "mine", 50, new Date("2031-03-04T00:00:00Z")).key);
    // Another user of the same organisation, or the same user with other roles, has a queue of their own.
    expect(queueKey(world.users.issuingBank.MAKER, "mine", 50).key).not.toBe(queueKey(actor, "mine", 50).key);
    expect(queueKey({ ...actor, roles: ["MAKER"] }, "mine", 50).key).not.toBe(queueKey(actor, "mine", 50).key);
  });

  it("serves nothing from memory while the listener is down, and nothing cached before it came back", async () => {
    const applicant = reader(world.users.applicant.MAKER);
    await applicant.get();
    await applicant.get();
    expect(applicant.reads).toBe(1);
    // The listener's connection is cut (a restart, a failover): notifications may be missed.
    await asSuperuser(database.ownerUrl(), (client) => client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", [QUEUE_LISTENER_NAME]));
    await expect.poll(() => feed.listening, { timeout: 5_000 }).toBe(false);
    const { creditId } = await creditIn(world, "WITH_APPLICANT");
    // Uncached while down: the new credit is there at once.
    expect((await applicant.get()).map((w) => w.id)).toContain(creditId);
    await expect.poll(() => feed.listening, { timeout: 10_000 }).toBe(true);
    const reads = applicant.reads;
    await applicant.get();
    expect(applicant.reads).toBe(reads + 1);
    await applicant.get();
    expect(applicant.reads).toBe(reads + 1);
  });

  it("shares one read between requests for the same queue", async () => {
    const adviser = reader(world.users.advisingBank.CHECKER);
    await creditIn(world, "ISSUED");
    await settled();
    const results = await Promise.all(Array.from({ length: 5 }, () => adviser.get()));
    expect(adviser.reads).toBe(1);
    expect(new Set(results).size).toBe(1);
  });
});

describe("dashboard queues brought up to date from the credits that changed", () => {
  it("hears which credit changed, and says when it cannot tell", async () => {
    const scope = world.orgs.advisingBank;
    const since = feed.position(scope);
    const { creditId } = await creditIn(world, "ISSUED");
    const other = await creditIn(world, "ADVISED", { presentation: "PRESENTED" });
    await db().presentation.update({ where: { id: other.presentationId! }, data: { status: "DISCREPANT" } });
    await settled();
    expect(new Set(feed.changedSince(scope, since))).toEqual(new Set([creditId, other.creditId]));
    expect(feed.changedSince(world.orgs.otherBank, feed.position(world.orgs.otherBank))).toEqual([]);

    // More changes than the feed remembers: the first of them is forgotten, so it cannot tell.
    const manyFrom = feed.position(scope);
    await db().credit.update({ where: { id: creditId }, data: { version: { increment: 1 } } });
    for (let i = 0; i < 70; i++) await db().credit.update({ where: { id: other.creditId }, data: { version: { increment: 1 } } });
    await settled();
    expect(feed.changedSince(scope, manyFrom)).toBeNull();

    // A reconnection may have missed changes.
    const beforeReconnection = feed.position(scope);
    await feed.stop();
    await feed.start();
    expect(feed.changedSince(scope, beforeReconnection)).toBeNull();

    // "*" (here a bank holiday) can move any credit: nothing short of a whole read will do.
    const beforeHoliday = feed.position(scope);
    await db().bankHoliday.create({ data: { bankId: world.orgs.otherBank, date: new Date("2032-01-02T00:00:00Z"), name: "Test holiday" } });
    await settled();
    expect(feed.changedSince(scope, beforeHoliday)).toBeNull();
  });

  it("equals a whole read after every change, reading whole only when a credit left a full cut", async () => {
    // Short queues (3 rows), so that cuts are full and changes fall inside, at and beyond them.
    const LIMIT = 3;
    const statuses: CreditStatus[] = ["WITH_APPLICANT", "WITH_BENEFICIARY", "AGREED", "SUBMITTED", "ISSUANCE_PENDING", "ISSUED", "ADVISED", "DRAFT"];
    for (const status of statuses) await creditIn(world, status);
    await creditIn(world, "ADVISED", { presentation: "PRESENTED" });
    await creditIn(world, "ADVISED", { amendment: "ISSUED" });
    // Every credit so far, the earlier cases' too: the oldest are the ones in the cuts.
    const credits = (await db().credit.findMany({ select: { id: true } })).map((c) => c.id);
    await settled();
    freshCache();
    const actors = [world.users.issuingBank.CHECKER, world.users.issuingBank.MAKER, world.users.advisingBank.MAKER, world.users.beneficiary.MAKER, world.users.applicant.MAKER];
    /** A queue served through the cache, beside a whole read of it. */
    const served = <T>(queue: string, read: () => Promise<T>, refresh: (before: T, changed: string[]) => Promise<T | null>, actor: Actor) => {
      const { key, scope } = queueKey(actor, queue, LIMIT);
      return { name: `${actor.email} ${queue}`, get: (): Promise<unknown> => cache.get(key, scope, read, refresh), read: (): Promise<unknown> => read() };
    };
    const queues = actors.flatMap((actor) => [
      served("mine", () => readMyQueue(actor, LIMIT), refreshMyQueue(actor, LIMIT), actor),
      served("others", () => readOthersQueue(actor, LIMIT), refreshOthersQueue(actor, LIMIT), actor),
    ]);
    // A fixed pseudo-random sequence of the changes a lifecycle makes: a step (the credit becomes
    // the most recent), a state change, an approval prepared and decided, a credit made, and a
    // credit moved back in time (into the middle of a cut).
    let seed = 42;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    const changes = [
      (id: string) => db().credit.update({ where: { id }, data: { version: { increment: 1 } } }),
      (id: string) => db().credit.update({ where: { id }, data: { status: statuses[random(statuses.length)]! } }),
      (id: string) => db().approval.create({ data: { creditId: id, kind: "ISSUANCE", makerId: world.users.issuingBank.MAKER.userId, payload: {} } }),
      (id: string) => db().approval.updateMany({ where: { creditId: id, status: "PENDING" }, data: { status: "REJECTED" } }),
      async () => credits.push((await creditIn(world, statuses[random(statuses.length)]!)).creditId),
      (id: string) => db().$executeRaw`UPDATE credits SET updated_at = updated_at - interval '1 day' * ${1 + random(30)} WHERE id = ${id}::uuid`,
    ];
    for (let round = 0; round < 40; round++) {
      // One change a round, sometimes two before anyone looks.
      for (let n = 1 + (round % 3 === 0 ? 1 : 0); n > 0; n--) await changes[random(changes.length)]!(credits[random(credits.length)]!);
      await settled();
      for (const queue of queues) {
        expect(await queue.get(), `${queue.name}, round ${round}`).toEqual(await queue.read());
      }
    }
    // Most changes were applied from the changed credits alone; some needed a whole read.
    expect(cache.stats.refreshed).toBeGreaterThan(cache.stats.misses);
    expect(cache.stats.misses).toBeGreaterThan(queues.length);
  });

  it("reads a queue whole when a credit it showed moved out of a full cut", async () => {
    const actor = world.users.beneficiary.MAKER;
    const oldest = await creditIn(world, "WITH_BENEFICIARY");
    await db().$executeRaw`UPDATE credits SET updated_at = '2001-01-01' WHERE id = ${oldest.creditId}::uuid`;
    await creditIn(world, "WITH_BENEFICIARY");
    await settled();
    freshCache();
    const { key, scope } = queueKey(actor, "mine", 1);
    let reads = 0;
    const read = () => ((reads += 1), readMyQueue(actor, 1));
    expect((await cache.get(key, scope, read, refreshMyQueue(actor, 1))).rows.map((r) => r.id)).toEqual([oldest.creditId]);
    // The one credit shown is taken (it becomes the most recent): the next oldest was never read.
    await db().credit.update({ where: { id: oldest.creditId }, data: { version: { increment: 1 } } });
    await settled();
    const after = await cache.get(key, scope, read, refreshMyQueue(actor, 1));
    expect(after.rows.map((r) => r.id)).not.toContain(oldest.creditId);
    expect(after).toEqual(await readMyQueue(actor, 1));
    expect(reads).toBe(2);
  });
});
