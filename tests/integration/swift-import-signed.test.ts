import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { startSession } from "@/lib/auth/user-sessions";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { resetConfigCache } from "@/lib/config";
import { importAmendment } from "@/lib/credits/import-amendment";
import { importCredit } from "@/lib/credits/import-credit";
import { db } from "@/lib/db/client";
import type { ActionName } from "@/lib/lifecycle/definition";
import { type PerformOptions, performAction } from "@/lib/lifecycle/perform";
import { prepareSignedStep } from "@/lib/lifecycle/sign";
import { finishPasskeyRegistration, startPasskeyRegistration } from "@/lib/passkeys/register-passkey";
import { serialiseFin } from "@/lib/swift/fin";
import { swiftMessages } from "@/lib/swift/messages";
import { sampleTerms } from "@/lib/terms/sample";
import { verifyCredit } from "@/lib/verify/credit";
import { rpcAnchorReader } from "@/lib/verify/reader";
import { SoftwareAuthenticator } from "./support/authenticator";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { type World, createWorld } from "./support/world";

// An imported credit whose advising bank and beneficiary require signed steps (issue 14 with
// issue 15, item 3): the import records no milestone; the advice is the first milestone, signed,
// and declares the parties (the external issuing bank and applicant too, who have no keys and
// sign nothing). The verifier checks every signature against the signers' key trails.

process.env.AUTH_URL = "http://127.0.0.1:3000";
delete process.env.APP_URL;
const ORIGIN = "http://localhost:3000";

useTestDatabase();
let world: World;
let chain: ChainFixture;
const keys = new Map<string, SoftwareAuthenticator>();
const issuerBic = `${randomUUID().replace(/[^a-f]/g, "").slice(0, 4).toUpperCase().padEnd(4, "C")}AEAD`;
const today = new Date();
const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const yymmdd = (iso: string) => iso.slice(2).replace(/-/g, "");
let creditId: string;

async function withPasskey(actor: Actor): Promise<void> {
  const session = { ...actor, sessionId: await startSession({ userId: actor.userId }) };
  const authenticator = new SoftwareAuthenticator(ORIGIN);
  await finishPasskeyRegistration({ actor: session, name: "Signing key", response: authenticator.register(await startPasskeyRegistration({ actor: session })) });
  keys.set(actor.userId, authenticator);
}

/** A step as the browser takes it: a signing request, the passkey's signature, the step with it. */
async function signed(actor: Actor, action: ActionName, options: Omit<PerformOptions, "actor" | "action"> & { creditId: string }) {
  const challenge = await prepareSignedStep({ actor, action, creditId: options.creditId, subjectId: options.subjectId, input: options.input });
  if (!challenge) return performAction({ actor, action, ...options });
  return performAction({ actor, action, ...options, signature: { requestId: challenge.requestId, response: keys.get(actor.userId)!.authenticate(challenge.options) } });
}

beforeAll(async () => {
  resetConfigCache();
  world = await createWorld();
  chain = await deployedRegistry();
  process.env.CHAIN_RPC_URL = chain.rpcUrl;
  process.env.ANCHOR_CONTRACT_ADDRESS = chain.address;
  resetConfigCache();
  await db().organization.updateMany({ where: { id: { in: [world.orgs.beneficiary, world.orgs.advisingBank] } }, data: { signMilestones: true } });
  for (const actor of [world.users.beneficiary.MAKER, world.users.advisingBank.MAKER, world.users.advisingBank.CHECKER]) await withPasskey(actor);

  const adviserBic = (await db().organization.findUniqueOrThrow({ where: { id: world.orgs.advisingBank } })).bic!;
  const mt700 = swiftMessages({
    reference: "EXTERNAL",
    creditNumber: "GCB/2026/91",
    dateOfIssue: day(0),
    standby: false,
    issuingBank: { name: "Gulf Commercial Bank", bic: issuerBic },
    advisingBank: { name: "Advising Bank", bic: adviserBic },
    steps: [{ seq: 1, on: day(0), kind: "issued", terms: sampleTerms({ availableWith: "ADVISING_BANK", expiryDate: day(90), latestShipmentDate: day(60) }, today), bankConditions: null }],
  })[0]!.text;
  ({ creditId } = await importCredit(world.users.advisingBank.MAKER, { fin: mt700, beneficiaryId: world.orgs.beneficiary, issuingBankName: "Gulf Commercial Bank" }));
  await signed(world.users.advisingBank.CHECKER, "adviseCredit", { creditId, input: { addConfirmation: false, comment: "" } });
  const mt707 = serialiseFin({
    type: "707",
    sender: issuerBic,
    receiver: adviserBic,
    fields: [
      { tag: "27", value: "1/1" },
      { tag: "20", value: "GCB/2026/91" },
      { tag: "21", value: "NONREF" },
      { tag: "23", value: "GCB/2026/91" },
      { tag: "31C", value: yymmdd(day(0)) },
      { tag: "26E", value: "1" },
      { tag: "30", value: yymmdd(day(0)) },
      { tag: "22A", value: "ISSU" },
      { tag: "33B", value: "USD5000,00" },
    ],
  });
  const { amendmentId } = await importAmendment(world.users.advisingBank.MAKER, creditId, { fin: mt707 });
  await signed(world.users.advisingBank.MAKER, "adviseAmendment", { creditId, subjectId: amendmentId, input: {} });
  await signed(world.users.beneficiary.MAKER, "acceptAmendment", { creditId, subjectId: amendmentId, input: {} });

  const worker = new AnchoringWorker({ provider: chain.provider, registry: chain.registry, chainId: chain.chainId, contractAddress: chain.address }, { batchSize: 64, batchAgeMs: 0, confirmations: 1 });
  for (let i = 0; ; i++) {
    await worker.tick();
    const milestones = await db().milestone.count({ where: { status: { not: "ANCHORED" } } });
    const events = await db().keyEvent.count({ where: { OR: [{ batchId: null }, { batch: { status: { not: "CONFIRMED" } } }] } });
    if (milestones === 0 && events === 0) break;
    if (i > 300) throw new Error(`not anchored: ${milestones} milestones, ${events} key events`);
    await new Promise((r) => setTimeout(r, 20));
  }
}, 120_000);

describe("a signed imported credit", () => {
  it("declares at the advice, its first milestone, that every step is signed, naming the parties (the external ones too)", async () => {
    const credit = await db().credit.findUniqueOrThrow({ where: { id: creditId }, select: { signaturesRequired: true, issuingBankId: true, applicantId: true } });
    expect(credit.signaturesRequired).toBe(true);
    const first = await db().milestone.findFirstOrThrow({ where: { creditId, seq: 1 } });
    expect(first.kind).toBe("CREDIT_ADVISED");
    expect((first.content as { signing: unknown }).signing).toEqual({ required: true, parties: { applicant: credit.applicantId, beneficiary: world.orgs.beneficiary, issuingBank: credit.issuingBankId, advisingBank: world.orgs.advisingBank } });
    expect(first.signatures).toHaveLength(1);
  });

  it("verifies every milestone and every signature against the chain", async () => {
    const result = await verifyCredit(creditId, rpcAnchorReader(chain.provider, chain.address), { confirmations: 1, allowedAnchorers: null, lateAnchorSeconds: 86_400, fromBlock: 0 });
    expect(result.results.map((r) => `${r.seq}:${r.status}`)).toEqual(["1:verified", "2:verified", "3:verified"]);
    expect(result.signing).toEqual({ required: true });
    expect(result.ok).toBe(true);
  });
});
