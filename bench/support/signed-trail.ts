import { createPublicKey } from "node:crypto";
import { appendMilestone, lastMilestone } from "@/lib/anchoring/record";
import { ZERO_DIGEST } from "@/lib/anchoring/digest";
import type { JsonObject } from "@/lib/anchoring/json";
import { db } from "@/lib/db/client";
import type { MemberRole, MilestoneKind } from "@/lib/generated/prisma/enums";
import { recordKeyAdded, recordKeysRevoked } from "@/lib/signing/key-events";
import { challengeText, inputHash, preparationStatement, stepStatement } from "@/lib/signing/statement";
import type { ActorSignature, MilestoneSignature } from "@/lib/signing/sign-step";
import { SoftwareAuthenticator } from "@/tests/integration/support/authenticator";
import { seedUsers } from "./seed";

// A credit whose milestones must be signed (issue 14), built as the product builds one: its first
// milestone declares `signing: { required: true, parties }` (what lib/lifecycle/perform.ts writes),
// the signers' keys are registered in their organisations' key trails with recordKeyAdded (so the
// anchoring worker anchors them with the milestones), and every milestone carries real ES256
// WebAuthn assertions (a software authenticator's P-256 keys) over the real statement
// (stepStatement / preparationStatement), as lib/lifecycle/perform.ts stores them.
//
// The mix of steps, after the beneficiary's agreement to the terms (seq 1):
//   even seqs     DOCUMENTS_PRESENTED     the beneficiary's maker or admin (one signature, two people, three keys)
//   seq % 4 = 1   PRESENTATION_COMPLIANT  one bank officer's determination (one signature)
//   seq % 4 = 3   PRESENTATION_COMPLIANT  four eyes: the maker's signed preparation and the checker's approval (two signatures)

const ORIGIN = "http://localhost:3000";
const RP_ID = "localhost";

type Credential = SoftwareAuthenticator["credentials"][number];

export interface BenchSigner {
  userId: string;
  userName: string;
  organizationId: string;
  authenticator: SoftwareAuthenticator;
}

export interface SignedCredit {
  creditId: string;
  signers: { beneficiaryMaker: BenchSigner; beneficiaryAdmin: BenchSigner; bankMaker: BenchSigner; bankChecker: BenchSigner };
  /** For each seq, the user ids the verifier must name as its signers, in its order (maker first). */
  expectedSigners: Map<number, string[]>;
  /** Signatures written, and distinct keys registered (one revoked before any milestone). */
  signatureCount(): number;
  keyCount: number;
  append(seq: number): Promise<void>;
}

const b64url = (data: Uint8Array) => Buffer.from(data).toString("base64url");

async function signer(organizationId: string, role: MemberRole, keys: number): Promise<BenchSigner> {
  const userId = (await seedUsers([organizationId], [role])).get(organizationId)!;
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  const authenticator = new SoftwareAuthenticator(ORIGIN);
  for (let i = 0; i < keys; i++) {
    authenticator.register({ rp: { id: RP_ID, name: "TradeTrail" }, user: { id: userId, name: user.name, displayName: user.name }, challenge: "AAAA", pubKeyCredParams: [] });
  }
  return { userId, userName: user.name, organizationId, authenticator };
}

const credentialIdOf = (credential: Credential) => b64url(credential.id);

/** Registers the key as Settings does: a KEY_ADDED event in each of the user's organisations' key trails. */
async function registerKey(who: BenchSigner, credential: Credential, now: Date): Promise<void> {
  const spki = createPublicKey(credential.privateKey).export({ type: "spki", format: "der" });
  await db().$transaction((tx) => recordKeyAdded(tx, { userId: who.userId, userName: who.userName, credentialId: credentialIdOf(credential), key: { spki: b64url(spki), algorithm: "ES256" }, rpId: RP_ID, now }));
}

function assertionOf(who: BenchSigner, credential: Credential, challenge: string): Pick<MilestoneSignature, "credentialId" | "authenticatorData" | "clientDataJSON" | "signature"> {
  const response = who.authenticator.authenticate({ challenge, rpId: RP_ID }, { credential });
  return { credentialId: response.id, authenticatorData: response.response.authenticatorData, clientDataJSON: response.response.clientDataJSON, signature: response.response.signature };
}

