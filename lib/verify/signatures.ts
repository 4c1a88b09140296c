import { ZERO_DIGEST } from "@/lib/anchoring/digest";
import { keyEventDigest } from "@/lib/anchoring/key-event";
import { verifyInclusion } from "@/lib/anchoring/merkle";
import type { JsonValue } from "@/lib/anchoring/json";
import { ACTIONS, type AnyActionRule, type Party } from "@/lib/lifecycle/definition";
import { keyFingerprint } from "@/lib/signing/fingerprint";
import { type Preparation, preparationOf, preparationStatement, statementChallenge, stepStatement } from "@/lib/signing/statement";
import { PublicKeyCache, SIGNING_ALGORITHMS, type SigningAlgorithm, verifyAssertion } from "@/lib/signing/webauthn";
import type { AnchorMap, ChainHead, KeyEventRecord, KeyTrail, MilestoneCheck, MilestoneRecord, SignatureRecord, Signer, TrailResult, VerificationStatus } from "./types";
import { VERIFICATION_STATUSES } from "./types";

// Who signed each milestone, checked without trusting our database (issue 14). Browser-safe and
// run by every verifier after the trail's own checks (lib/verify/check.ts):
//
//   requirement  a credit whose first milestone says `signing.required` needs every person's
//                milestone signed; the first milestone also names the parties' organisations -> unsigned
//   signature    the actor's signature covers exactly the step's milestones as anchored (the
//                statement is derived from the trail, never read from the bundle); a checker's
//                milestone also carries the maker's signature over the preparation in its content
//                                                                                   -> bad-signature
//   key          the key was added to a member of the acting party's organisation in that
//                organisation's anchored key trail before the milestone, and not revoked before it;
//                the key trail itself recomputes, is anchored, and reaches the organisation's last
//                head on chain (a hidden revocation shows as a cut trail)             -> bad-signature
//   role         the signer's roles then could take the step under the lifecycle; maker and
//                checker are two people                                             -> bad-signature

export interface KeyTrailEvidence {
  /** The chain's anchor of each key event root (lower-case keys). */
  anchors: AnchorMap;
  /** Every head published under each organisation's key (organisation id -> heads in chain order); null: the registry publishes none. */
  heads: ReadonlyMap<string, readonly ChainHead[]> | null;
}

interface ValidKey {
  organizationId: string;
  userId: string;
  userName: string;
  /** The member's roles from each time on: as added, then each KEY_ROLES_CHANGED, in trail order. */
  roles: { from: string; roles: string[] }[];
  publicKey: string;
  algorithm: SigningAlgorithm;
  rpId: string;
  addedAt: string;
  revokedAt: string | null;
  credentialId: string;
}

/** An organisation's keys as its trail proves them, or why the trail cannot be relied on. */
type TrailVerdict = { ok: true; keys: Map<string, ValidKey>; pendingFrom: number | null } | { ok: false; reason: string };

const lower = (hex: string) => hex.toLowerCase();
const rolesOf = (value: JsonValue | undefined): string[] => (Array.isArray(value) ? value.filter((r): r is string => typeof r === "string") : []);

/** The roles a key signed with at `at`: the last change recorded no later than it. */
function rolesAt(key: ValidKey, at: string): string[] {
  let current: string[] = [];
  for (const change of key.roles) if (new Date(change.from).getTime() <= new Date(at).getTime()) current = change.roles;
  return current;
}
const asObject = (value: JsonValue): Record<string, JsonValue> | null => (value !== null && typeof value === "object" && !Array.isArray(value) ? value : null);

