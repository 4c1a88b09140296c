import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { startSession } from "@/lib/auth/user-sessions";
import { lastMilestone, appendMilestone } from "@/lib/anchoring/record";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import type { JsonObject } from "@/lib/anchoring/json";
import { resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { MilestoneKind } from "@/lib/generated/prisma/enums";
import type { ActionName } from "@/lib/lifecycle/definition";
import { type PerformOptions, performAction } from "@/lib/lifecycle/perform";
import { prepareSignedStep } from "@/lib/lifecycle/sign";
import { finishPasskeyRegistration, startPasskeyRegistration } from "@/lib/passkeys/register-passkey";
import { revokePasskey } from "@/lib/passkeys/revoke-passkey";
import { challengeText, stepStatement } from "@/lib/signing/statement";
import { exportProofBundle } from "@/lib/verify/export";
import { verifyCredit } from "@/lib/verify/credit";
import { rpcAnchorReader } from "@/lib/verify/reader";
import type { TrailResult } from "@/lib/verify/types";
import { SoftwareAuthenticator } from "./support/authenticator";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { needsPasskey } from "@/lib/organizations/sign-milestones";
import { changeRoles, deactivateMember } from "@/lib/organizations/members";
import { type World, createUser, createWorld, creditIn, draftWithInvoice } from "./support/world";

// Signed milestones (issue 14), end to end against real PostgreSQL and a real anvil: every step is
// signed by the acting person's passkey (a software authenticator: real P-256 signatures), the
// organisations' key events are anchored with the milestones, and the verifiers check who signed.
// Then the auditor's adversary, who holds our database, our anchoring key and our servers, tries
// to slip in what nobody signed: (a)–(f) of the acceptance list.

process.env.AUTH_URL = "http://127.0.0.1:3000";
delete process.env.APP_URL;
const ORIGIN = "http://localhost:3000";

useTestDatabase();
let world: World;
let chain: ChainFixture;
let worker: AnchoringWorker;
const keys = new Map<string, SoftwareAuthenticator>();
const dir = mkdtempSync(path.join(tmpdir(), "tt-signed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const repo = path.resolve(import.meta.dirname, "../..");

const TRUST = { confirmations: 1, allowedAnchorers: null, lateAnchorSeconds: 86_400, fromBlock: 0 };

/** Registers a passkey for the actor through Settings' own path (which records KEY_ADDED in the org's key trail). */
async function withPasskey(actor: Actor): Promise<SoftwareAuthenticator> {
  const session = { ...actor, sessionId: await startSession({ userId: actor.userId }) };
  const authenticator = new SoftwareAuthenticator(ORIGIN);
  await finishPasskeyRegistration({ actor: session, name: "Signing key", response: authenticator.register(await startPasskeyRegistration({ actor: session })) });
  keys.set(actor.userId, authenticator);
  return authenticator;
}

/** Takes a step as the browser does: ask for a signing request, sign it with the actor's passkey, send the step with the signature. */
async function signed(actor: Actor, action: ActionName, options: Omit<PerformOptions, "actor" | "action"> & { creditId: string }, signer = keys.get(actor.userId)!) {
  const challenge = await prepareSignedStep({ actor, action, creditId: options.creditId, subjectId: options.subjectId, input: options.input });
  if (!challenge) return performAction({ actor, action, ...options });
  return performAction({ actor, action, ...options, signature: { requestId: challenge.requestId, response: signer.authenticate(challenge.options) } });
}

async function anchorAll(): Promise<void> {
  for (let i = 0; ; i++) {
    const report = await worker.tick();
    const milestones = await db().milestone.count({ where: { status: { not: "ANCHORED" } } });
    const events = await db().keyEvent.count({ where: { OR: [{ batchId: null }, { batch: { status: { not: "CONFIRMED" } } }] } });
    if (milestones === 0 && events === 0) return;
    if (i > 300) throw new Error(`not anchored: ${milestones} milestones, ${events} key events; ${report.errors.join("; ")}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const verify = (creditId: string) => verifyCredit(creditId, rpcAnchorReader(chain.provider, chain.address), TRUST);
const statusOf = (result: TrailResult, seq: number) => result.results.find((r) => r.seq === seq);

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "succeeded",
    (error: unknown) => (error instanceof AppError ? error.code : `crashed: ${String(error)}`),
  );

/** The adversary appends a milestone of their own making, signed (or not) however they like, as our database would hold it. */
async function forge(creditId: string, kind: MilestoneKind, content: JsonObject, sign?: { authenticator: SoftwareAuthenticator; credential?: number; copyFrom?: number }) {
  return db().$transaction(async (tx) => {
    const last = await lastMilestone(tx, creditId);
    const seq = (last?.seq ?? 0) + 1;
    const recorded = { ...content, recordedAt: new Date().toISOString() };
    let signatures: object[] | null = null;
    if (sign?.copyFrom) {
      const source = await tx.milestone.findFirstOrThrow({ where: { creditId, seq: sign.copyFrom } });
      signatures = source.signatures as object[];
    } else if (sign) {
      const statement = stepStatement(creditId, last!.digest, [{ seq, kind, content: recorded, documentHashes: [] }]);
      const credential = sign.authenticator.credentials[sign.credential ?? sign.authenticator.credentials.length - 1];
      const response = sign.authenticator.authenticate({ challenge: challengeText(statement), rpId: "localhost" }, { credential });
      signatures = [{ role: "actor", credentialId: response.id, authenticatorData: response.response.authenticatorData, clientDataJSON: response.response.clientDataJSON, signature: response.response.signature, covers: { from: seq, to: seq } }];
    }
    await appendMilestone(tx, { creditId, kind, content: recorded, signatures });
    return seq;
  });
}

let creditId: string;
let verdict: TrailResult;

beforeAll(async () => {
  resetConfigCache();
  world = await createWorld();
  chain = await deployedRegistry();
  process.env.CHAIN_RPC_URL = chain.rpcUrl;
  process.env.ANCHOR_CONTRACT_ADDRESS = chain.address;
  resetConfigCache();
  worker = new AnchoringWorker({ provider: chain.provider, registry: chain.registry, chainId: chain.chainId, contractAddress: chain.address }, { batchSize: 64, batchAgeMs: 0, confirmations: 1 });
  await db().organization.updateMany({ where: { id: { in: [world.orgs.applicant, world.orgs.beneficiary, world.orgs.issuingBank, world.orgs.advisingBank] } }, data: { signMilestones: true } });
  for (const actor of [world.users.applicant.MAKER, world.users.beneficiary.MAKER, world.users.issuingBank.MAKER, world.users.issuingBank.CHECKER, world.users.advisingBank.MAKER, world.users.advisingBank.CHECKER, world.dualIssuer]) {
    await withPasskey(actor);
  }

  ({ creditId } = await creditIn(world, "WITH_BENEFICIARY"));
  await signed(world.users.beneficiary.MAKER, "endorseTerms", { creditId, input: {} });
  await signed(world.users.applicant.MAKER, "submitApplication", { creditId, input: { comment: "" } });
  await signed(world.users.issuingBank.MAKER, "prepareIssuance", { creditId, input: { creditNumber: "SIGNED-0001", bankConditions: "" } });
  await signed(world.users.issuingBank.CHECKER, "approveIssuance", { creditId, input: {} });
  await signed(world.users.advisingBank.MAKER, "adviseCredit", { creditId, input: { addConfirmation: false, comment: "" } });
  await anchorAll();
  verdict = await verify(creditId);
}, 120_000);

describe("a credit whose parties require signed milestones", () => {
  it("declares it in its first milestone, with the parties' organisations", async () => {
    const first = await db().milestone.findFirstOrThrow({ where: { creditId, seq: 1 } });
    expect(first.content).toMatchObject({ signing: { required: true, parties: { applicant: world.orgs.applicant, beneficiary: world.orgs.beneficiary, issuingBank: world.orgs.issuingBank, advisingBank: world.orgs.advisingBank } } });
    expect((await db().credit.findUniqueOrThrow({ where: { id: creditId } })).signaturesRequired).toBe(true);
  });

  it("verifies every signed milestone, naming who signed with which key; the issuance carries maker and checker", () => {
    expect(verdict.results.map((r) => [r.seq, r.kind, r.status])).toEqual([
      [1, "TERMS_AGREED", "verified"],
      [2, "CREDIT_ISSUED", "verified"],
      [3, "CREDIT_ADVISED", "verified"],
    ]);
    expect(verdict.ok).toBe(true);
    expect(verdict.results[0]!.signers?.map((s) => [s.role, s.userId])).toEqual([["actor", world.users.beneficiary.MAKER.userId]]);
    expect(verdict.results[1]!.signers?.map((s) => [s.role, s.userId])).toEqual([
      ["maker", world.users.issuingBank.MAKER.userId],
      ["actor", world.users.issuingBank.CHECKER.userId],
    ]);
    expect(verdict.results[1]!.signers![1]!.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/);
    expect(verdict.warnings.map((w) => w.code)).not.toContain("signatures-not-required");
  });

  it("verifies a payment by maker and checker that settles the credit: the settlement rides on the checker's signature, with the maker's preparation", async () => {
    // One document required, so the invoice alone complies and the bank can pay in full; available
    // with the issuing bank, which examines and pays.
    const { creditId: paid } = await creditIn(world, "WITH_BENEFICIARY", { terms: { availableWith: "ISSUING_BANK", documentsRequired: [{ kind: "COMMERCIAL_INVOICE", originals: 3, copies: 2, details: "Signed" }] } });
    const { issuingBank } = world.users;
    await signed(world.users.beneficiary.MAKER, "endorseTerms", { creditId: paid, input: {} });
    await signed(world.users.applicant.MAKER, "submitApplication", { creditId: paid, input: { comment: "" } });
    await signed(issuingBank.MAKER, "prepareIssuance", { creditId: paid, input: { creditNumber: "SIGNED-PAY-1", bankConditions: "" } });
    await signed(issuingBank.CHECKER, "approveIssuance", { creditId: paid, input: {} });
    await signed(world.users.advisingBank.MAKER, "adviseCredit", { creditId: paid, input: { addConfirmation: false, comment: "" } });
    const { presentationId } = await draftWithInvoice(world, paid);
    const onPresentation = { creditId: paid, subjectId: presentationId };
    await signed(world.users.beneficiary.MAKER, "presentDocuments", { ...onPresentation, input: {} });
    await signed(issuingBank.MAKER, "determineCompliant", { ...onPresentation, input: {} });
    await signed(issuingBank.CHECKER, "approveCompliance", { ...onPresentation, input: {} });
    await signed(issuingBank.MAKER, "preparePayment", { ...onPresentation, input: { amount: "125000.00" } });
    const payment = await signed(issuingBank.CHECKER, "approvePayment", { ...onPresentation, input: {} });
    expect(payment.creditStatus).toBe("SETTLED");
    await anchorAll();

    const result = await verify(paid);
    expect(result.results.map((r) => [r.kind, r.status])).toEqual(
      ["TERMS_AGREED", "CREDIT_ISSUED", "CREDIT_ADVISED", "DOCUMENTS_PRESENTED", "PRESENTATION_COMPLIANT", "PAYMENT_RECORDED", "CREDIT_SETTLED"].map((kind) => [kind, "verified"]),
    );
    const makerAndChecker = [
      ["maker", issuingBank.MAKER.userId],
      ["actor", issuingBank.CHECKER.userId],
    ];
    for (const kind of ["PRESENTATION_COMPLIANT", "PAYMENT_RECORDED", "CREDIT_SETTLED"]) {
      expect([kind, result.results.find((r) => r.kind === kind)!.signers?.map((s) => [s.role, s.userId])]).toEqual([kind, makerAndChecker]);
    }
  });

  it("refuses a step without a signature (428), and changes nothing", async () => {
    const { creditId: third } = await creditIn(world, "WITH_BENEFICIARY");
    await signed(world.users.beneficiary.MAKER, "endorseTerms", { creditId: third, input: {} });
    // A step that records nothing and prepares nothing needs no signature.
    expect(await codeOf(performAction({ actor: world.users.applicant.MAKER, action: "submitApplication", creditId: third, input: { comment: "" } }))).toBe("succeeded");
    const unsigned = await codeOf(performAction({ actor: world.users.issuingBank.MAKER, action: "prepareIssuance", creditId: third, input: { creditNumber: "UNSIGNED-1", bankConditions: "" } }));
    expect(unsigned).toBe("SIGNATURE_REQUIRED");
    expect((await db().credit.findUniqueOrThrow({ where: { id: third } })).status).toBe("SUBMITTED");
    expect(await db().approval.count({ where: { creditId: third } })).toBe(0);
  });

  it("refuses a signature made for another step, or replayed", async () => {
    const { creditId: other } = await creditIn(world, "WITH_BENEFICIARY");
    const challenge = (await prepareSignedStep({ actor: world.users.beneficiary.MAKER, action: "endorseTerms", creditId: other, input: {} }))!;
    const response = keys.get(world.users.beneficiary.MAKER.userId)!.authenticate(challenge.options);
    // The request answered for another action, or other details: refused, nothing done.
    expect(await codeOf(performAction({ actor: world.users.beneficiary.MAKER, action: "returnDraft", creditId: other, input: { reason: "No" }, signature: { requestId: challenge.requestId, response } }))).toBe("INVALID_REQUEST");
    expect((await db().credit.findUniqueOrThrow({ where: { id: other } })).status).toBe("WITH_BENEFICIARY");
    // Used for the step it was made for: done, once. The same signature replayed is refused.
    expect(await codeOf(performAction({ actor: world.users.beneficiary.MAKER, action: "endorseTerms", creditId: other, input: {}, signature: { requestId: challenge.requestId, response } }))).toBe("succeeded");
    await performAction({ actor: world.users.applicant.MAKER, action: "reopenTerms", creditId: other, input: { reason: "Price changed" } });
    await performAction({ actor: world.users.applicant.MAKER, action: "sendToBeneficiary", creditId: other, input: { comment: "" } });
    expect(await codeOf(performAction({ actor: world.users.beneficiary.MAKER, action: "endorseTerms", creditId: other, input: {}, signature: { requestId: challenge.requestId, response } }))).toBe("INVALID_REQUEST");
    // Another person answering a request that is not theirs.
    const second = (await prepareSignedStep({ actor: world.users.beneficiary.MAKER, action: "endorseTerms", creditId: other, input: {} }))!;
    expect(await codeOf(performAction({ actor: world.users.beneficiary.ADMIN, action: "endorseTerms", creditId: other, input: {}, signature: { requestId: second.requestId, response: keys.get(world.users.beneficiary.MAKER.userId)!.authenticate(second.options) } }))).toBe("INVALID_REQUEST");
    expect((await db().credit.findUniqueOrThrow({ where: { id: other } })).status).toBe("WITH_BENEFICIARY");
  });

  it("(d) refuses a checker's approval signed with the maker's key", async () => {
    const { creditId: other } = await creditIn(world, "WITH_BENEFICIARY");
    await signed(world.users.beneficiary.MAKER, "endorseTerms", { creditId: other, input: {} });
    await signed(world.users.applicant.MAKER, "submitApplication", { creditId: other, input: { comment: "" } });
    await signed(world.users.issuingBank.MAKER, "prepareIssuance", { creditId: other, input: { creditNumber: "SIGNED-0002", bankConditions: "" } });
    const makersKey = keys.get(world.users.issuingBank.MAKER.userId)!;
    const outcome = await codeOf(signed(world.users.issuingBank.CHECKER, "approveIssuance", { creditId: other, input: {} }, makersKey));
    expect(outcome).toBe("FORBIDDEN");
    expect((await db().credit.findUniqueOrThrow({ where: { id: other } })).status).toBe("ISSUANCE_PENDING");

    // A checker of the bank with no passkey cannot approve anything: nothing to sign with, and nothing unsigned accepted.
    const keyless = await createUser(world.orgs.issuingBank, ["CHECKER"], `keyless-checker-${other.slice(0, 8)}`);
    expect(await needsPasskey(keyless.userId)).toBe(true);
    expect(await needsPasskey(world.users.issuingBank.CHECKER.userId)).toBe(false);
    expect(await codeOf(prepareSignedStep({ actor: keyless, action: "approveIssuance", creditId: other, input: {} }))).toBe("FORBIDDEN");
    expect(await codeOf(performAction({ actor: keyless, action: "approveIssuance", creditId: other, input: {} }))).toBe("SIGNATURE_REQUIRED");
    expect((await db().credit.findUniqueOrThrow({ where: { id: other } })).status).toBe("ISSUANCE_PENDING");
  });
});

describe("the database's own guards", () => {
  it("refuse changing a milestone's signatures, or changing or deleting a key event", async () => {
    const signedMilestone = await db().milestone.findFirstOrThrow({ where: { creditId, seq: 2 } });
    await expect(db().milestone.update({ where: { id: signedMilestone.id }, data: { signatures: [] } })).rejects.toThrow(/append-only/);
    const event = await db().keyEvent.findFirstOrThrow({ where: { organizationId: world.orgs.issuingBank } });
    await expect(db().keyEvent.update({ where: { id: event.id }, data: { content: { credentialId: "swapped" } } })).rejects.toThrow(/append-only/);
    await expect(db().keyEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db().keyEvent.update({ where: { id: event.id }, data: { batchId: null } })).rejects.toThrow(/append-only/);
  });
});

describe("the adversary's milestones", () => {
  let trail: TrailResult;
  const seqs: Record<string, number> = {};

  beforeAll(async () => {
    // (a) a milestone written straight into the database, with no signature.
    seqs.unsigned = await forge(creditId, "AMENDMENT_ACCEPTED", { amendmentNumber: 1 });
    // (b) a signature copied from another milestone (the beneficiary's agreement to the terms).
    seqs.copied = await forge(creditId, "AMENDMENT_ACCEPTED", { amendmentNumber: 2 }, { authenticator: keys.get(world.users.beneficiary.MAKER.userId)!, copyFrom: 1 });
    // (c) the beneficiary revokes their passkey; a copy of the key signs afterwards.
    const beneficiaryKey = keys.get(world.users.beneficiary.MAKER.userId)!;
    const passkey = await db().passkey.findFirstOrThrow({ where: { userId: world.users.beneficiary.MAKER.userId } });
    await revokePasskey({ actor: world.users.beneficiary.MAKER, passkeyId: passkey.id });
    await new Promise((r) => setTimeout(r, 5));
    seqs.revoked = await forge(creditId, "AMENDMENT_ACCEPTED", { amendmentNumber: 3 }, { authenticator: beneficiaryKey });
    // (e) a key put in the database for the beneficiary's user, with no key event in its organisation's trail.
    const planted = new SoftwareAuthenticator(ORIGIN);
    const registration = planted.register({ rp: { id: "localhost", name: "x" }, user: { id: world.users.beneficiary.ADMIN.userId, name: "x", displayName: "x" }, challenge: "AAAA", pubKeyCredParams: [] });
    await db().passkey.create({ data: { userId: world.users.beneficiary.ADMIN.userId, credentialId: registration.id, publicKey: await coseOf(registration), name: "planted", deviceType: "singleDevice", backedUp: false, aaguid: "00000000-0000-0000-0000-000000000000" } });
    seqs.planted = await forge(creditId, "AMENDMENT_ACCEPTED", { amendmentNumber: 4 }, { authenticator: planted });
    // (d, forced in) a checker's approval whose maker and checker are the same person's key.
    seqs.selfApproved = await forgeSelfApproval();
    // A milestone a step would cause (settlement), written with no step and no signature.
    seqs.settled = await forge(creditId, "CREDIT_SETTLED", { drawnAmount: "0.00" });
    // The advising bank's officer is made a viewer; their key then signs an advice.
    await changeRoles(world.users.advisingBank.ADMIN, world.users.advisingBank.MAKER.userId, ["VIEWER"]);
    await new Promise((r) => setTimeout(r, 5));
    seqs.demoted = await forge(creditId, "CREDIT_ADVISED", { creditNumber: "SIGNED-0001", confirmationAdded: false }, { authenticator: keys.get(world.users.advisingBank.MAKER.userId)! });
    // The issuing bank's checker is removed from the bank; their key then signs.
    await deactivateMember(world.users.issuingBank.ADMIN, world.users.issuingBank.CHECKER.userId);
    await new Promise((r) => setTimeout(r, 5));
    seqs.removed = await forge(creditId, "PAYMENT_RECORDED", { amount: "1.00" }, { authenticator: keys.get(world.users.issuingBank.CHECKER.userId)! });
    await anchorAll();
    trail = await verify(creditId);
  }, 120_000);

  it("(a) a milestone inserted with no signature is unsigned", () => {
    expect(statusOf(trail, seqs.unsigned!)).toMatchObject({ status: "unsigned" });
    expect(trail.ok).toBe(false);
  });

  it("(b) a signature copied from another milestone is a bad signature", () => {
    expect(statusOf(trail, seqs.copied!)).toMatchObject({ status: "bad-signature" });
    expect(statusOf(trail, seqs.copied!)!.reason).toMatch(/covers|another statement/);
  });

  it("(c) a key revoked before the milestone's time is a bad signature, naming the revocation", () => {
    expect(statusOf(trail, seqs.revoked!)).toMatchObject({ status: "bad-signature" });
    expect(statusOf(trail, seqs.revoked!)!.reason).toMatch(/revoked on \d{4}-\d{2}-\d{2}T/);
  });

  it("(d) a checker's approval signed by the maker, forced into the database, is flagged", () => {
    expect(statusOf(trail, seqs.selfApproved!)).toMatchObject({ status: "bad-signature" });
    expect(statusOf(trail, seqs.selfApproved!)!.reason).toMatch(/same person/);
  });

  it("(e) a key added in the database without its anchored key event is flagged", () => {
    expect(statusOf(trail, seqs.planted!)).toMatchObject({ status: "bad-signature" });
    expect(statusOf(trail, seqs.planted!)!.reason).toMatch(/no anchored key trail/);
  });

  it("a milestone a step would cause, written alone, is unsigned", () => {
    expect(statusOf(trail, seqs.settled!)).toMatchObject({ status: "unsigned" });
  });

  it("a key whose member's roles were changed signs only with the new roles", () => {
    expect(statusOf(trail, seqs.demoted!)).toMatchObject({ status: "bad-signature" });
    expect(statusOf(trail, seqs.demoted!)!.reason).toMatch(/roles then \(VIEWER\)/);
  });

  it("a key of a member removed from the organisation no longer signs for it", () => {
    expect(statusOf(trail, seqs.removed!)).toMatchObject({ status: "bad-signature" });
    expect(statusOf(trail, seqs.removed!)!.reason).toMatch(/revoked on/);
  });

  it("leaves the honest milestones verified", () => {
    expect([1, 2, 3].map((seq) => statusOf(trail, seq)!.status)).toEqual(["verified", "verified", "verified"]);
  });

  it("a key event withheld from the trail (a hidden revocation) makes the organisation's signatures unreliable", async () => {
    const bundle = await exportProofBundle(world.users.beneficiary.MAKER, creditId);
    const beneficiary = bundle.organizations!.find((o) => o.organizationId === world.orgs.beneficiary)!;
    // The maker's passkey added, then revoked; the planted key has no event at all.
    expect(beneficiary.events.map((e) => e.kind)).toEqual(["KEY_ADDED", "KEY_REVOKED"]);
    const { verifyBundle } = await import("@/lib/verify/bundle");
    const hidden = structuredClone(bundle);
    hidden.organizations!.find((o) => o.organizationId === world.orgs.beneficiary)!.events.pop();
    const result = await verifyBundle(hidden, rpcAnchorReader(chain.provider, chain.address), { allowedAnchorers: null });
    expect(result.results.find((r) => r.seq === 1)).toMatchObject({ status: "bad-signature" });
    expect(result.results.find((r) => r.seq === 1)!.reason).toMatch(/revocation may be hidden/);
  });

  it("(f) the command-line verifier, with no database, reports the same statuses", async () => {
    const bundle = await exportProofBundle(world.users.beneficiary.MAKER, creditId);
    expect(bundle.version).toBe(4);
    const file = path.join(dir, "signed.json");
    writeFileSync(file, JSON.stringify(bundle));
    const run = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        path.join(repo, "node_modules/.bin/tsx"),
        ["scripts/verify-bundle.ts", file, "--rpc", chain.rpcUrl, "--contract", chain.address],
        { cwd: repo, env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test" }, timeout: 60_000, maxBuffer: 10_000_000 },
        (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      ),
    );
    expect(run.code).not.toBe(0);
    const lines = [...run.stdout.matchAll(/^\s+(\d+)\s+[A-Z_]+\s+([A-Z-]+)\s/gm)].map((m) => [Number(m[1]), m[2]!.toLowerCase()]);
    expect(lines).toEqual(trail.results.map((r) => [r.seq, r.status]));
    expect(run.stdout).toMatch(new RegExp(`Signed by ${world.users.issuingBank.MAKER.name} \\(maker, key [0-9A-F ]{19}\\); ${world.users.issuingBank.CHECKER.name} \\(took the step`));
  });
});

/** The COSE public key of a registration response (what Settings would have stored). */
async function coseOf(registration: ReturnType<SoftwareAuthenticator["register"]>): Promise<string> {
  const { decodeAttestationObject, parseAuthenticatorData } = await import("@simplewebauthn/server/helpers");
  const attestation = decodeAttestationObject(new Uint8Array(Buffer.from(registration.response.attestationObject, "base64url")));
  const parsed = parseAuthenticatorData(attestation.get("authData"));
  return Buffer.from(parsed.credentialPublicKey!).toString("base64url");
}

/** A credit issued through maker and checker where both signatures come from the dual-role user's one key. */
async function forgeSelfApproval(): Promise<number> {
  const dual = keys.get(world.dualIssuer.userId)!;
  // On the main credit: the adversary writes a CREDIT_ISSUED whose preparation and approval are both the dual user's.
  return db().$transaction(async (tx) => {
    const last = (await lastMilestone(tx, creditId))!;
    const seq = last.seq + 1;
    const { preparationStatement } = await import("@/lib/signing/statement");
    const preparation = { action: "prepareIssuance", subjectId: null, inputHash: `0x${"ab".repeat(32)}`, preparedAt: new Date(Date.now() - 1000).toISOString() };
    const makerResponse = dual.authenticate({ challenge: challengeText(preparationStatement(creditId, preparation)), rpId: "localhost" });
    const content = { creditNumber: "FORGED-1", preparation, recordedAt: new Date().toISOString() };
    const statement = stepStatement(creditId, last.digest, [{ seq, kind: "CREDIT_ISSUED", content, documentHashes: [] }]);
    const actorResponse = dual.authenticate({ challenge: challengeText(statement), rpId: "localhost" });
    const asSignature = (role: string, r: typeof actorResponse) => ({ role, credentialId: r.id, authenticatorData: r.response.authenticatorData, clientDataJSON: r.response.clientDataJSON, signature: r.response.signature });
    await appendMilestone(tx, { creditId, kind: "CREDIT_ISSUED", content, signatures: [asSignature("maker", makerResponse), { ...asSignature("actor", actorResponse), covers: { from: seq, to: seq } }] });
    return seq;
  });
}
