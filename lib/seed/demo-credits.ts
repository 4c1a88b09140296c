import { Readable } from "node:stream";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { postMessage } from "@/lib/credits/messages";
import { ingestDocument } from "@/lib/documents/ingest";
import { isBankingDay } from "@/lib/calendar/banking-days";
import { expireCredits } from "@/lib/jobs/expire-credits";
import type { ActionName } from "@/lib/lifecycle/definition";
import { type ActionResult, performAction } from "@/lib/lifecycle/perform";
import { documentStorage } from "@/lib/storage";
import { sampleTerms } from "@/lib/terms/sample";
import type { DocumentKind, Terms } from "@/lib/terms/schema";
import { demoPdf } from "./demo-pdf";
import { DEMO_EMAILS, DEMO_SCENARIOS, type DemoOrganizationKey, type DemoScenarioKey, demoStepKey } from "./demo-world";

// The demo world's credits, one per state (DEMO_SCENARIOS), each walked through the real
// lifecycle as the demo users: performAction for every step, real PDF files through the real
// ingest path, messages through the real thread. Nothing is inserted in SQL, so each milestone is
// anchored by the worker like any other and every trail verifies on chain.
//
// Idempotent and resumable: every step carries an idempotency key named after its scenario and
// position (demo-<scenario>-<nn>), so a restart replays the stored result instead of acting
// again, and a start interrupted half-way carries on where it stopped.

type Who = "buyer" | "seller" | "issuingMaker" | "issuingChecker" | "advisingMaker" | "advisingChecker";
const EMAILS: Record<Who, string> = DEMO_EMAILS;

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

interface SeedContext {
  users: Record<Who, Actor>;
  orgs: Record<DemoOrganizationKey, string>;
  today: Date;
}

/** One scenario's walk: numbered, idempotent steps on one credit. */
class Walk {
  private step = 0;
  creditId = "";
  /** True when the first step was already done by an earlier start. */
  existed = false;

  constructor(
    private readonly ctx: SeedContext,
    readonly scenario: DemoScenarioKey,
    /** Injected clock for back-dated steps (the expired credit); the real clock otherwise. */
    private readonly clock?: () => Date,
  ) {}

  async act(who: Who, action: ActionName, options: { input?: unknown; subjectId?: string } = {}): Promise<ActionResult> {
    const actor = this.ctx.users[who];
    const key = demoStepKey(this.scenario, ++this.step);
    // A step done at an earlier start is not sent again: its input was dated from that day, and a
    // key sent with another body is refused (idempotency keys are scoped to their request).
    const done = await db().idempotencyKey.findUnique({ where: { userId_key: { userId: actor.userId, key } } });
    const result: ActionResult = done
      ? { ...(done.response as unknown as ActionResult), replayed: true }
      : await performAction({
          actor,
          action,
          creditId: action === "createCredit" ? undefined : this.creditId,
          subjectId: options.subjectId,
          input: options.input ?? {},
          idempotencyKey: key,
          now: this.clock?.(),
        });
    if (action === "createCredit") {
      this.creditId = result.creditId;
      this.existed = result.replayed === true;
    }
    return result;
  }

  /** A real PDF through the upload path (ingest to storage, then addDocument), once. */
  async document(presentationId: string, kind: DocumentKind, data: Record<string, unknown>, counts: { originals: number; copies: number }, lines: string[]): Promise<void> {
    const key = demoStepKey(this.scenario, ++this.step);
    const seller = this.ctx.users.seller;
    const done = await db().idempotencyKey.findUnique({ where: { userId_key: { userId: seller.userId, key } } });
    if (done) return;
    const title = `${kind.replace(/_/g, " ").toLowerCase()} (${this.scenario})`;
    const storage = documentStorage();
    const stored = await ingestDocument({ body: Readable.from([demoPdf(title, lines)]), maxBytes: config().UPLOAD_MAX_BYTES, storage });
    try {
      await performAction({
        actor: seller,
        action: "addDocument",
        creditId: this.creditId,
        subjectId: presentationId,
        input: { kind, ...counts, data, file: { ...stored, fileName: `${this.scenario}-${kind.toLowerCase().replace(/_/g, "-")}.pdf` } },
        idempotencyKey: key,
      });
    } catch (error) {
      await storage.delete(stored.storageKey).catch(() => {});
      throw error;
    }
  }

