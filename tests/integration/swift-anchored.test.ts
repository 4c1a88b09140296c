import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/credits/[creditId]/swift/route";
import { GET as messageRoute } from "@/app/api/v1/credits/[creditId]/swift/[messageId]/route";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import type { Actor } from "@/lib/auth/actor";
import { startSession } from "@/lib/auth/user-sessions";
import { resetConfigCache } from "@/lib/config";
import { MESSAGE_MILESTONES } from "@/lib/credits/swift-messages";
import { db } from "@/lib/db/client";
import type { ActionName } from "@/lib/lifecycle/definition";
import { performAction } from "@/lib/lifecycle/perform";
import { prepareSignedStep } from "@/lib/lifecycle/sign";
import { finishPasskeyRegistration, startPasskeyRegistration } from "@/lib/passkeys/register-passkey";
import { parseFin } from "@/lib/swift/fin";
import { recordedSwiftMessages, verifySwiftMessage } from "@/lib/swift/verify";
import { sampleTerms } from "@/lib/terms/sample";
import { verifyCredit } from "@/lib/verify/credit";
import { rpcAnchorReader } from "@/lib/verify/reader";
import { SoftwareAuthenticator } from "./support/authenticator";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { tokenFor } from "./support/tokens";
import { type World, createWorld, draftWithInvoice } from "./support/world";

// Issue 15, item 2: each SWIFT message's SHA-256 is recorded on the milestone that produced it,
// so a bank can prove the MT700 it received is the anchored issuance. One documentary credit
// through its whole life on real PostgreSQL and a real anvil, every step signed with the acting
// person's passkey (so each step's dry run, which the signature covers, must record the same
// hashes as the step itself): issued (MT700 + MT701), advised (MT730), amended (MT707, MT730,
// MT730), a presentation refused (MT734, MT759), a second one waived and paid (MT734, MT732,
// MT756: the credit is available with the issuing bank, so no nominated bank's MT754 precedes it).
// Every message the API sends, in order, hashes to what its milestone recorded,
// and every milestone verifies on chain.

process.env.AUTH_URL = "http://127.0.0.1:3000";
delete process.env.APP_URL;
const ORIGIN = "http://localhost:3000";

useTestDatabase();
let world: World;
let chain: ChainFixture;
let worker: AnchoringWorker;
let creditId: string;
const keys = new Map<string, SoftwareAuthenticator>();

async function withPasskey(actor: Actor): Promise<void> {
  const session = { ...actor, sessionId: await startSession({ userId: actor.userId }) };
  const authenticator = new SoftwareAuthenticator(ORIGIN);
  await finishPasskeyRegistration({ actor: session, name: "Signing key", response: authenticator.register(await startPasskeyRegistration({ actor: session })) });
  keys.set(actor.userId, authenticator);
}