/** Seeds the signers and their key events for `creditId` (whose parties are read from its row); milestones are appended with `append`. */
export async function prepareSignedCredit(creditId: string): Promise<SignedCredit> {
  const credit = await db().credit.findUniqueOrThrow({ where: { id: creditId } });
  const parties = { applicant: credit.applicantId, beneficiary: credit.beneficiaryId, issuingBank: credit.issuingBankId, advisingBank: credit.advisingBankId };
  await db().organization.updateMany({ where: { id: { in: Object.values(parties) } }, data: { signMilestones: true } });
  await db().credit.update({ where: { id: creditId }, data: { signaturesRequired: true } });

  const signers = {
    beneficiaryMaker: await signer(parties.beneficiary, "MAKER", 2), // a laptop and a phone
    beneficiaryAdmin: await signer(parties.beneficiary, "ADMIN", 1),
    bankMaker: await signer(parties.issuingBank, "MAKER", 2), // the first one is revoked before any milestone
    bankChecker: await signer(parties.issuingBank, "CHECKER", 1),
  };
  const registeredAt = new Date(Date.now() - 60_000);
  let keyCount = 0;
  for (const who of Object.values(signers)) {
    for (const credential of who.authenticator.credentials) {
      await registerKey(who, credential, registeredAt);
      keyCount++;
    }
  }
  const retired = signers.bankMaker.authenticator.credentials[0]!;
  await db().$transaction((tx) => recordKeysRevoked(tx, { userId: signers.bankMaker.userId, credentialIds: [credentialIdOf(retired)], reason: "Lost phone", now: new Date(registeredAt.getTime() + 1_000) }));

  const expectedSigners = new Map<number, string[]>();
  let signatureCount = 0;

  async function append(seqWanted: number): Promise<void> {
    await db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM credits WHERE id = ${creditId}::uuid FOR UPDATE`;
      const last = await lastMilestone(tx, creditId);
      const seq = (last?.seq ?? 0) + 1;
      if (seq !== seqWanted) throw new Error(`signed credit: expected to append seq ${seqWanted}, the trail is at ${seq - 1}`);
      const now = new Date();
      const prevDigest = last?.digest ?? ZERO_DIGEST;
      let kind: MilestoneKind;
      let content: JsonObject;
      let actor: BenchSigner;
      let actorKey: Credential;
      const signatures: MilestoneSignature[] = [];
      const names: string[] = [];
      if (seq === 1) {
        kind = "TERMS_AGREED";
        content = { termsVersion: 1, termsHash: inputHash({ amount: "250000.00", currency: "USD" }), recordedAt: now.toISOString(), signing: { required: true, parties } };
        [actor, actorKey] = [signers.beneficiaryMaker, signers.beneficiaryMaker.authenticator.credentials[0]!];
      } else if (seq % 2 === 0) {
        kind = "DOCUMENTS_PRESENTED";
        content = { presentation: seq / 2, amount: `${1000 + seq}.00`, recordedAt: now.toISOString() };
        const who = seq % 3 === 0 ? signers.beneficiaryAdmin : signers.beneficiaryMaker;
        [actor, actorKey] = [who, who.authenticator.credentials[(seq / 2) % who.authenticator.credentials.length]!];
      } else if (seq % 4 === 1) {
        kind = "PRESENTATION_COMPLIANT";
        content = { presentation: (seq - 1) / 2, amount: `${1000 + seq - 1}.00`, recordedAt: now.toISOString() };
        [actor, actorKey] = [signers.bankMaker, signers.bankMaker.authenticator.credentials[1]!];
      } else {
        // Four eyes: the maker prepared the determination and signed the preparation; the checker approves it.
        kind = "PRESENTATION_COMPLIANT";
        const preparation = { action: "determineCompliant", subjectId: null, inputHash: inputHash({ presentation: (seq - 1) / 2 }), preparedAt: new Date(now.getTime() - 1).toISOString() };
        content = { presentation: (seq - 1) / 2, amount: `${1000 + seq - 1}.00`, recordedAt: now.toISOString(), preparation };
        const makerKey = signers.bankMaker.authenticator.credentials[1]!;
        signatures.push({ role: "maker", ...assertionOf(signers.bankMaker, makerKey, challengeText(preparationStatement(creditId, preparation))) });
        names.push(signers.bankMaker.userId);
        [actor, actorKey] = [signers.bankChecker, signers.bankChecker.authenticator.credentials[0]!];
      }
      const statement = stepStatement(creditId, prevDigest, [{ seq, kind, content, documentHashes: [] }]);
      const actorSignature: ActorSignature = { role: "actor", ...assertionOf(actor, actorKey, challengeText(statement)), covers: { from: seq, to: seq } };
      signatures.push(actorSignature);
      names.push(actor.userId);
      await appendMilestone(tx, { creditId, kind, content, recordedAt: now, signatures });
      expectedSigners.set(seq, names);
      signatureCount += signatures.length;
    });
  }

  return {
    creditId,
    signers,
    expectedSigners,
    signatureCount: () => signatureCount,
    keyCount,
    append,
  };
}