  /** A message in the credit's thread, once. */
  async message(who: Who, body: string): Promise<void> {
    const author = this.ctx.users[who];
    const posted = await db().message.findFirst({ where: { creditId: this.creditId, authorId: author.userId, body }, select: { id: true } });
    if (!posted) await postMessage(author, this.creditId, body);
  }
}

function termsFor(ctx: SeedContext, scenario: (typeof DEMO_SCENARIOS)[number], overrides: Partial<Terms> = {}): Terms {
  // 45A is lines of at most 65 characters (SWIFT 100*65z): the goods, then the proforma reference.
  // Available with the issuing bank: in the demo its officers examine and pay (with the advising
  // bank, that bank would examine as nominated or confirming bank).
  return sampleTerms({ availableWith: "ISSUING_BANK", goodsDescription: `${scenario.goods}\nas per proforma invoice PI-2026-${scenario.key.toUpperCase().slice(0, 3)}`, ...overrides }, ctx.today);
}

const creditNumber = (index: number) => `MTB/LC/26/D${String(index + 1).padStart(2, "0")}`;

/** From nothing to an agreed, submitted application: the buyer drafts, the seller agrees. */
async function agreeAndSubmit(walk: Walk, ctx: SeedContext, terms: Terms): Promise<void> {
  await walk.act("buyer", "createCredit", {
    input: { beneficiaryId: ctx.orgs.beneficiary, issuingBankId: ctx.orgs.issuingBank, advisingBankId: ctx.orgs.advisingBank, terms, comment: "First draft from our purchase order" },
  });
  await walk.act("buyer", "sendToBeneficiary", { input: { comment: "Please check the shipment dates and documents" } });
  await walk.act("seller", "endorseTerms");
  await walk.act("buyer", "submitApplication", { input: { comment: "Please issue by SWIFT MT700" } });
}

async function issue(walk: Walk, index: number): Promise<void> {
  await walk.act("issuingMaker", "prepareIssuance", { input: { creditNumber: creditNumber(index), bankConditions: "Reimbursement by MT740 to the advising bank" } });
  await walk.act("issuingChecker", "approveIssuance");
}

async function issueAndAdvise(walk: Walk, ctx: SeedContext, terms: Terms, index: number, addConfirmation = false): Promise<void> {
  await agreeAndSubmit(walk, ctx, terms);
  await issue(walk, index);
  await walk.act("advisingMaker", "adviseCredit", { input: { addConfirmation, comment: addConfirmation ? "We add our confirmation (UCP 600 art. 8)" : "" } });
  // Adding confirmation is held for the advising bank's checker (four eyes).
  if (addConfirmation) await walk.act("advisingChecker", "approveConfirmation");
}

interface PresentedSet {
  invoiceAmount?: string;
  /** Extra words on the invoice after the credit's goods description. */
  invoiceNote?: string;
  portOfLoading?: string;
}