/** Checks one organisation's key trail: recomputed, linked, each event anchored, and none cut off the end. */
export function checkKeyTrail(trail: KeyTrail, evidence: KeyTrailEvidence): TrailVerdict {
  const events = [...trail.events].sort((a, b) => a.seq - b.seq);
  const keys = new Map<string, ValidKey>();
  let previous: KeyEventRecord | undefined;
  for (const event of events) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (event.seq !== expectedSeq) return { ok: false, reason: `its key event ${expectedSeq} is missing` };
    let digest: string;
    try {
      digest = keyEventDigest({ organizationId: trail.organizationId, seq: event.seq, kind: event.kind, content: event.content, prevDigest: event.prevDigest, salt: event.salt });
    } catch {
      return { ok: false, reason: `its key event ${event.seq} is malformed` };
    }
    if (digest !== lower(event.digest)) return { ok: false, reason: `its key event ${event.seq} was altered (its content no longer hashes to its digest)` };
    if (lower(event.prevDigest) !== lower(previous?.digest ?? ZERO_DIGEST)) return { ok: false, reason: `its key event ${event.seq} does not follow the one before it` };
    // Not anchored yet: what it and later events say cannot be proven yet (a key just added).
    if (!event.root) return { ok: true, keys, pendingFrom: event.seq };
    if (!verifyInclusion(event.root, digest, event.proof)) return { ok: false, reason: `its key event ${event.seq} is not in the batch it names` };
    if (!evidence.anchors.get(lower(event.root))) return { ok: false, reason: `its key event ${event.seq} is not on chain` };
    const content = asObject(event.content);
    const credentialId = typeof content?.credentialId === "string" ? content.credentialId : null;
    if (!content || !credentialId) return { ok: false, reason: `its key event ${event.seq} names no key` };
    if (event.kind === "KEY_ADDED") {
      const algorithm = content.algorithm as SigningAlgorithm;
      if (!SIGNING_ALGORITHMS.includes(algorithm) || typeof content.publicKey !== "string" || typeof content.userId !== "string" || typeof content.rpId !== "string" || typeof content.recordedAt !== "string") {
        return { ok: false, reason: `its key event ${event.seq} is malformed` };
      }
      keys.set(credentialId, {
        organizationId: trail.organizationId,
        userId: content.userId,
        userName: typeof content.userName === "string" ? content.userName : content.userId,
        roles: [{ from: content.recordedAt, roles: rolesOf(content.roles) }],
        publicKey: content.publicKey,
        algorithm,
        rpId: content.rpId,
        addedAt: content.recordedAt,
        revokedAt: null,
        credentialId,
      });
    } else if (event.kind === "KEY_REVOKED") {
      const key = keys.get(credentialId);
      if (key && key.revokedAt === null && typeof content.recordedAt === "string") key.revokedAt = content.recordedAt;
    } else if (event.kind === "KEY_ROLES_CHANGED") {
      const key = keys.get(credentialId);
      if (key && typeof content.recordedAt === "string") key.roles.push({ from: content.recordedAt, roles: rolesOf(content.roles) });
    }
    previous = event;
  }
  const heads = evidence.heads?.get(trail.organizationId);
  if (heads && heads.length > 0) {
    const last = heads.reduce((a, b) => (b.seq > a.seq ? b : a));
    if (!previous || last.seq > previous.seq) return { ok: false, reason: `the chain shows key events up to ${last.seq}, but only ${previous?.seq ?? 0} were given (a revocation may be hidden)` };
    const event = events.find((e) => e.seq === last.seq);
    if (!event || lower(event.digest) !== lower(last.digest)) return { ok: false, reason: `its key event ${last.seq} is not the one the chain published` };
  }
  return { ok: true, keys, pendingFrom: null };
}

/** Which parties may take a step that records `kind`, with which roles; and for a checker's step, the maker's. */
interface StepRule {
  by: readonly Party[];
  roles: readonly string[];
  /** A checker's step: the roles of the maker whose preparation it approves. */
  makerRoles: readonly string[] | null;
}

/** The lifecycle's person steps by the milestone kind they record, read once from ACTIONS (it never changes). */
let rulesByKind: Map<string, readonly StepRule[]> | null = null;

function stepRulesFor(kind: string): readonly StepRule[] {
  if (!rulesByKind) {
    rulesByKind = new Map();
    for (const rule of Object.values(ACTIONS as Record<string, AnyActionRule>)) {
      if (!rule.milestone || rule.by === "system") continue;
      const step: StepRule = {
        by: rule.by as readonly Party[],
        roles: rule.roles,
        makerRoles: rule.checks ? (ACTIONS as Record<string, AnyActionRule>)[rule.checks]?.roles ?? null : null,
      };
      rulesByKind.set(rule.milestone, [...(rulesByKind.get(rule.milestone) ?? []), step]);
    }
  }
  return rulesByKind.get(kind) ?? [];
}

