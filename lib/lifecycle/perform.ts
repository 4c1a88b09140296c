import { createHash } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AmendmentStatus, CreditStatus, MilestoneKind, PresentationStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { type Tx, db } from "@/lib/db/client";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { appendMilestone, lastMilestone } from "@/lib/anchoring/record";
import { ZERO_DIGEST } from "@/lib/anchoring/digest";
import { type Statement, inputHash, preparationStatement, stepStatement } from "@/lib/signing/statement";
import { type LoadedSigningRequest, type MilestoneSignature, type StepSignature, takeSigningRequest, verifyStepSignature } from "@/lib/signing/sign-step";
import { itemHref } from "@/lib/credits/links";
import { emailNotifications } from "@/lib/email/notifications";
import type { JsonObject, JsonValue } from "@/lib/anchoring/json";
import { canonicalJson } from "@/lib/anchoring/canonical";
import type { ApprovalKind } from "@/lib/generated/prisma/enums";
import { type ActionFacts, PARTY_FIELD, type SYSTEM, actingBankId, decide, partiesOf, visiblePartiesOf } from "./authorize";
import { type ACTIONS, type ActionName, type AnyActionRule, type NotifyRule, type Party, actionRule, approvalKindChecked, heldForChecker } from "./definition";
import { describeHeldStep } from "./held";
import { type InputOf, parseInput } from "./inputs";
import { HANDLERS } from "./handlers";
import { ACTION_DONE, heldPhrase } from "./words";
import { creditLabel } from "@/lib/credits/label";
import { swiftMessagesToRecord } from "@/lib/credits/swift-messages";
import { isUuid } from "@/lib/ids";
import { EVENT_CREDIT_SELECT, recordEvents } from "@/lib/events/record-events";

// Every state change of a credit goes through performAction: validate the input, lock the
// credit, check idempotency and the optimistic version, decide from the lifecycle definition,
// run the action's own effect, move the state, append the milestone, log the event, notify.
// All in one database transaction: either all of it happens or none of it.

export type System = typeof SYSTEM;

export interface LockedCredit {
  id: string;
  reference: string;
  /** Field 20, once issued. */
  creditNumber: string | null;
  status: CreditStatus;
  version: number;
  applicantId: string;
  beneficiaryId: string;
  issuingBankId: string;
  advisingBankId: string;
  confirmingBankId: string | null;
  sharedAt: Date | null;
  submittedAt: Date | null;
  issuedAt: Date | null;
  currentTermsId: string | null;
  agreedTermsId: string | null;
  currency: string;
  amount: string;
  drawnAmount: string;
  /** Every person's milestone must be signed (issue 14): decided at the first milestone. */
  signaturesRequired: boolean;
}

export interface LockedSubject {
  id: string;
  status: string;
  version: number;
  /** A presentation's examining bank, fixed at presentation (null before, and for an amendment). */
  examiningBankId: string | null;
  /** A presentation made under eUCP v2.1 (false for an amendment). */
  eucp: boolean;
}

export interface HandlerContext<N extends ActionName> {
  tx: Tx;
  actor: Actor | null;
  action: N;
  rule: AnyActionRule;
  /** Null only for createCredit, which makes the credit. */
  credit: N extends "createCredit" ? null : LockedCredit;
  subject: LockedSubject | null;
  input: InputOf<(typeof ACTIONS)[N]["input"]>;
  now: Date;
  /** When a checker approves a held step: who prepared it (the maker's handler runs on approval). */
  preparedBy?: string;
}

export interface ExtraMilestone {
  kind: MilestoneKind;
  content: JsonObject;
  documentHashes?: string[];
}

export interface HandlerResult {
  /** createCredit: the new credit's id. */
  creditId?: string;
  /** Create actions on amendments/presentations: the new subject's id. */
  subjectId?: string;
  /** Content the action's milestone commits to (required when the action has one). */
  milestone?: { content: JsonObject; documentHashes?: string[] };
  /** Further milestones caused by this action (cancellation, settlement), in order. */
  extraMilestones?: ExtraMilestone[];
  /** Extra column changes on the credit (status is set by the engine unless given here). */
  creditData?: Prisma.CreditUncheckedUpdateInput;
  /** For `to: "previous"` rules: the state to return to. */
  subjectStatus?: string;
  /** Details for the activity log. */
  event?: JsonObject;
  /** Returned to the caller (e.g. the id of a document just added). */
  output?: JsonObject;
}

