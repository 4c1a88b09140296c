import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/anchoring/json";
import { ZERO_DIGEST, milestoneDigest } from "@/lib/anchoring/digest";
import { type NewMilestone, appendMilestone } from "@/lib/anchoring/record";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

// appendMilestone, the outbox writer, on real PostgreSQL: what it stores is exactly what a
// verifier recomputes the digest from, chained to the credit's previous milestone, with a fresh
// random salt every time.

useTestDatabase();
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function append(milestone: NewMilestone) {
  return db().$transaction((tx) => appendMilestone(tx, milestone));
}

async function stored(creditId: string, seq: number) {
  return db().milestone.findFirstOrThrow({ where: { creditId, seq } });
}

describe("appendMilestone", () => {
  it("gives two milestones of the same credit and content different salts and digests", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    const first = await append({ creditId, kind: "CREDIT_ADVISED", content: { same: true } });
    const second = await append({ creditId, kind: "CREDIT_ADVISED", content: { same: true } });
    const [a, b] = [await stored(creditId, first.seq), await stored(creditId, second.seq)];
    expect(a.salt).not.toBe(b.salt);
    expect(a.digest).not.toBe(b.digest);
  });

  it("salts every milestone with 32 random bytes, never zero and never repeated, across credits", async () => {
    const credits = [await creditIn(world, "ADVISED"), await creditIn(world, "ADVISED")];
    for (const { creditId } of credits) {
      for (let i = 0; i < 4; i++) await append({ creditId, kind: "TERMS_AGREED", content: { i } });
    }
    const milestones = await db().milestone.findMany({ where: { creditId: { in: credits.map((c) => c.creditId) } } });
    expect(milestones).toHaveLength(8);
    for (const m of milestones) {
      expect(m.salt).toMatch(/^0x[0-9a-f]{64}$/);
      expect(m.salt).not.toBe(ZERO_DIGEST);
    }
    expect(new Set(milestones.map((m) => m.salt)).size).toBe(8);
    // The same content on two credits: the salt, and the credit id, keep the digests apart.
    const sameContent = milestones.filter((m) => (m.content as { i: number }).i === 0);
    expect(sameContent).toHaveLength(2);
    expect(sameContent[0]!.digest).not.toBe(sameContent[1]!.digest);
  });

  it("numbers a credit's milestones 1, 2, 3 and chains each to the previous digest, the first to zero", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await append({ creditId, kind: "CREDIT_ISSUED", content: { step: i } }));
    expect(results.map((r) => r.seq)).toEqual([1, 2, 3]);
    const rows = await db().milestone.findMany({ where: { creditId }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prevDigest).toBe(ZERO_DIGEST);
    expect(rows[1]!.prevDigest).toBe(rows[0]!.digest);
    expect(rows[2]!.prevDigest).toBe(rows[1]!.digest);
    expect(rows.map((r) => r.digest)).toEqual(results.map((r) => r.digest));
    expect(rows.map((r) => r.id)).toEqual(results.map((r) => r.id));
    // Another credit's chain starts on its own at 1.
    const other = await creditIn(world, "ADVISED");
    const first = await append({ creditId: other.creditId, kind: "CREDIT_ISSUED", content: { step: 0 } });
    expect(first.seq).toBe(1);
    expect((await stored(other.creditId, 1)).prevDigest).toBe(ZERO_DIGEST);
  });

  it("stores exactly the inputs its digest commits to, so a verifier recomputes the same digest", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    const invoice = sha256("invoice");
    const lading = sha256("bill of lading");
    const actor = world.users.beneficiary.MAKER;
    const content = { presentation: 1, amount: "125000.00", documents: ["INVOICE", "BILL_OF_LADING"] };
    const result = await append({
      creditId,
      kind: "DOCUMENTS_PRESENTED",
      subjectId: creditId,
      actorId: actor.userId,
      actorOrgId: world.orgs.beneficiary,
      content,
      documentHashes: [invoice, lading, invoice], // invoice sorts after lading
    });
    const m = await stored(creditId, result.seq);
    expect(m.id).toBe(result.id);
    expect(m.kind).toBe("DOCUMENTS_PRESENTED");
    expect(m.subjectId).toBe(creditId);
    expect(m.actorId).toBe(actor.userId);
    expect(m.actorOrgId).toBe(world.orgs.beneficiary);
    expect(m.content).toEqual(content);
    expect(m.documentHashes).toEqual([lading, invoice]);
    expect(m.status).toBe("PENDING");
    expect(m.batchId).toBeNull();
    const recomputed = milestoneDigest({
      creditId,
      seq: m.seq,
      kind: m.kind,
      content: m.content as JsonValue,
      documentHashes: m.documentHashes,
      prevDigest: m.prevDigest,
      salt: m.salt,
    });
    expect(m.digest).toBe(recomputed);
    expect(result.digest).toBe(recomputed);
  });

  it("records a milestone without actor, subject or documents as nulls and an empty list", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    const result = await append({ creditId, kind: "CREDIT_ADVISED", content: {} });
    const m = await stored(creditId, result.seq);
    expect([m.subjectId, m.actorId, m.actorOrgId]).toEqual([null, null, null]);
    expect(m.documentHashes).toEqual([]);
  });
});
