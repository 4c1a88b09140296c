import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { resetConfigCache } from "@/lib/config";
import { importAmendment } from "@/lib/credits/import-amendment";
import { importCredit } from "@/lib/credits/import-credit";
import { db } from "@/lib/db/client";
import { performAction } from "@/lib/lifecycle/perform";
import { serialiseFin } from "@/lib/swift/fin";
import { swiftMessages } from "@/lib/swift/messages";
import { sampleTerms } from "@/lib/terms/sample";
import { verifyCredit } from "@/lib/verify/credit";
import { exportProofBundle } from "@/lib/verify/export";
import { rpcAnchorReader } from "@/lib/verify/reader";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { anchorEverything } from "./support/tamper";
import { type World, createWorld } from "./support/world";

// An imported credit's trail (issue 15, item 3) anchored on a real chain and verified: its first
// milestone is the advice, which commits to the SHA-256 of the MT700 as received; the MT707's
// advice and the beneficiary's acceptance follow. The verifier needs nothing special for it.

useTestDatabase();
let world: World;
let chain: ChainFixture;
let creditId: string;
const issuerBic = `${randomUUID().replace(/[^a-f]/g, "").slice(0, 4).toUpperCase().padEnd(4, "B")}AEAD`;
const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const today = new Date();
const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const yymmdd = (iso: string) => iso.slice(2).replace(/-/g, "");
let mt700: string;
let mt707: string;

beforeAll(async () => {
  world = await createWorld();
  chain = await deployedRegistry();
  // The bundle names the chain and registry TradeTrail is configured with.
  process.env.CHAIN_RPC_URL = chain.rpcUrl;
  process.env.ANCHOR_CONTRACT_ADDRESS = chain.address;
  resetConfigCache();
  const adviserBic = (await db().organization.findUniqueOrThrow({ where: { id: world.orgs.advisingBank } })).bic!;
  mt700 = swiftMessages({
    reference: "EXTERNAL",
    creditNumber: "GCB/2026/90",
    dateOfIssue: day(0),
    standby: false,
    issuingBank: { name: "Gulf Commercial Bank", bic: issuerBic },
    advisingBank: { name: "Advising Bank", bic: adviserBic },
    steps: [{ seq: 1, on: day(0), kind: "issued", terms: sampleTerms({ availableWith: "ADVISING_BANK", expiryDate: day(90), latestShipmentDate: day(60) }, today), bankConditions: null }],
  })[0]!.text;
  mt707 = serialiseFin({
    type: "707",
    sender: issuerBic,
    receiver: adviserBic,
    fields: [
      { tag: "27", value: "1/1" },
      { tag: "20", value: "GCB/2026/90" },
      { tag: "21", value: "NONREF" },
      { tag: "23", value: "GCB/2026/90" },
      { tag: "31C", value: yymmdd(day(0)) },
      { tag: "26E", value: "1" },
      { tag: "30", value: yymmdd(day(0)) },
      { tag: "22A", value: "ISSU" },
      { tag: "31D", value: `${yymmdd(day(120))}Rotterdam` },
    ],
  });
  ({ creditId } = await importCredit(world.users.advisingBank.MAKER, { fin: mt700, beneficiaryId: world.orgs.beneficiary, issuingBankName: "Gulf Commercial Bank" }));
  await performAction({ actor: world.users.advisingBank.CHECKER, action: "adviseCredit", creditId, input: { addConfirmation: false } });
  const { amendmentId } = await importAmendment(world.users.advisingBank.MAKER, creditId, { fin: mt707 });
  await performAction({ actor: world.users.advisingBank.MAKER, action: "adviseAmendment", creditId, subjectId: amendmentId, input: {} });
  await performAction({ actor: world.users.beneficiary.MAKER, action: "acceptAmendment", creditId, subjectId: amendmentId });
  await anchorEverything(new AnchoringWorker({ provider: chain.provider, registry: chain.registry, chainId: chain.chainId, contractAddress: chain.address }, { batchSize: 64, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 5_000 }));
});

describe("an imported credit's trail", () => {
  it("starts with the advice, which commits to the MT700 as received, and verifies against the chain", async () => {
    const result = await verifyCredit(creditId, rpcAnchorReader(chain.provider, chain.address), { allowedAnchorers: [chain.anchorer], confirmations: 1, fromBlock: 0, lateAnchorSeconds: 86_400 });
    expect(result.results.map((r) => `${r.seq}:${r.status}`)).toEqual(["1:verified", "2:verified", "3:verified"]);
    expect(result.ok).toBe(true);
  });

  it("exports a proof bundle whose milestones carry the received messages' hashes", async () => {
    const bundle = await exportProofBundle(world.users.advisingBank.MAKER, creditId);
    expect(bundle.milestones.map((m) => m.kind)).toEqual(["CREDIT_ADVISED", "AMENDMENT_ADVISED", "AMENDMENT_ACCEPTED"]);
    expect((bundle.milestones[0]!.content as { received: unknown }).received).toEqual({ type: "MT700", sha256: `0x${sha(mt700)}`, sender: issuerBic });
    expect((bundle.milestones[1]!.content as { received: unknown }).received).toEqual({ type: "MT707", sha256: `0x${sha(mt707)}`, sender: issuerBic });
    // The beneficiary, a party since the advice, exports the same trail.
    expect((await exportProofBundle(world.users.beneficiary.MAKER, creditId)).milestones).toHaveLength(3);
  });
});