/** Kinds only the system records (the expiry job): no person signs them. */
const SYSTEM_KINDS = new Set(
  Object.values(ACTIONS as Record<string, AnyActionRule>)
    .filter((rule) => rule.by === "system" && rule.milestone)
    .map((rule) => rule.milestone as string),
);

/** The parties' organisations as the trail's first milestone names them, and whether its milestones must be signed. */
function signingDeclaration(sorted: readonly MilestoneRecord[]): { required: boolean; parties: Partial<Record<Party, string>> } {
  const first = sorted.find((r) => r.seq === 1);
  const signing = first ? asObject(asObject(first.content)?.signing ?? null) : null;
  if (!signing || signing.required !== true) return { required: false, parties: {} };
  const parties: Partial<Record<Party, string>> = {};
  for (const [party, id] of Object.entries(asObject(signing.parties ?? null) ?? {})) if (typeof id === "string") parties[party as Party] = id;
  // A confirming bank is the advising bank once it adds its confirmation (CREDIT_ADVISED says so).
  if (parties.advisingBank && sorted.some((r) => r.kind === "CREDIT_ADVISED" && asObject(r.content)?.confirmationAdded === true)) parties.confirmingBank = parties.advisingBank;
  return { required: true, parties };
}

const recordedAtOf = (record: MilestoneRecord): string | null => {
  const at = asObject(record.content)?.recordedAt;
  return typeof at === "string" ? at : null;
};

const before = (a: string, b: string) => new Date(a).getTime() <= new Date(b).getTime();

interface SignatureVerdict {
  status: "ok" | "unsigned" | "bad-signature" | "not-required" | "pending";
  reason?: string;
  signers: Signer[];
}

/** What every milestone's check of one trail shares: its milestones by seq, and each key imported and fingerprinted once. */
interface TrailContext {
  bySeq: ReadonlyMap<number, MilestoneRecord>;
  declaration: ReturnType<typeof signingDeclaration>;
  trails: ReadonlyMap<string, TrailVerdict>;
  keys: PublicKeyCache;
  fingerprints: Map<string, string>;
}