export type Handler<N extends ActionName> = (ctx: HandlerContext<N>) => Promise<HandlerResult>;

export interface PerformOptions {
  actor: Actor | System;
  action: ActionName;
  /** The credit acted on (not for createCredit). */
  creditId?: string;
  /** The amendment or presentation acted on (not for credit actions or create actions). */
  subjectId?: string;
  input?: unknown;
  /** The credit version the user saw; a mismatch is a conflict (someone else acted first). */
  expectedVersion?: number;
  /** Repeated submissions with the same key return the first result instead of acting again. */
  idempotencyKey?: string;
  now?: Date;
  /** The acting person's passkey signature on the step (issue 14), answering a signing request from prepareSignedStep. */
  signature?: StepSignature;
}

export interface ActionResult {
  creditId: string;
  subjectId: string | null;
  action: ActionName;
  creditStatus: CreditStatus;
  subjectStatus: string | null;
  version: number;
  milestoneSeqs: number[];
  output?: JsonObject;
  /** True when this is the stored result of an earlier identical submission. */
  replayed?: boolean;
  /** True when the step was held for a checker's approval (four eyes) and changed nothing yet. */
  held?: boolean;
}

const isSystem = (actor: Actor | System): actor is System => "system" in actor;

/** What a step run without keeping it found it would record and ask its actor to sign (null: nothing to sign). */
class DryRun {
  constructor(
    readonly statement: Statement | null,
    readonly creditVersion: number,
    readonly recordedAt: Date,
  ) {}
}

/** How one run of a step signs: for real (with the signature, if any), or as a dry run that only derives the statement. */
interface SigningContext {
  dryRun: boolean;
  signed: { request: LoadedSigningRequest; response: StepSignature["response"] } | null;
}

/** SHA-256 of the action's input (canonical JSON): binds a signing request to the details shown when it was asked for. */
export function signingRequestHash(input: unknown): string {
  return createHash("sha256").update(canonicalJson(JSON.parse(JSON.stringify(input ?? null)) as JsonValue)).digest("hex");
}

/**
 * Runs the step without keeping anything, to learn what it would record and ask its actor to sign
 * (issue 14): the statement of its milestones (or of the maker's preparation), the credit's
 * version and the time it will record. Null statement: the step needs no signature. Every check
 * of the step runs, so a step that would be refused is refused here, before anyone signs.
 */
export async function dryRunStep(options: PerformOptions): Promise<{ statement: Statement | null; creditVersion: number; recordedAt: Date }> {
  // Drafting a credit records no milestone: nothing to sign, and nothing to run twice.
  if (options.action === "createCredit") return { statement: null, creditVersion: 0, recordedAt: options.now ?? new Date() };
  try {
    await runAction({ ...options, idempotencyKey: undefined, signature: undefined }, { dryRun: true, signed: null });
  } catch (error) {
    if (error instanceof DryRun) return { statement: error.statement, creditVersion: error.creditVersion, recordedAt: error.recordedAt };
    throw error;
  }
  throw new Error(`${options.action}: a dry run ended without its result`);
}

export async function performAction(options: PerformOptions): Promise<ActionResult> {
  return runAction(options, { dryRun: false, signed: null });
}