/** The five documents the sample terms require, dated a week before today, as real PDFs. */
async function presentDocuments(walk: Walk, ctx: SeedContext, terms: Terms, presentationId: string, set: PresentedSet = {}): Promise<void> {
  const shipped = isoDay(new Date(ctx.today.getTime() - 6 * DAY_MS));
  const dayBefore = isoDay(new Date(ctx.today.getTime() - 7 * DAY_MS));
  const amount = set.invoiceAmount ?? terms.amount;
  const insured = (Math.ceil(Number(amount) * 110) / 100).toFixed(2);
  const goods = `${terms.goodsDescription}${set.invoiceNote ? `. ${set.invoiceNote}` : ""}. CIF Singapore Incoterms 2020`;
  const portOfLoading = set.portOfLoading ?? "Rotterdam, Netherlands";
  const ref = walk.scenario.toUpperCase().slice(0, 4);
  await walk.document(
    presentationId,
    "COMMERCIAL_INVOICE",
    { number: `INV-26-${ref}`, date: shipped, issuer: terms.beneficiary.name, addressee: terms.applicant.name, currency: terms.currency, amount, goodsDescription: goods },
    { originals: 3, copies: 2 },
    [`Invoice INV-26-${ref}`, `Seller: ${terms.beneficiary.name}`, `Buyer: ${terms.applicant.name}`, `Goods: ${goods}`, `Amount: ${terms.currency} ${amount}`],
  );
  await walk.document(
    presentationId,
    "BILL_OF_LADING",
    { number: `RTMSIN${ref}01`, carrier: "Maersk A/S", vessel: "Maersk Elba", portOfLoading, portOfDischarge: "Singapore", onBoardDate: shipped, shippedOnBoard: true, originalsIssued: 3, transhipment: false, containerised: true },
    { originals: 3, copies: 3 },
    [`Bill of lading RTMSIN${ref}01`, `Port of loading: ${portOfLoading}`, "Port of discharge: Singapore", `Shipped on board ${shipped}, Maersk Elba`, "Freight prepaid, to order, notify the applicant"],
  );
  await walk.document(presentationId, "PACKING_LIST", { date: dayBefore, packages: 24, grossWeightKg: 9_840, netWeightKg: 9_120 }, { originals: 1, copies: 2 }, [`Packing list dated ${dayBefore}`, "24 crates, gross 9,840 kg, net 9,120 kg"]);
  await walk.document(
    presentationId,
    "CERTIFICATE_OF_ORIGIN",
    { date: dayBefore, issuer: "Rotterdam Chamber of Commerce", countryOfOrigin: "Netherlands" },
    { originals: 1, copies: 1 },
    ["Certificate of origin", "Issued by the Rotterdam Chamber of Commerce", "Country of origin: the Netherlands"],
  );
  await walk.document(
    presentationId,
    "INSURANCE_CERTIFICATE",
    { number: `POL-${ref}-55`, issuer: "Lloyd's Marine", date: dayBefore, currency: terms.currency, amount: insured, risks: "Institute Cargo Clauses (A)", claimsPayableAt: "Singapore" },
    { originals: 2, copies: 0 },
    [`Insurance certificate POL-${ref}-55`, `Insured: ${terms.currency} ${insured} (110% of the CIF value)`, "Institute Cargo Clauses (A), claims payable in Singapore"],
  );
}

/** Starts a presentation, adds the documents and presents them; returns the presentation's id. */
async function present(walk: Walk, ctx: SeedContext, terms: Terms, set?: PresentedSet): Promise<string> {
  const started = await walk.act("seller", "startPresentation");
  const presentationId = started.subjectId!;
  await presentDocuments(walk, ctx, terms, presentationId, set);
  await walk.act("seller", "presentDocuments", { subjectId: presentationId });
  return presentationId;
}

async function openFindingIds(presentationId: string): Promise<string[]> {
  const findings = await db().finding.findMany({ where: { presentationId, dismissed: false }, orderBy: { createdAt: "asc" }, select: { id: true } });
  return findings.map((f) => f.id);
}