async function checkSignatures(record: MilestoneRecord, context: TrailContext): Promise<SignatureVerdict> {
  const { bySeq, declaration, trails } = context;
  const signatures = record.signatures ?? [];
  // System steps (expiry) and milestones caused by a step (settlement) are signed by that step, if at all.
  const actor = signatures.find((s) => s.role === "actor");
  if (!declaration.required) return { status: "not-required", signers: [] };
  // Only the system's own steps (expiry) go unsigned; a milestone a person's step causes (settlement) is covered by its signature.
  if (!actor && SYSTEM_KINDS.has(record.kind)) return { status: "not-required", signers: [] };
  if (!actor) return { status: "unsigned", reason: "This credit's milestones must be signed by the person who took each step, and this one carries no signature.", signers: [] };
  const at = recordedAtOf(record);
  if (!at) return { status: "bad-signature", reason: "Its content records no time, so its signer's key cannot be checked at that time.", signers: [] };

  // The actor's statement: this step's milestones, derived from the trail itself.
  const covers = actor.covers;
  if (!covers || covers.from > record.seq || covers.to < record.seq || covers.to - covers.from > 16) return { status: "bad-signature", reason: "Its signature does not say which milestones it covers, or not this one.", signers: [] };
  const covered: MilestoneRecord[] = [];
  for (let seq = covers.from; seq <= covers.to; seq++) {
    const m = bySeq.get(seq);
    if (!m) return { status: "bad-signature", reason: `Its signature covers milestone ${seq}, which is not in the trail.`, signers: [] };
    covered.push(m);
  }
  // The step's own milestone (the first covered) names the rule; derived ones ride on its signature.
  const stepRules = stepRulesFor(covered[0]!.kind);
  if (stepRules.length === 0) return { status: "bad-signature", reason: `A ${covered[0]!.kind} milestone is no person's step, yet it carries a signature.`, signers: [] };
  const statement = stepStatement(record.creditId, covered[0]!.prevDigest, covered.map((m) => ({ seq: m.seq, kind: m.kind, content: m.content, documentHashes: m.documentHashes })));
  const signers: Signer[] = [];

  let pending: string | null = null;
  const checkOne = async (signature: SignatureRecord, challenge: Uint8Array, allowed: { parties: readonly Party[]; roles: readonly string[] }, what: string): Promise<string | Signer> => {
    const orgs = [...new Set(allowed.parties.map((p) => declaration.parties[p]).filter((id): id is string => typeof id === "string"))];
    let key: ValidKey | undefined;
    let unproven = false;
    for (const org of orgs) {
      const trail = trails.get(org);
      if (!trail) continue;
      if (!trail.ok) return `${what}: the key trail of the organisation that took this step cannot be relied on: ${trail.reason}.`;
      key = trail.keys.get(signature.credentialId) ?? key;
      if (trail.pendingFrom !== null) unproven = true;
    }
    if (!key && unproven) {
      pending = `${what} was made with a key whose registration is not anchored yet: it can be checked once it is.`;
      return pending;
    }
    if (!key) return `${what} was made with a key that no anchored key trail of the party that takes this step registered (key ${signature.credentialId.slice(0, 12)}…).`;
    if (!before(key.addedAt, at)) return `${what} was made with a key registered only after the milestone (${key.addedAt}).`;
    if (key.revokedAt && before(key.revokedAt, at)) return `${what} was made with a key revoked on ${key.revokedAt}, before this milestone (${at}).`;
    const roles = rolesAt(key, at);
    if (!roles.some((role) => allowed.roles.includes(role))) return `${what} was made by ${key.userName}, whose roles then (${roles.join(", ") || "none"}) could not take this step.`;
    const check = await verifyAssertion(signature, { spki: key.publicKey, algorithm: key.algorithm }, { challenge, rpId: key.rpId, requireUserVerification: true }, context.keys);
    if (!check.ok) return `${what} does not verify: ${check.reason}.`;
    let fingerprint = context.fingerprints.get(key.publicKey);
    if (fingerprint === undefined) {
      fingerprint = keyFingerprint(key.publicKey);
      context.fingerprints.set(key.publicKey, fingerprint);
    }
    return { role: signature.role, userId: key.userId, userName: key.userName, organizationId: key.organizationId, roles, credentialId: key.credentialId, fingerprint };
  };

  // A step whose own milestone carries a preparation is a checker's approval of a maker's step
  // (four eyes): only checker rules apply, and the maker must have signed. Without one, only
  // one-person rules. A milestone the step causes (the settlement of an approved payment) carries
  // the step's signatures, the maker's among them, so it is checked as the step's own milestone.
  const preparation: Preparation | null = preparationOf(covered[0]!.content);
  const applicable = stepRules.filter((r) => (r.makerRoles !== null) === (preparation !== null));
  if (applicable.length === 0) {
    return {
      status: "bad-signature",
      reason: preparation ? "It carries a maker's preparation, but no checker approves this kind of step." : "A checker's approval must carry the maker's signed preparation, and this one does not.",
      signers: [],
    };
  }
  const actorParties = [...new Set(applicable.flatMap((r) => r.by))];
  const actorRoles = [...new Set(applicable.flatMap((r) => r.roles))];
  const actorResult = await checkOne(actor, statementChallenge(statement), { parties: actorParties, roles: actorRoles }, "Its signature");
  if (typeof actorResult === "string") return { status: pending ? "pending" : "bad-signature", reason: actorResult, signers: [] };
  signers.push(actorResult);

  // Four eyes: the checker's milestone carries the maker's preparation and signature (only the step's own milestone).
  const maker = signatures.find((s) => s.role === "maker");
  const makerRoles = [...new Set(applicable.flatMap((r) => r.makerRoles ?? []))];
  if (preparation) {
    if (!maker) return { status: "bad-signature", reason: "A checker's approval must carry the maker's signature over the preparation, and this one does not.", signers };
    const makerResult = await checkOne(maker, statementChallenge(preparationStatement(record.creditId, preparation)), { parties: actorParties, roles: makerRoles }, "The maker's signature");
    if (typeof makerResult === "string") return { status: pending ? "pending" : "bad-signature", reason: makerResult, signers };
    if (makerResult.userId === actorResult.userId) return { status: "bad-signature", reason: `Maker and checker are the same person (${actorResult.userName}): four eyes need two.`, signers };
    if (!before(preparation.preparedAt, at)) return { status: "bad-signature", reason: "The maker's preparation is dated after the checker's approval.", signers };
    signers.unshift(makerResult);
  } else if (maker) {
    return { status: "bad-signature", reason: "It carries a maker's signature, but it is no checker's step.", signers };
  }
  return { status: "ok", signers };
}