async function runAction(options: PerformOptions, signing: SigningContext): Promise<ActionResult> {
  const rule = actionRule(options.action);
  const parsed = parseInput(rule.input, options.input);
  if (!parsed.ok) throw invalid("Some fields need your attention.", parsed.fields);
  if (options.idempotencyKey !== undefined && !/^[A-Za-z0-9_-]{8,100}$/.test(options.idempotencyKey)) {
    throw invalid("The idempotency key must be 8–100 letters, digits, '-' or '_'.");
  }
  const actor = options.actor;
  let now = options.now ?? new Date();

  try {
    return await db().$transaction(
      async (tx) => {
        // Claim the idempotency key first: a concurrent duplicate blocks here until the first
        // commits, then finds the key taken and replays the stored result.
        if (options.idempotencyKey && !isSystem(actor)) {
          const scope = idempotencyScope(options);
          const claimed = await tx.$executeRaw`
            INSERT INTO idempotency_keys (user_id, key, action, credit_id, subject_id, request_hash, response)
            VALUES (${actor.userId}::uuid, ${options.idempotencyKey}, ${options.action}, ${scope.creditId}::uuid, ${scope.subjectId}::uuid, ${scope.requestHash}, '{}'::jsonb)
            ON CONFLICT DO NOTHING`;
          if (claimed === 0) return replay(tx, actor.userId, options.idempotencyKey, scope);
        }
        // A signed step records the time its signer was shown (the statement signed commits to it).
        let context = signing;
        if (options.signature && !isSystem(actor) && options.creditId) {
          const scope = { creditId: options.creditId, action: options.action, subjectId: options.subjectId ?? null, requestHash: signingRequestHash(options.input) };
          const request = await takeSigningRequest(tx, actor, options.signature.requestId, scope, now);
          now = request.recordedAt;
          context = { ...signing, signed: { request, response: options.signature.response } };
        }
        const result = await perform(tx, rule, actor, parsed.value, options, now, context);
        if (options.idempotencyKey && !isSystem(actor)) {
          await tx.idempotencyKey.update({
            where: { userId_key: { userId: actor.userId, key: options.idempotencyKey } },
            data: { response: result as unknown as Prisma.InputJsonValue },
          });
        }
        return result;
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 20_000, maxWait: 10_000 },
    );
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

/** What an idempotency key is bound to: the action, the credit and subject it acts on, and a hash of the rest of the request. */
interface IdempotencyScope {
  action: ActionName;
  creditId: string | null;
  subjectId: string | null;
  requestHash: string;
}

function idempotencyScope(options: PerformOptions): IdempotencyScope {
  // Canonical JSON (RFC 8785), so the same body with its keys in another order is the same request.
  const body = JSON.parse(JSON.stringify({ input: options.input ?? null, expectedVersion: options.expectedVersion ?? null })) as JsonValue;
  return {
    action: options.action,
    creditId: options.creditId && isUuid(options.creditId) ? options.creditId : null,
    subjectId: options.subjectId && isUuid(options.subjectId) ? options.subjectId : null,
    requestHash: createHash("sha256").update(canonicalJson(body)).digest("hex"),
  };
}

/**
 * The stored result of the key's first use, when this is the same request again. A key reused
 * for another request is refused: replaying would report the first request's result as if this
 * one had been done (issue 15).
 */
async function replay(tx: Tx, userId: string, key: string, scope: IdempotencyScope): Promise<ActionResult> {
  const stored = await tx.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
  const reused = (what: string) =>
    new AppError("IDEMPOTENCY_KEY_REUSED", `This Idempotency-Key was already used ${what}. Send a new key for a new request; the same key replays only the same request.`);
  if (!stored) throw reused("for another request");
  if (stored.action !== scope.action) throw reused(`for another action (${stored.action})`);
  // Keys stored before their scope was recorded carry no hash: they are compared by action only.
  if (stored.requestHash !== null) {
    if (stored.creditId !== scope.creditId) throw reused(scope.creditId ? "on another credit" : "for another request");
    if (stored.subjectId !== scope.subjectId) throw reused("on another subject of this credit");
    if (stored.requestHash !== scope.requestHash) throw reused("with a different body");
  }
  return { ...(stored.response as unknown as ActionResult), replayed: true };
}

async function perform(tx: Tx, rule: AnyActionRule, actor: Actor | System, input: unknown, options: PerformOptions, now: Date, signing: SigningContext): Promise<ActionResult> {
  const name = options.action;
  const handler = (HANDLERS as Partial<Record<ActionName, Handler<ActionName>>>)[name];
  const actorUser = isSystem(actor) ? null : actor;

  if (name === "createCredit") {
    if (!actorUser) throw new AppError("FORBIDDEN", "Only a person can draft a credit.");
    // The drafter becomes the applicant, and only a trading company applies for a credit.
    if (actorUser.organizationKind !== "CORPORATE") throw new AppError("FORBIDDEN", "Only a trading company can apply for a credit.");
    const facts: ActionFacts = {
      credit: { applicantId: actorUser.organizationId, beneficiaryId: "", issuingBankId: "", advisingBankId: "", confirmingBankId: null, status: "DRAFT" },
      fourEyes: await fourEyesFor(tx, rule, actorUser),
    };
    assertAllowed(decide(actorUser, name, facts));
    const result = await handler!({ tx, actor: actorUser, action: name, rule, credit: null as never, subject: null, input: input as never, now });
    const created = await lockCredit(tx, result.creditId!);
    await logAndNotify(tx, { rule, name, actor: actorUser, credit: created, subjectId: null, event: result.event, now });
    return { creditId: created.id, subjectId: null, action: name, creditStatus: created.status, subjectStatus: null, version: created.version, milestoneSeqs: [] };
  }

  if (!options.creditId) throw invalid("Which credit? The credit id is missing.");
  const credit = await lockCredit(tx, options.creditId);
  // Someone outside the credit (or not yet shown it) learns nothing, not even that it exists.
  if (actorUser && visiblePartiesOf(actorUser.organizationId, credit).length === 0) throw notFound("The credit");

  let subject: LockedSubject | null = null;
  if (rule.subject !== "credit" && rule.from !== "create") {
    if (!options.subjectId) throw invalid(`Which ${rule.subject}? Its id is missing.`);
    subject = await lockSubject(tx, rule.subject, options.subjectId, credit.id);
  }

  if (options.expectedVersion !== undefined && options.expectedVersion !== credit.version) throw conflict();
  if (signing.signed && signing.signed.request.creditVersion !== credit.version) {
    throw conflict("The credit changed after you were asked to sign this step (someone else acted on it). Review it and sign again.");
  }

  // Signing (issue 14): the actor signs what the step records, or, for a maker's step, the preparation.
  const sign = async (statement: Statement, role: "actor" | "maker"): Promise<MilestoneSignature | null> => {
    if (!actorUser) return null;
    if (signing.dryRun) throw new DryRun(statement, credit.version, now);
    if (!signing.signed) throw new AppError("SIGNATURE_REQUIRED", "This step must be signed with your passkey: the credit's parties require every step to be signed by the person who takes it.");
    return verifyStepSignature(tx, actorUser, signing.signed, statement, role);
  };
  const preparation = () => ({ action: name, subjectId: subject?.id ?? null, inputHash: inputHash(input as JsonValue), preparedAt: now.toISOString() });
  // A checker's step carries what the maker signed when preparing it.
  const checked = actorUser && rule.checks && credit.signaturesRequired
    ? await tx.approval.findFirst({ where: { creditId: credit.id, subjectId: subject?.id ?? null, status: "PENDING", kind: approvalKindChecked(rule)! }, orderBy: { createdAt: "desc" }, select: { preparation: true, makerSignature: true } })
    : null;

  const pending = rule.checks || rule.fourEyes ? await pendingApproval(tx, credit.id, subject?.id ?? null) : null;
  // The acting bank's setting decides which steps it takes (payment in one step or two) and whether a maker's step is held.
  const fourEyes = await fourEyesFor(tx, rule, actorUser);
  assertAllowed(decide(actor, name, { credit, subjectState: subject?.status, pending, fourEyes, examiningBankId: subject?.examiningBankId, eucp: subject?.eucp }));

  // Four eyes: the maker's step is held as a pending approval and changes nothing else.
  if (actorUser && rule.fourEyes && heldForChecker(rule, fourEyes, input)) {
    const prepared = credit.signaturesRequired ? preparation() : null;
    const makerSignature = prepared ? await sign(preparationStatement(credit.id, prepared), "maker") : null;
    if (signing.dryRun) throw new DryRun(null, credit.version, now);
    return holdForChecker(tx, { name, rule, actor: actorUser, credit, subject, input, now, signed: prepared && makerSignature ? { preparation: prepared, makerSignature } : null });
  }

  let result: HandlerResult;
  if (rule.decides) {
    // A checker decides on a held step: approving runs the maker's step as prepared, in full.
    const decided = await decideHeld(tx, rule, credit.id, subject?.id ?? null, actorUser!.userId, rule.decides === "approve" ? "APPROVED" : "REJECTED", (input as { reason?: string }).reason ?? null, now);
    if (rule.decides === "approve") {
      const makerName = rule.checks as ActionName;
      const makerHandler = (HANDLERS as Partial<Record<ActionName, Handler<ActionName>>>)[makerName];
      const makerInput = parseInput(actionRule(makerName).input, decided.input);
      if (!makerInput.ok) throw new Error(`${name}: the held input of ${makerName} no longer parses`);
      result = makerHandler
        ? await makerHandler({ tx, actor: actorUser, action: makerName, rule: actionRule(makerName), credit, subject, input: makerInput.value as never, now, preparedBy: decided.makerId })
        : {};
      result = { ...result, event: { ...result.event, preparedBy: decided.makerId, approvalId: decided.id } };
    } else {
      result = { event: { approvalId: decided.id, reason: (input as { reason?: string }).reason ?? null } };
    }
  } else {
    result = handler ? await handler({ tx, actor: actorUser, action: name, rule, credit, subject, input: input as never, now }) : {};
  }

  // Move the subject's state.
  const subjectId = subject?.id ?? result.subjectId ?? null;
  let subjectStatus: string | null = subject?.status ?? null;
  if (rule.subject !== "credit" && subjectId) {
    const next = rule.to === "previous" ? result.subjectStatus : rule.to;
    if (rule.to === "previous" && !next) throw new Error(`${name}: a "previous" transition needs the handler to name the state`);
    if (next && rule.from !== "create") {
      const data = { status: next as never, version: { increment: 1 } };
      if (rule.subject === "amendment") await tx.amendment.update({ where: { id: subjectId }, data });
      else await tx.presentation.update({ where: { id: subjectId }, data });
    }
    subjectStatus = next ?? subjectStatus;
  }

  // Move the credit: every action on a credit or its subjects bumps its version (the lock the UI holds).
  const creditStatus = (result.creditData?.status as CreditStatus | undefined) ?? (rule.subject === "credit" && rule.to && rule.to !== "previous" ? (rule.to as CreditStatus) : credit.status);
  const updated = await tx.credit.update({
    where: { id: credit.id },
    data: { ...result.creditData, status: creditStatus, version: { increment: 1 } },
    // What the step's feed events say of the credit and who may read them (lib/events/record-events.ts), as the step leaves it.
    select: { version: true, ...EVENT_CREDIT_SELECT },
  });

  // The milestones this step records, in order: its own, then any it causes (cancellation, settlement).
  const planned: { kind: MilestoneKind; content: JsonObject; documentHashes?: string[] }[] = [];
  if (rule.milestone) {
    if (!result.milestone) throw new Error(`${name} records a ${rule.milestone} milestone but its handler gave no content`);
    planned.push({ kind: rule.milestone, content: { ...result.milestone.content, recordedAt: now.toISOString() }, documentHashes: result.milestone.documentHashes });
  }
  for (const extra of result.extraMilestones ?? []) planned.push({ kind: extra.kind, content: { ...extra.content, recordedAt: now.toISOString() }, documentHashes: extra.documentHashes });

  const milestoneSeqs: number[] = [];
  let signatures: MilestoneSignature[] | null = null;
  if (planned.length > 0) {
    const last = await lastMilestone(tx, credit.id);
    let required = credit.signaturesRequired;
    if (!last) {
      // The first milestone decides, and says, whether this credit's milestones must be signed:
      // anchored with it, so that an unsigned milestone later is caught by any verifier.
      required = await partiesSignMilestones(tx, credit);
      if (required) {
        planned[0]!.content = { ...planned[0]!.content, signing: { required: true, parties: signingParties(credit) } };
        await tx.credit.update({ where: { id: credit.id }, data: { signaturesRequired: true } });
      }
    }
    if (checked?.preparation && checked.makerSignature) planned[0]!.content = { ...planned[0]!.content, preparation: checked.preparation as JsonObject };
    // The SWIFT messages this step produces, each file's SHA-256 recorded (and so anchored, and signed) on its milestone.
    const swift = await swiftMessagesToRecord(tx, credit.id, planned.map((m, i) => ({ seq: (last?.seq ?? 0) + 1 + i, kind: m.kind, content: m.content })), now);
    planned.forEach((m, i) => {
      const messages = swift.get((last?.seq ?? 0) + 1 + i);
      if (messages) m.content = { ...m.content, swiftMessages: messages as unknown as JsonValue[] };
    });
    if (required && actorUser) {
      const first = (last?.seq ?? 0) + 1;
      const statement = stepStatement(credit.id, last?.digest ?? ZERO_DIGEST, planned.map((m, i) => ({ seq: first + i, kind: m.kind, content: m.content, documentHashes: m.documentHashes ?? [] })));
      const actorSignature = await sign(statement, "actor");
      signatures = [
        ...(checked?.makerSignature ? [checked.makerSignature as MilestoneSignature] : []),
        { ...actorSignature!, covers: { from: first, to: first + planned.length - 1 } },
      ];
    }
  } else if (actorUser && rule.prepares && credit.signaturesRequired) {
    // A maker's step that prepares an approval (issuance, amendment, payment): the maker signs the preparation.
    const prepared = preparation();
    const makerSignature = await sign(preparationStatement(credit.id, prepared), "maker");
    await tx.approval.updateMany({
      where: { creditId: credit.id, subjectId: subject?.id ?? null, kind: rule.prepares, status: "PENDING", makerId: actorUser.userId },
      data: { preparation: prepared, makerSignature: makerSignature! },
    });
  }
  if (signing.dryRun) throw new DryRun(null, credit.version, now);
  for (const m of planned) {
    const recorded = await appendMilestone(tx, {
      creditId: credit.id,
      kind: m.kind,
      subjectId,
      actorId: actorUser?.userId ?? null,
      actorOrgId: actorUser?.organizationId ?? null,
      content: m.content,
      recordedAt: now,
      documentHashes: m.documentHashes,
      signatures,
    });
    milestoneSeqs.push(recorded.seq);
  }

  // Notifications name the credit as it is now: by the number it was just issued under, if so.
  await logAndNotify(tx, { rule, name, actor: actorUser, credit: { ...credit, creditNumber: updated.creditNumber }, subjectId, examiningBankId: subject?.examiningBankId, event: { ...result.event, ...(milestoneSeqs.length ? { milestones: milestoneSeqs } : {}) }, now });
  // Last: the feed's events and their webhook deliveries take the global event lock (lib/events/record-events.ts).
  await recordEvents(tx, updated, milestoneSeqs.map((seq, i) => ({ seq, kind: planned[i]!.kind, subjectId })), now);
  return { creditId: credit.id, subjectId, action: name, creditStatus: updated.status, subjectStatus, version: updated.version, milestoneSeqs, ...(result.output ? { output: result.output } : {}) };
}

function assertAllowed(decision: ReturnType<typeof decide>): void {
  if (!decision.allowed) throw new AppError(decision.code, decision.reason);
}

const CREDIT_COLUMNS = Prisma.sql`
  id, reference, credit_number AS "creditNumber", status, version, applicant_id AS "applicantId", beneficiary_id AS "beneficiaryId",
  issuing_bank_id AS "issuingBankId", advising_bank_id AS "advisingBankId", confirming_bank_id AS "confirmingBankId",
  shared_at AS "sharedAt", submitted_at AS "submittedAt", issued_at AS "issuedAt", current_terms_id AS "currentTermsId",
  agreed_terms_id AS "agreedTermsId", currency, amount::text AS amount, drawn_amount::text AS "drawnAmount", signatures_required AS "signaturesRequired"`;

/** The parties' organisations as the first milestone of a signed credit names them (verifiers read who may sign from it). */
function signingParties(credit: LockedCredit): JsonObject {
  return { applicant: credit.applicantId, beneficiary: credit.beneficiaryId, issuingBank: credit.issuingBankId, advisingBank: credit.advisingBankId };
}

/** Does any party's organisation require signed milestones (Organization.signMilestones)? */
async function partiesSignMilestones(tx: Tx, credit: LockedCredit): Promise<boolean> {
  const ids = [credit.applicantId, credit.beneficiaryId, credit.issuingBankId, credit.advisingBankId, credit.confirmingBankId].filter((id): id is string => id !== null);
  return (await tx.organization.count({ where: { id: { in: ids }, signMilestones: true } })) > 0;
}

/** The credit row, locked until the transaction ends (FOR UPDATE) unless `lock` is false. */
export async function lockCredit(tx: Tx, creditId: string, lock = true): Promise<LockedCredit> {
  if (!isUuid(creditId)) throw notFound("The credit");
  const rows = await tx.$queryRaw<LockedCredit[]>`SELECT ${CREDIT_COLUMNS} FROM credits WHERE id = ${creditId}::uuid ${lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
  const credit = rows[0];
  if (!credit) throw notFound("The credit");
  return credit;
}

async function lockSubject(tx: Tx, subject: "amendment" | "presentation", id: string, creditId: string): Promise<LockedSubject> {
  if (!isUuid(id)) throw notFound(`The ${subject}`);
  const rows =
    subject === "amendment"
      ? await tx.$queryRaw<(LockedSubject & { creditId: string })[]>`SELECT id, status::text AS status, version, credit_id AS "creditId", NULL::uuid AS "examiningBankId", false AS eucp FROM amendments WHERE id = ${id}::uuid FOR UPDATE`
      : await tx.$queryRaw<(LockedSubject & { creditId: string })[]>`SELECT id, status::text AS status, version, credit_id AS "creditId", examining_bank_id AS "examiningBankId", eucp FROM presentations WHERE id = ${id}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row || row.creditId !== creditId) throw notFound(`The ${subject}`);
  return { id: row.id, status: row.status as AmendmentStatus | PresentationStatus, version: row.version, examiningBankId: row.examiningBankId, eucp: row.eucp };
}

/** The approval awaiting a checker on a subject (or on the credit itself), if any. */
async function pendingApproval(tx: Tx, creditId: string, subjectId: string | null): Promise<{ kind: ApprovalKind; makerId: string } | null> {
  return tx.approval.findFirst({
    where: { creditId, subjectId, status: "PENDING" },
    orderBy: { createdAt: "desc" },
    select: { kind: true, makerId: true },
  });
}

/**
 * The acting organisation's four-eyes setting (Organization.fourEyes, on by default), read only
 * for the steps it decides (held maker steps, and steps offered under one setting): every other
 * action is spared the query.
 */
async function fourEyesFor(tx: Tx, rule: AnyActionRule, actor: Actor | null): Promise<boolean> {
  if (!actor || !(rule.fourEyes || rule.whenFourEyes)) return true;
  const org = await tx.organization.findUnique({ where: { id: actor.organizationId }, select: { fourEyes: true } });
  return org?.fourEyes ?? true;
}

/**
 * A maker's step under four eyes: validated and described now (what will change, from what to
 * what, for how much), stored as a pending approval with the maker's input, and otherwise
 * changing nothing but the credit's version. A checker's `decides` step takes it from there.
 */
async function holdForChecker(
  tx: Tx,
  args: {
    name: ActionName;
    rule: AnyActionRule;
    actor: Actor;
    credit: LockedCredit;
    subject: LockedSubject | null;
    input: unknown;
    now: Date;
    /** The maker's signed preparation, when the credit's steps are signed. */
    signed: { preparation: JsonObject; makerSignature: MilestoneSignature } | null;
  },
): Promise<ActionResult> {
  const { name, rule, actor, credit, subject, input, now } = args;
  const description = await describeHeldStep(tx, name, credit, subject, input, now);
  const approval = await tx.approval.create({
    data: {
      creditId: credit.id,
      kind: rule.fourEyes!.approval,
      subjectId: subject?.id ?? null,
      makerId: actor.userId,
      payload: { action: name, input, ...description } as unknown as Prisma.InputJsonObject,
      ...(args.signed ? { preparation: args.signed.preparation, makerSignature: args.signed.makerSignature } : {}),
      createdAt: now,
    },
    select: { id: true },
  });
  const updated = await tx.credit.update({ where: { id: credit.id }, data: { version: { increment: 1 } }, select: { version: true, status: true } });
  if (subject) {
    const data = { version: { increment: 1 } };
    if (rule.subject === "amendment") await tx.amendment.update({ where: { id: subject.id }, data });
    else await tx.presentation.update({ where: { id: subject.id }, data });
  }
  // The checkers of the maker's own party are told; the other parties learn of it once approved.
  const party = partiesOf(actor.organizationId, credit).find((p) => (rule.by as readonly Party[]).includes(p))!;
  const heldRule: AnyActionRule = { ...rule, notify: [{ party, roles: ["CHECKER"] }] };
  await logAndNotify(tx, { rule: heldRule, name, actor, credit, subjectId: subject?.id ?? null, examiningBankId: subject?.examiningBankId, event: { held: true, approvalId: approval.id, approval: rule.fourEyes!.approval }, now, held: true });
  return {
    creditId: credit.id,
    subjectId: subject?.id ?? null,
    action: name,
    creditStatus: updated.status,
    subjectStatus: subject?.status ?? null,
    version: updated.version,
    milestoneSeqs: [],
    held: true,
    output: { approvalId: approval.id },
  };
}

/** A checker's decision on the held step its rule checks: the approval is marked, its input returned. */
async function decideHeld(tx: Tx, rule: AnyActionRule, creditId: string, subjectId: string | null, checkerId: string, status: "APPROVED" | "REJECTED", reason: string | null, now: Date) {
  const kind = approvalKindChecked(rule)!;
  const approval = await tx.approval.findFirstOrThrow({ where: { creditId, subjectId, kind, status: "PENDING" }, orderBy: { createdAt: "desc" } });
  await tx.approval.update({ where: { id: approval.id }, data: { status, checkerId, reason, decidedAt: now } });
  const payload = approval.payload as Prisma.JsonObject;
  return { id: approval.id, makerId: approval.makerId, input: payload.input ?? {} };
}

async function logAndNotify(
  tx: Tx,
  args: { rule: AnyActionRule; name: ActionName; actor: Actor | null; credit: LockedCredit; subjectId: string | null; examiningBankId?: string | null; event?: JsonObject; now: Date; held?: boolean },
): Promise<void> {
  const { rule, name, actor, credit, subjectId, now } = args;
  await tx.creditEvent.create({
    data: {
      creditId: credit.id,
      action: name,
      actorId: actor?.userId ?? null,
      actorOrgId: actor?.organizationId ?? null,
      data: { ...(args.event ?? {}), ...(subjectId ? { subjectId } : {}) },
      createdAt: now,
    },
  });
  if (rule.notify.length === 0) return;
  const recipients = new Set<string>();
  for (const entry of rule.notify as readonly (Party | NotifyRule)[]) {
    const { party, roles } = typeof entry === "string" ? { party: entry, roles: undefined } : entry;
    // A step one bank takes per presentation tells that bank's own makers or checkers (rule.bank).
    const organizationId = rule.bank && roles && party === "issuingBank" ? actingBankId(rule, { credit, examiningBankId: args.examiningBankId }) : credit[partyField(party)];
    if (!organizationId) continue; // e.g. no confirming bank
    const members = await tx.membership.findMany({
      where: { organizationId, ...(roles ? { roles: { hasSome: [...roles] } } : {}) },
      select: { userId: true },
    });
    for (const member of members) if (member.userId !== actor?.userId) recipients.add(member.userId);
  }
  if (recipients.size === 0) return;
  const title = `${creditLabel(credit)}: ${actor ? actor.organizationName : "TradeTrail"} ${args.held ? heldPhrase(name) : ACTION_DONE[name]}`;
  // The notification opens the item acted on (the amendment, the presentation), not the credit's first tab.
  const href = itemHref(credit.id, rule.subject, subjectId);
  await tx.notification.createMany({ data: [...recipients].map((userId) => ({ userId, creditId: credit.id, title, href, createdAt: now })) });
  // And by e-mail, to those who want it at once, in this transaction (lib/email/notifications.ts).
  await emailNotifications(tx, [...recipients], { title, href });
}

const partyField = (party: Party) => PARTY_FIELD[party];


/** Database refusals that mean "someone else got there first" become a clear conflict. */
function translateDatabaseError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return conflict("Someone else did this at the same moment. Reload to see the latest version.");
    if (error.code === "P2034") return conflict();
  }
  return error;
}