/** An examiner's remark, then dismissed with a reason: the bank's own review is on record. */
async function reviewAndComply(walk: Walk, presentationId: string): Promise<void> {
  await walk.act("issuingMaker", "addFinding", {
    subjectId: presentationId,
    input: { article: "14(d)", message: "Packing list weights to be checked against the bill of lading", found: "Gross 9,840 kg", expected: "As on the bill of lading" },
  });
  // On a restart the finding is already dismissed: the step replays its stored result whatever the id.
  const findingId = (await openFindingIds(presentationId))[0] ?? "00000000-0000-4000-8000-000000000000";
  await walk.act("issuingMaker", "dismissFinding", { subjectId: presentationId, input: { findingId, reason: "Weights agree with the container manifest; no conflict (art. 14(d))" } });
  // Dismissing a finding and declaring complying are each held for the checker (four eyes).
  await walk.act("issuingChecker", "approveDismissal", { subjectId: presentationId });
  await walk.act("issuingMaker", "determineCompliant", { subjectId: presentationId });
  await walk.act("issuingChecker", "approveCompliance", { subjectId: presentationId });
}

async function pay(walk: Walk, presentationId: string, amount: string): Promise<void> {
  await walk.act("issuingMaker", "preparePayment", { subjectId: presentationId, input: { amount } });
  await walk.act("issuingChecker", "approvePayment", { subjectId: presentationId });
}

type ScenarioRunner = (walk: Walk, ctx: SeedContext, terms: Terms, index: number) => Promise<void>;