/**
 * Adds the signature checks to a trail's verdict: each milestone that is otherwise verified or
 * pending becomes `unsigned` or `bad-signature` when its signatures fail, and verified ones name
 * their signers. `keyTrails`: the key trails of the organisations that signed (the bundle carries
 * them; the database path reads them), `keyEvidence`: what the chain says about them.
 */
export async function withSignatureChecks(result: TrailResult, records: readonly MilestoneRecord[], keyTrails: readonly KeyTrail[], keyEvidence: KeyTrailEvidence): Promise<TrailResult> {
  const sorted = [...records].sort((a, b) => a.seq - b.seq);
  const declaration = signingDeclaration(sorted);
  const verdicts = new Map<string, TrailVerdict>();
  for (const trail of keyTrails) verdicts.set(trail.organizationId, checkKeyTrail(trail, keyEvidence));
  // An organisation whose key trail was not given but which published heads: its trail was withheld.
  for (const [org, heads] of keyEvidence.heads ?? []) if (!verdicts.has(org) && heads.length > 0) verdicts.set(org, { ok: false, reason: "its key trail was not given, though the chain shows one" });

  const bySeq = new Map(sorted.map((r) => [r.seq, r]));
  const context: TrailContext = { bySeq, declaration, trails: verdicts, keys: new PublicKeyCache(), fingerprints: new Map() };
  // Every milestone's signatures are checked at once: WebCrypto verifies them off the main thread, concurrently.
  const results: MilestoneCheck[] = await Promise.all(
    result.results.map(async (check): Promise<MilestoneCheck> => {
      const record = bySeq.get(check.seq);
      if (!record || (check.status !== "verified" && check.status !== "pending")) return check;
      const verdict = await checkSignatures(record, context);
      if (verdict.status === "pending") {
        return check.status === "pending" ? check : { seq: check.seq, kind: check.kind, status: "pending", digest: lower(record.digest), root: record.root, reason: verdict.reason! };
      }
      if (verdict.status === "unsigned" || verdict.status === "bad-signature") {
        return { seq: check.seq, kind: check.kind, status: verdict.status, digest: lower(record.digest), reason: verdict.reason!, ...(verdict.signers.length ? { signers: verdict.signers } : {}) };
      }
      return verdict.signers.length ? { ...check, signers: verdict.signers } : check;
    }),
  );
  const counts = Object.fromEntries(VERIFICATION_STATUSES.map((s) => [s, 0])) as Record<VerificationStatus, number>;
  for (const r of results) counts[r.status]++;
  return { ...result, results, counts, signing: { required: declaration.required }, ok: result.ok && results.every((r) => r.status === "verified") };
}

/** The organisations whose key trails a trail's verification needs: every party its first milestone names. */
export function signingOrganizations(records: readonly MilestoneRecord[]): string[] {
  const declaration = signingDeclaration([...records].sort((a, b) => a.seq - b.seq));
  return declaration.required ? [...new Set(Object.values(declaration.parties).filter((id): id is string => typeof id === "string"))].sort() : [];
}
