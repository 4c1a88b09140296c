import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendMilestone } from "@/lib/anchoring/record";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { db } from "@/lib/db/client";
import { performAction } from "@/lib/lifecycle/perform";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { asSuperuser, useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

// The database resists its own application (issue 10): connected as the app's role, exactly as
// the web server and the worker connect, every attempt to rewrite the audit trail's anchoring or
// the documents' evidence is refused by the database itself, the row stays as it was, and the
// role cannot switch the guards off. The legitimate moves (the worker's, a reorg, removing a
// document from a draft presentation) still pass.

const database = useTestDatabase();
let world: World;
let chain: ChainFixture;
let app: pg.Client;

/** Two credits anchored in two confirmed batches by the real worker. */
let anchored: { milestoneId: string; batchId: string; otherBatchId: string };

const hex32 = () => `0x${randomBytes(32).toString("hex")}`;

async function appendAndAnchor(worker: AnchoringWorker): Promise<{ milestoneId: string; batchId: string }> {
  const { creditId } = await creditIn(world, "ADVISED");
  await db().$transaction(async (tx) => {
    for (let i = 0; i < 3; i++) await appendMilestone(tx, { creditId, kind: "CREDIT_ADVISED", content: { step: i } });
  });
  for (let i = 0; ; i++) {
    await worker.tick();
    const milestone = await db().milestone.findFirstOrThrow({ where: { creditId, seq: 2 }, include: { batch: true } });
    if (milestone.status === "ANCHORED" && milestone.batch?.status === "CONFIRMED") return { milestoneId: milestone.id, batchId: milestone.batch.id };
    if (i > 100) throw new Error("the worker did not anchor the fixture");
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  world = await createWorld();
  chain = await deployedRegistry();
  const worker = new AnchoringWorker(
    { provider: chain.provider, registry: chain.registry, signer: chain.signer, chainId: chain.chainId, contractAddress: chain.address },
    { batchSize: 64, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200 },
  );
  const first = await appendAndAnchor(worker);
  const second = await appendAndAnchor(worker);
  anchored = { ...first, otherBatchId: second.batchId };
  app = new pg.Client({ connectionString: database.url() });
  await app.connect();
});
afterAll(async () => {
  await app?.end();
});

async function row(table: "milestones" | "anchor_batches" | "documents", id: string): Promise<Record<string, unknown>> {
  const { rows } = await app.query(`SELECT * FROM "${table}" WHERE id = $1`, [id]);
  expect(rows).toHaveLength(1);
  return rows[0] as Record<string, unknown>;
}

/** The app's role runs `sql`; the database refuses with `message` and the row is unchanged. */
async function expectRefused(table: "milestones" | "anchor_batches" | "documents", id: string, sql: string, params: unknown[], message: RegExp) {
  const before = await row(table, id);
  await expect(app.query(sql, params)).rejects.toThrow(message);
  expect(await row(table, id)).toEqual(before);
}

describe("as the app's role, the database refuses to reset anchoring", () => {
  it("an ANCHORED milestone set back to PENDING or BATCHED", async () => {
    const { milestoneId: id } = anchored;
    await expectRefused("milestones", id, `UPDATE milestones SET status = 'PENDING', batch_id = NULL, proof = '{}' WHERE id = $1`, [id], /milestone anchoring only moves forward: .* cannot go back from ANCHORED to PENDING/);
    await expectRefused("milestones", id, `UPDATE milestones SET status = 'BATCHED' WHERE id = $1`, [id], /cannot go back from ANCHORED to BATCHED/);
  });

  it("a milestone's batch set to NULL or to another batch", async () => {
    const { milestoneId: id, otherBatchId } = anchored;
    await expectRefused("milestones", id, `UPDATE milestones SET batch_id = NULL WHERE id = $1`, [id], /milestone anchoring only moves forward: the batch of .* is fixed/);
    await expectRefused("milestones", id, `UPDATE milestones SET batch_id = $2 WHERE id = $1`, [id, otherBatchId], /the batch of .* is fixed/);
  });

  it("a milestone's proof changed", async () => {
    const { milestoneId: id } = anchored;
    await expectRefused("milestones", id, `UPDATE milestones SET proof = ARRAY[$2] WHERE id = $1`, [id, hex32()], /milestone anchoring only moves forward: the proof of .* is set once, with its batch/);
    await expectRefused("milestones", id, `UPDATE milestones SET proof = '{}' WHERE id = $1`, [id], /the proof of .* is set once/);
  });

  it("a milestone still cannot be deleted or its content altered (the earlier guard, kept)", async () => {
    const { milestoneId: id } = anchored;
    await expectRefused("milestones", id, `DELETE FROM milestones WHERE id = $1`, [id], /milestones are append-only: .* cannot be deleted/);
    await expectRefused("milestones", id, `UPDATE milestones SET content = '{"step": 99}' WHERE id = $1`, [id], /milestones are append-only: .* cannot be altered/);
  });

  it("a CONFIRMED batch set back to SENDING without a reorg", async () => {
    const { batchId: id } = anchored;
    await expectRefused("anchor_batches", id, `UPDATE anchor_batches SET status = 'SENDING' WHERE id = $1`, [id], /anchor batches only move forward: .* may go back from CONFIRMED to SENDING only as a reorg/);
    // reorg_count + 1, but the old transaction and block kept: not a reorg either.
    await expectRefused("anchor_batches", id, `UPDATE anchor_batches SET status = 'SENDING', reorg_count = reorg_count + 1 WHERE id = $1`, [id], /only as a reorg/);
    // Cleared, but without counting the reorg.
    await expectRefused(
      "anchor_batches",
      id,
      `UPDATE anchor_batches SET status = 'SENDING', tx_hash = NULL, block_number = NULL, block_hash = NULL, block_time = NULL, confirmed_at = NULL WHERE id = $1`,
      [id],
      /only as a reorg/,
    );
    await expectRefused("anchor_batches", id, `UPDATE anchor_batches SET reorg_count = reorg_count + 1 WHERE id = $1`, [id], /the reorg count of .* changes only with a reorg/);
  });

  it("a batch's root, leaf count or heads changed", async () => {
    const { batchId: id } = anchored;
    const message = /anchor batches are append-only: the root, leaves, heads, chain and contract of .* cannot be altered/;
    await expectRefused("anchor_batches", id, `UPDATE anchor_batches SET root = $2 WHERE id = $1`, [id, hex32()], message);
    await expectRefused("anchor_batches", id, `UPDATE anchor_batches SET leaf_count = leaf_count + 1 WHERE id = $1`, [id], message);
    await expectRefused("anchor_batches", id, `UPDATE anchor_batches SET heads = '[]' WHERE id = $1`, [id], message);
    await expectRefused("anchor_batches", id, `UPDATE anchor_batches SET contract_address = $2 WHERE id = $1`, [id, `0x${"0".repeat(40)}`], message);
  });

  it("a confirmed batch's transaction or block rewritten", async () => {
    const { batchId: id } = anchored;
    await expectRefused("anchor_batches", id, `UPDATE anchor_batches SET tx_hash = $2 WHERE id = $1`, [id, hex32()], /the transaction of .* is fixed once it is mined/);
    await expectRefused("anchor_batches", id, `UPDATE anchor_batches SET block_hash = $2 WHERE id = $1`, [id, hex32()], /the block of .* is set only when it leaves SENDING/);
    await expectRefused("anchor_batches", id, `UPDATE anchor_batches SET block_time = block_time - interval '1 day' WHERE id = $1`, [id], /the block time of .* is set only when it reaches CONFIRMED/);
  });

  it("a batch deleted", async () => {
    const { batchId: id } = anchored;
    await expectRefused("anchor_batches", id, `DELETE FROM anchor_batches WHERE id = $1`, [id], /anchor batches are append-only: .* cannot be deleted/);
  });
});

describe("as the app's role, the database refuses to rewrite a document", () => {
  it("a document's sha256 or storage key changed", async () => {
    const { documentId: id } = await creditIn(world, "ADVISED", { presentation: "DRAFT" });
    const message = /documents are append-only: the sha256 and storage key of .* cannot be changed/;
    await expectRefused("documents", id!, `UPDATE documents SET sha256 = $2 WHERE id = $1`, [id, "0".repeat(64)], message);
    await expectRefused("documents", id!, `UPDATE documents SET storage_key = $2 WHERE id = $1`, [id, "documents/elsewhere"], message);
    await expectRefused("documents", id!, `UPDATE documents SET file_name = 'other.pdf' WHERE id = $1`, [id], /documents are append-only: .* cannot be altered/);
  });

  it("a document deleted", async () => {
    const { documentId: id } = await creditIn(world, "ADVISED", { presentation: "DRAFT" });
    await expectRefused("documents", id!, `DELETE FROM documents WHERE id = $1`, [id], /documents are append-only: .* cannot be deleted/);
  });

  it("a document taken out of a presentation that is no longer a draft, or moved to another", async () => {
    const presented = await creditIn(world, "ADVISED", { presentation: "PRESENTED" });
    const draft = await creditIn(world, "ADVISED", { presentation: "DRAFT" });
    const message = /documents are append-only: .* may only be removed from a draft presentation/;
    await expectRefused("documents", presented.documentId!, `UPDATE documents SET presentation_id = NULL WHERE id = $1`, [presented.documentId], message);
    await expectRefused("documents", draft.documentId!, `UPDATE documents SET presentation_id = $2 WHERE id = $1`, [draft.documentId, presented.presentationId], message);
  });
});

describe("the legitimate moves still pass", () => {
  it("removing a document from a draft presentation, through the real removeDocument action", async () => {
    const { creditId, presentationId, documentId: id } = await creditIn(world, "ADVISED", { presentation: "DRAFT" });
    const before = await row("documents", id!);
    await performAction({ actor: world.users.beneficiary.MAKER, action: "removeDocument", creditId, subjectId: presentationId, input: { documentId: id } });
    expect(await row("documents", id!)).toEqual({ ...before, presentation_id: null });
  });

  it("every forward move, step by step: PENDING -> BATCHED -> ANCHORED, SENDING -> SUBMITTED -> CONFIRMED", async () => {
    const { creditId } = await creditIn(world, "ADVISED");
    const { id, digest } = await db().$transaction((tx) => appendMilestone(tx, { creditId, kind: "CREDIT_ADVISED", content: { forward: true } }));
    const batchId = (
      await app.query<{ id: string }>(
        `INSERT INTO anchor_batches (id, root, leaf_count, status, chain_id, contract_address, next_attempt_at)
         VALUES (gen_random_uuid(), $1, 1, 'SENDING', 31337, $2, now()) RETURNING id`,
        [digest, chain.address],
      )
    ).rows[0]!.id;
    // Status and batch move together; the proof is set with the batch.
    await expectRefused("milestones", id, `UPDATE milestones SET status = 'BATCHED' WHERE id = $1`, [id], /is BATCHED but its batch is none/);
    await app.query(`UPDATE milestones SET status = 'BATCHED', batch_id = $2, proof = '{}' WHERE id = $1`, [id, batchId]);
    // ANCHORED only once the batch is CONFIRMED.
    await expectRefused("milestones", id, `UPDATE milestones SET status = 'ANCHORED' WHERE id = $1`, [id], /cannot be ANCHORED before its batch is CONFIRMED/);
    // Re-sends while SENDING, then mined.
    await app.query(`UPDATE anchor_batches SET tx_hash = $2, attempts = attempts + 1, sent_at = now() WHERE id = $1`, [batchId, hex32()]);
    await app.query(`UPDATE anchor_batches SET tx_hash = $2, attempts = attempts + 1, last_error = 'replaced' WHERE id = $1`, [batchId, hex32()]);
    await expectRefused("anchor_batches", batchId, `UPDATE anchor_batches SET status = 'SUBMITTED' WHERE id = $1`, [batchId], /cannot be SUBMITTED without its transaction and block/);
    await app.query(`UPDATE anchor_batches SET status = 'SUBMITTED', block_number = 7, block_hash = $2 WHERE id = $1`, [batchId, hex32()]);
    await app.query(`UPDATE anchor_batches SET status = 'CONFIRMED', block_time = now(), confirmed_at = now(), next_attempt_at = now() WHERE id = $1`, [batchId]);
    await app.query(`UPDATE milestones SET status = 'ANCHORED' WHERE id = $1`, [id]);
    expect(await row("milestones", id)).toMatchObject({ status: "ANCHORED", batch_id: batchId });
    expect(await row("anchor_batches", batchId)).toMatchObject({ status: "CONFIRMED", reorg_count: 0 });
  });

  it("the reorg move: CONFIRMED -> SENDING with reorg_count + 1 and the transaction and block cleared; milestones stay", async () => {
    const { batchId: id, milestoneId } = anchored;
    const before = await row("anchor_batches", id);
    await app.query(
      `UPDATE anchor_batches SET status = 'SENDING', reorg_count = reorg_count + 1, tx_hash = NULL, block_number = NULL, block_hash = NULL,
              block_time = NULL, confirmed_at = NULL, next_attempt_at = now() WHERE id = $1`,
      [id],
    );
    expect(await row("anchor_batches", id)).toMatchObject({ status: "SENDING", reorg_count: (before.reorg_count as number) + 1, root: before.root, heads: before.heads });
    expect(await row("milestones", milestoneId)).toMatchObject({ status: "ANCHORED", batch_id: id });
    // Going back again from SENDING is not a reorg: nothing to count.
    await expectRefused("anchor_batches", id, `UPDATE anchor_batches SET reorg_count = reorg_count + 1 WHERE id = $1`, [id], /changes only with a reorg/);
  });
});

describe("the app's role cannot switch the guards off", () => {
  it("cannot disable the triggers", async () => {
    await expect(app.query(`ALTER TABLE milestones DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner of table milestones/);
    await expect(app.query(`ALTER TABLE anchor_batches DISABLE TRIGGER anchor_batches_forward_only`)).rejects.toThrow(/must be owner/);
  });

  it("cannot set session_replication_role (which skips triggers)", async () => {
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied to set parameter "session_replication_role"/);
  });

  it("cannot drop a trigger or replace its function", async () => {
    await expect(app.query(`DROP TRIGGER milestones_append_only ON milestones`)).rejects.toThrow(/must be owner of (table|relation) milestones/);
    await expect(app.query(`DROP FUNCTION documents_append_only() CASCADE`)).rejects.toThrow(/must be owner of function documents_append_only/);
    await expect(
      app.query(`CREATE OR REPLACE FUNCTION milestones_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$`),
    ).rejects.toThrow(/permission denied for schema public|must be owner of function milestones_append_only/);
  });

  it("cannot TRUNCATE (which skips row triggers)", async () => {
    await expect(app.query(`TRUNCATE milestones CASCADE`)).rejects.toThrow(/permission denied for table/);
  });

  it("is neither a superuser nor a member of the schema's owner", async () => {
    const { rows } = await app.query(
      `SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolbypassrls, r.rolcanlogin,
              pg_has_role(current_user, c.relowner, 'MEMBER') AS owner_member, c.relowner::regrole::text AS owner
         FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'milestones'::regclass`,
    );
    expect(rows[0]).toMatchObject({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false, rolcanlogin: true, owner_member: false });
    // The owner is no superuser either: it migrates, it does not administer the server.
    const owner = await asSuperuser(database.url(), (client) => client.query(`SELECT rolsuper FROM pg_roles WHERE rolname = $1`, [rows[0].owner]));
    expect(owner.rows[0]).toEqual({ rolsuper: false });
  });

  it("a superuser still can (what the on-chain anchors are for)", async () => {
    const { milestoneId: id } = anchored;
    await asSuperuser(database.url(), async (client) => {
      await client.query("BEGIN");
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query(`UPDATE milestones SET status = 'PENDING' WHERE id = $1`, [id]);
      await client.query("ROLLBACK");
    });
    expect((await row("milestones", id)).status).toBe("ANCHORED");
  });
});