/** A step as the browser takes it: the signing request (the step's dry run), the passkey's signature, then the step. */
async function signed(actor: Actor, action: ActionName, input: unknown = {}, subjectId?: string) {
  const challenge = await prepareSignedStep({ actor, action, creditId, subjectId, input });
  if (!challenge) return performAction({ actor, action, creditId, subjectId, input });
  return performAction({ actor, action, creditId, subjectId, input, signature: { requestId: challenge.requestId, response: keys.get(actor.userId)!.authenticate(challenge.options) } });
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

/** The presentation's open findings, all of which the applicant waives. */
const openFindings = async (presentationId: string) => (await db().finding.findMany({ where: { presentationId, dismissed: false }, select: { id: true } })).map((f) => f.id);

// 130 lines of goods: 45A keeps 100, the other 30 travel in an MT701 as 45B.
const goods = Array.from({ length: 130 }, (_, i) => `Spare part kit DP-450/${String(i + 1).padStart(3, "0")} for centrifugal pumps`).join("\n");

beforeAll(async () => {
  resetConfigCache();
  world = await createWorld();
  chain = await deployedRegistry();
  process.env.CHAIN_RPC_URL = chain.rpcUrl;
  process.env.ANCHOR_CONTRACT_ADDRESS = chain.address;
  resetConfigCache();
  worker = new AnchoringWorker({ provider: chain.provider, registry: chain.registry, chainId: chain.chainId, contractAddress: chain.address }, { batchSize: 64, batchAgeMs: 0, confirmations: 1 });
  const { applicant, beneficiary, issuingBank, advisingBank } = world.users;
  await db().organization.updateMany({ where: { id: { in: [world.orgs.applicant, world.orgs.beneficiary, world.orgs.issuingBank, world.orgs.advisingBank] } }, data: { signMilestones: true } });
  for (const actor of [applicant.MAKER, beneficiary.MAKER, issuingBank.MAKER, issuingBank.CHECKER, advisingBank.MAKER]) await withPasskey(actor);

  // Available with the issuing bank: its people examine, refuse and pay (lib/credits/place-of-presentation.ts).
  const terms = sampleTerms({ availableWith: "ISSUING_BANK", goodsDescription: goods, beneficiary: { name: "Société Générale des Pompes & Fils", address: "Waalhaven Zuidzijde 19, Rotterdam" } });
  ({ creditId } = await performAction({
    actor: applicant.MAKER,
    action: "createCredit",
    input: { beneficiaryId: world.orgs.beneficiary, issuingBankId: world.orgs.issuingBank, advisingBankId: world.orgs.advisingBank, terms },
  }));
  await signed(applicant.MAKER, "sendToBeneficiary", { comment: "Please review" });
  await signed(beneficiary.MAKER, "endorseTerms");
  await signed(applicant.MAKER, "submitApplication", { comment: "" });
  await signed(issuingBank.MAKER, "prepareIssuance", { creditNumber: "MTB/LC/2026/0715", bankConditions: "Documents by courier" });
  await signed(issuingBank.CHECKER, "approveIssuance");
  await signed(advisingBank.MAKER, "adviseCredit", { addConfirmation: false, comment: "" });

  // The amount goes up after issuance: the MT700 must still be the one issued.
  const amendment = await signed(applicant.MAKER, "requestAmendment", { terms: { ...terms, amount: "150000.00" }, note: "Larger order" });
  const amendmentId = amendment.subjectId!;
  await signed(issuingBank.MAKER, "prepareAmendment", {}, amendmentId);
  await signed(issuingBank.CHECKER, "approveAmendment", {}, amendmentId);
  await signed(advisingBank.MAKER, "adviseAmendment", { comment: "" }, amendmentId);
  await signed(beneficiary.MAKER, "acceptAmendment", {}, amendmentId);

  // Presentation 1: discrepant (only an invoice), notified, refused.
  const first = (await draftWithInvoice(world, creditId, {}, 1)).presentationId;
  await signed(beneficiary.MAKER, "presentDocuments", {}, first);
  await signed(issuingBank.MAKER, "notifyDiscrepancies", { disposal: "RETURNING" }, first);
  await signed(issuingBank.CHECKER, "approveNotice", {}, first);
  await signed(issuingBank.MAKER, "refusePresentation", { reason: "Discrepancies not waived" }, first);
  await signed(issuingBank.CHECKER, "approveRefusal", {}, first);

  // Presentation 2: discrepant, waived by the applicant, the waiver accepted, paid in full.
  const second = (await draftWithInvoice(world, creditId, {}, 2)).presentationId;
  await signed(beneficiary.MAKER, "presentDocuments", {}, second);
  await signed(issuingBank.MAKER, "notifyDiscrepancies", { disposal: "HOLDING_UNTIL_WAIVER" }, second);
  await signed(issuingBank.CHECKER, "approveNotice", {}, second);
  await signed(applicant.MAKER, "waiveDiscrepancies", { findingIds: await openFindings(second) }, second);
  await signed(issuingBank.MAKER, "acceptWaiver", {}, second);
  await signed(issuingBank.CHECKER, "approveWaiverAcceptance", {}, second);
  const claimed = (await db().presentation.findUniqueOrThrow({ where: { id: second } })).claimedAmount!.toFixed(2);
  await signed(issuingBank.MAKER, "preparePayment", { amount: claimed }, second);
  await signed(issuingBank.CHECKER, "approvePayment", {}, second);
  await anchorAll();
}, 300_000);

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const get = async (route: unknown, url: string, params: Record<string, string>) =>
  (route as Route)(new Request(`http://localhost/api/v1${url}`, { headers: { authorization: `Bearer ${await tokenFor(world.users.advisingBank.VIEWER, ["read"])}` } }), { params: Promise.resolve(params) });
interface Listed {
  id: string;
  type: string;
  messageTypes: string[];
  milestoneSeq: number;
  valid: boolean;
  sha256: string;
  anchored: { status: string; sha256: string | null; reason: string | null; milestoneDate: string };
}
const listed = async () => ((await (await get(listRoute, `/credits/${creditId}/swift`, { creditId })).json()) as { messages: Listed[] }).messages;
/** The exact bytes the API sends for a message, and its headers. */
async function download(messageId: string) {
  const response = await get(messageRoute, `/credits/${creditId}/swift/${messageId}?download=fin`, { creditId, messageId });
  expect(response.status, messageId).toBe(200);
  return { bytes: new Uint8Array(await response.arrayBuffer()), headers: response.headers };
}
const sha256sum = (bytes: Uint8Array) => `0x${createHash("sha256").update(bytes).digest("hex")}`;
const milestones = () => db().milestone.findMany({ where: { creditId }, orderBy: { seq: "asc" }, select: { seq: true, kind: true, content: true } });

describe("one credit's life, every message it produced hashed on its milestone", () => {
  it("produces its messages in order, from the milestones that produced them", async () => {
    const trail = await milestones();
    const seq = (kind: string, nth = 0) => trail.filter((m) => m.kind === kind)[nth]!.seq;
    expect(trail.map((m) => m.kind)).toEqual([
      "TERMS_AGREED",
      "CREDIT_ISSUED",
      "CREDIT_ADVISED",
      "AMENDMENT_ISSUED",
      "AMENDMENT_ADVISED",
      "AMENDMENT_ACCEPTED",
      "DOCUMENTS_PRESENTED",
      "DISCREPANCIES_NOTIFIED",
      "PRESENTATION_REFUSED",
      "DOCUMENTS_PRESENTED",
      "DISCREPANCIES_NOTIFIED",
      "DISCREPANCIES_WAIVED",
      "PAYMENT_RECORDED",
      "CREDIT_SETTLED",
    ]);
    const messages = await listed();
    expect(messages.map((m) => [m.id, m.messageTypes.join("+")])).toEqual([
      [`${seq("CREDIT_ISSUED")}-mt700`, "MT700+MT701"],
      [`${seq("CREDIT_ADVISED")}-mt730`, "MT730"],
      [`${seq("AMENDMENT_ISSUED")}-mt707`, "MT707"],
      [`${seq("AMENDMENT_ADVISED")}-mt730`, "MT730"],
      [`${seq("AMENDMENT_ACCEPTED")}-mt730`, "MT730"],
      [`${seq("DISCREPANCIES_NOTIFIED")}-mt734`, "MT734"],
      [`${seq("PRESENTATION_REFUSED")}-mt759`, "MT759"],
      [`${seq("DISCREPANCIES_NOTIFIED", 1)}-mt734`, "MT734"],
      [`${seq("DISCREPANCIES_WAIVED")}-mt732`, "MT732"],
      [`${seq("PAYMENT_RECORDED")}-mt756`, "MT756"],
    ]);
    for (const m of messages) expect(m.valid, m.id).toBe(true);
  });

  it("records on each milestone the SHA-256 of the exact bytes the API sends for each of its messages, in order", async () => {
    const messages = await listed();
    const trail = await milestones();
    // Every message whose step recorded it: what its milestone holds is what the download hashes to.
    const recordedInOrder = trail.flatMap((m) => (recordedSwiftMessages(m.content) ?? []).map((r) => ({ seq: m.seq, ...r })));
    const downloaded = [];
    for (const m of messages.filter((x) => x.type !== "MT732")) {
      const { bytes, headers } = await download(m.id);
      downloaded.push({ seq: m.milestoneSeq, type: m.type, sha256: sha256sum(bytes) });
      expect(headers.get("x-swift-sha256"), m.id).toBe(sha256sum(bytes));
      expect(headers.get("x-swift-anchored"), m.id).toBe("matches");
      expect(m.sha256, m.id).toBe(sha256sum(bytes));
      expect(m.anchored, m.id).toEqual({ status: "matches", sha256: sha256sum(bytes), reason: null, milestoneDate: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    }
    expect(recordedInOrder).toEqual(downloaded);
    expect(recordedInOrder).toHaveLength(9);
    // Milestones whose step can produce a message say what it produced, even nothing; the others record no list.
    for (const m of trail) expect(recordedSwiftMessages(m.content) !== null, `${m.seq} ${m.kind}`).toBe(MESSAGE_MILESTONES.has(m.kind));
  });

  it("the MT700 is the issuance as anchored, not the credit as amended since", async () => {
    const [mt700] = await listed();
    const { bytes } = await download(mt700!.id);
    const fields = Object.fromEntries(parseFin(new TextDecoder().decode(bytes)).messages[0]!.message.fields.map((f) => [f.tag, f.value]));
    expect(fields["32B"]).toBe("USD125000,00");
    expect((await db().credit.findUniqueOrThrow({ where: { id: creditId } })).amount.toFixed(2)).toBe("150000.00");
    const issued = await db().milestone.findFirstOrThrow({ where: { creditId, kind: "CREDIT_ISSUED" } });
    expect(verifySwiftMessage(bytes, issued)).toMatchObject({ status: "matches", recorded: { type: "MT700", sha256: sha256sum(bytes) } });
  });

  it("a file edited by one byte no longer matches the anchored hash", async () => {
    const [mt700] = await listed();
    const { bytes } = await download(mt700!.id);
    const issued = await db().milestone.findFirstOrThrow({ where: { creditId, kind: "CREDIT_ISSUED" } });
    const text = new TextDecoder().decode(bytes);
    // The amount, 125000 -> 925000: a one-byte change a careless or dishonest sender might make.
    const edited = new TextEncoder().encode(text.replace(":32B:USD125000,00", ":32B:USD925000,00"));
    expect(edited.filter((b, i) => b !== bytes[i])).toHaveLength(1);
    expect(verifySwiftMessage(edited, issued)).toMatchObject({ status: "differs", sha256: sha256sum(edited), recorded: { type: "MT700", sha256: sha256sum(bytes) } });
  });

  it("the MT732 exists only once the bank accepts the waiver, after its milestone: the milestone recorded none, and the API says so", async () => {
    const mt732 = (await listed()).find((m) => m.type === "MT732")!;
    expect(mt732.anchored).toMatchObject({ status: "notRecorded", sha256: null, reason: "notOnMilestone" });
    const waived = await db().milestone.findFirstOrThrow({ where: { creditId, kind: "DISCREPANCIES_WAIVED" } });
    expect(recordedSwiftMessages(waived.content)).toEqual([]);
    expect((await download(mt732.id)).headers.get("x-swift-anchored")).toBe("not-recorded");
  });

  it("every milestone, its recorded hashes with it, verifies against the chain, each signed by the person who took the step", async () => {
    const verdict = await verifyCredit(creditId, rpcAnchorReader(chain.provider, chain.address), { confirmations: 1, allowedAnchorers: null, lateAnchorSeconds: 86_400, fromBlock: 0 });
    expect(verdict.results.map((r) => [r.seq, r.status]), verdict.results.map((r) => r.reason).join("\n")).toEqual((await milestones()).map((m) => [m.seq, "verified"]));
    expect(verdict.trail, JSON.stringify(verdict.warnings)).toMatchObject({ status: "complete" });
    expect(verdict.ok).toBe(true);
    expect(verdict.results.every((r) => (r.signers?.length ?? 0) > 0)).toBe(true);
  });
});