const RUNNERS: Record<DemoScenarioKey, ScenarioRunner> = {
  drafting: async (walk, ctx, terms) => {
    await walk.act("buyer", "createCredit", { input: { beneficiaryId: ctx.orgs.beneficiary, issuingBankId: ctx.orgs.issuingBank, advisingBankId: ctx.orgs.advisingBank, terms } });
    await walk.act("buyer", "reviseDraft", { input: { terms: { ...terms, presentationPeriodDays: 14 }, comment: "Shorter presentation period" } });
    await walk.message("buyer", "Still waiting for the final quantities from our plant; I will send this to Delta Pumps next week.");
  },
  negotiating: async (walk, ctx, terms) => {
    await walk.act("buyer", "createCredit", { input: { beneficiaryId: ctx.orgs.beneficiary, issuingBankId: ctx.orgs.issuingBank, advisingBankId: ctx.orgs.advisingBank, terms } });
    await walk.act("buyer", "sendToBeneficiary", { input: { comment: "Draft for your review" } });
    const later = isoDay(new Date(ctx.today.getTime() + 70 * DAY_MS));
    await walk.act("seller", "proposeChanges", { input: { terms: { ...terms, latestShipmentDate: later, partialShipments: "ALLOWED" }, comment: "We need ten more days and partial shipments" } });
    await walk.message("seller", "The castings arrive late from our foundry: ten more days would let us ship everything in one go, partial shipments as a fallback.");
  },
  "issuance-approval": async (walk, ctx, terms, index) => {
    await agreeAndSubmit(walk, ctx, terms);
    await walk.act("issuingMaker", "prepareIssuance", { input: { creditNumber: creditNumber(index), bankConditions: "Reimbursement by MT740 to the advising bank" } });
    await walk.message("issuingMaker", "Prepared with our standard reimbursement clause; over to Daniel for approval.");
  },
  issued: async (walk, ctx, terms, index) => {
    await agreeAndSubmit(walk, ctx, terms);
    await issue(walk, index);
    await walk.message("issuingChecker", "Issued today by MT700; Rotterdam Maritime Bank will advise it.");
  },
  confirmed: async (walk, ctx, terms, index) => {
    await issueAndAdvise(walk, ctx, terms, index, true);
    await walk.message("seller", "Thank you for adding your confirmation.");
  },
  amended: async (walk, ctx, terms, index) => {
    await issueAndAdvise(walk, ctx, terms, index);
    const requested = await walk.act("buyer", "requestAmendment", {
      input: { terms: { ...terms, amount: "142500.00", goodsDescription: `${terms.goodsDescription}, with spare impellers` }, note: "Spare impellers added to the order" },
    });
    const amendment = requested.subjectId!;
    await walk.act("issuingMaker", "prepareAmendment", { subjectId: amendment, input: {} });
    await walk.act("issuingChecker", "approveAmendment", { subjectId: amendment });
    await walk.act("advisingMaker", "adviseAmendment", { subjectId: amendment });
    await walk.act("seller", "acceptAmendment", { subjectId: amendment });
    await walk.message("seller", "Amendment 1 accepted; the impellers ship with the pumps.");
  },
  compliant: async (walk, ctx, terms, index) => {
    await issueAndAdvise(walk, ctx, terms, index);
    const presentation = await present(walk, ctx, terms);
    await reviewAndComply(walk, presentation);
    await walk.message("issuingMaker", "Documents examined and found complying; payment will be prepared.");
  },
  discrepant: async (walk, ctx, terms, index) => {
    await issueAndAdvise(walk, ctx, terms, index);
    // Invoiced above the credit amount: the automatic examination finds it (art. 18(b)).
    const presentation = await present(walk, ctx, terms, { invoiceAmount: "131250.00", invoiceNote: "Including freight surcharge" });
    await walk.act("issuingMaker", "addFinding", {
      subjectId: presentation,
      input: { article: "14(d)", message: "The invoice mentions a freight surcharge the credit does not provide for", found: "Freight surcharge", expected: "CIF price only" },
    });
    await walk.act("issuingMaker", "notifyDiscrepancies", { subjectId: presentation, input: { disposal: "HOLDING_UNTIL_WAIVER" } });
    await walk.act("issuingChecker", "approveNotice", { subjectId: presentation });
    await walk.message("issuingChecker", "Notice of discrepancies sent. Lion City Engineering, please tell us whether you waive them.");
  },
  refused: async (walk, ctx, terms, index) => {
    await issueAndAdvise(walk, ctx, terms, index);
    // Shipped from Antwerp, not Rotterdam: the automatic examination finds it (art. 20(a)(iii)).
    const presentation = await present(walk, ctx, terms, { portOfLoading: "Antwerp, Belgium" });
    await walk.act("issuingMaker", "notifyDiscrepancies", { subjectId: presentation, input: { disposal: "HOLDING_PENDING_INSTRUCTIONS" } });
    await walk.act("issuingChecker", "approveNotice", { subjectId: presentation });
    await walk.act("issuingMaker", "refusePresentation", { subjectId: presentation, input: { reason: "The applicant does not waive; documents held at the presenter's disposal (art. 16(c)(iii)(a))" } });
    await walk.act("issuingChecker", "approveRefusal", { subjectId: presentation });
    await walk.message("seller", "We will present corrected documents from the carrier's Rotterdam office.");
  },
  paid: async (walk, ctx, terms, index) => {
    await issueAndAdvise(walk, ctx, terms, index);
    const presentation = await present(walk, ctx, terms, { invoiceAmount: "125000.00", invoiceNote: "First shipment: 20 of 40 units" });
    await reviewAndComply(walk, presentation);
    await pay(walk, presentation, "125000.00");
    await walk.message("seller", "First drawing received; the second shipment leaves next month.");
  },
  settled: async (walk, ctx, terms, index) => {
    await issueAndAdvise(walk, ctx, terms, index);
    const presentation = await present(walk, ctx, terms);
    await reviewAndComply(walk, presentation);
    await pay(walk, presentation, terms.amount);
    await walk.message("buyer", "Goods received in Singapore in good order. Thank you all.");
  },
  expired: async (walk, ctx, terms, index) => {
    // Issued and advised on its last day (yesterday, by the injected clock); the real expiry job,
    // run by seedDemoCredits with the real clock, then marks it expired.
    await issueAndAdvise(walk, ctx, terms, index);
    await walk.message("seller", "The order was cancelled on our side; we will not ship under this credit.");
  },
  cancelled: async (walk, ctx, terms, index) => {
    await issueAndAdvise(walk, ctx, terms, index);
    const requested = await walk.act("buyer", "requestCancellation", { input: { reason: "The project in Tuas was postponed; the pumps are no longer needed" } });
    const amendment = requested.subjectId!;
    await walk.act("issuingMaker", "prepareAmendment", { subjectId: amendment, input: {} });
    await walk.act("issuingChecker", "approveAmendment", { subjectId: amendment });
    await walk.act("advisingMaker", "adviseAmendment", { subjectId: amendment });
    await walk.act("seller", "acceptAmendment", { subjectId: amendment });
    await walk.message("seller", "We consent to the cancellation; no goods were shipped.");
  },
};