/**
 * Would `performAction` allow this now? A read-only check without locks, for work that must not
 * start unless the action is allowed (e.g. streaming an upload to storage). performAction still
 * decides again, under lock, when the work is done.
 */
export async function precheckAction(options: { actor: Actor; action: ActionName; creditId: string; subjectId?: string }): Promise<void> {
  const rule = actionRule(options.action);
  await db().$transaction(async (tx) => {
    const credit = await lockCredit(tx, options.creditId, false);
    if (visiblePartiesOf(options.actor.organizationId, credit).length === 0) throw notFound("The credit");
    let subjectState: string | undefined;
    let examiningBankId: string | null = null;
    let eucp = false;
    if (rule.subject !== "credit" && rule.from !== "create") {
      if (!options.subjectId || !isUuid(options.subjectId)) throw notFound(`The ${rule.subject}`);
      const subject =
        rule.subject === "amendment"
          ? await tx.amendment.findFirst({ where: { id: options.subjectId, creditId: credit.id }, select: { status: true } })
          : await tx.presentation.findFirst({ where: { id: options.subjectId, creditId: credit.id }, select: { status: true, examiningBankId: true, eucp: true } });
      if (!subject) throw notFound(`The ${rule.subject}`);
      subjectState = subject.status;
      examiningBankId = "examiningBankId" in subject ? subject.examiningBankId : null;
      eucp = "eucp" in subject ? subject.eucp : false;
    }
    assertAllowed(decide(options.actor, options.action, { credit, subjectState, examiningBankId, eucp, fourEyes: await fourEyesFor(tx, rule, options.actor) }));
  });
}