/**
 * The expired credit's expiry date: the last banking day before today. An expiry on a weekend
 * would extend to Monday (art. 29(a)), and the credit would still be open on a Monday.
 */
function expiredCreditLastDay(today: Date): Date {
  let day = new Date(today.getTime() - DAY_MS);
  while (!isBankingDay(isoDay(day))) day = new Date(day.getTime() - DAY_MS);
  return day;
}

/** Terms per scenario where the sample does not fit. */
function scenarioTerms(ctx: SeedContext, scenario: (typeof DEMO_SCENARIOS)[number]): Terms {
  switch (scenario.key) {
    case "confirmed":
      return termsFor(ctx, scenario, { confirmation: "CONFIRM", amount: "96000.00" });
    case "paid":
      return termsFor(ctx, scenario, { amount: "250000.00", partialShipments: "ALLOWED" });
    case "expired": {
      const lastDay = isoDay(expiredCreditLastDay(ctx.today));
      return termsFor(ctx, scenario, { amount: "18500.00", expiryDate: lastDay, latestShipmentDate: lastDay, presentationPeriodDays: 1 });
    }
    default:
      return termsFor(ctx, scenario);
  }
}

export interface SeedDemoCreditsResult {
  created: DemoScenarioKey[];
  existing: DemoScenarioKey[];
  /** Credit id per scenario. */
  credits: Record<DemoScenarioKey, string>;
}

/** Creates (or completes) every demo credit; `log` gets one line per scenario. */
export async function seedDemoCredits(orgs: Record<DemoOrganizationKey, string>, log: (line: string) => void = () => {}, now = new Date()): Promise<SeedDemoCreditsResult> {
  const users = {} as Record<Who, Actor>;
  for (const [who, email] of Object.entries(EMAILS) as [Who, string][]) {
    const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    users[who] = (await loadActor(user.id))!;
  }
  const today = new Date(`${isoDay(now)}T00:00:00Z`);
  const ctx: SeedContext = { users, orgs, today };
  const result: SeedDemoCreditsResult = { created: [], existing: [], credits: {} as Record<DemoScenarioKey, string> };
  for (const [index, scenario] of DEMO_SCENARIOS.entries()) {
    const started = Date.now();
    // The expired credit lives its short life in the last minutes of its last day (UTC): every
    // step then happened before its expiry date passed, and each is anchored soon after.
    let tick = 0;
    const lastMinutes = expiredCreditLastDay(today).getTime() + DAY_MS - 10 * 60_000;
    const clock = scenario.key === "expired" ? () => new Date(lastMinutes + tick++ * 1_000) : undefined;
    const walk = new Walk(ctx, scenario.key, clock);
    await RUNNERS[scenario.key](walk, ctx, scenarioTerms(ctx, scenario), index);
    result.credits[scenario.key] = walk.creditId;
    (walk.existed ? result.existing : result.created).push(scenario.key);
    log(`demo world: ${scenario.title.toLowerCase()} credit ${walk.existed ? "already there" : `created in ${Date.now() - started} ms`} (${index + 1}/${DEMO_SCENARIOS.length})`);
  }
  // The real expiry job with the real clock, exactly as the background jobs run it every minute.
  await expireCredits(now, log);
  return result;
}
