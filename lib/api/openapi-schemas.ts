import { CREDIT_STATES } from "@/lib/lifecycle/definition";
import { DIRECTORY_KINDS } from "@/lib/organizations/find-organizations";
import { EVENT_TYPES, EVENT_TYPE_OF } from "@/lib/events/types";

// JSON Schemas of the API's response bodies, for the OpenAPI document (issue 15: generated
// clients got no types for the reads used most). They state what every body holds; objects may
// carry more (additional properties are allowed), so adding a field is not a breaking change.
// tests/integration/openapi-conformance.test.ts checks real bodies against them.

type Schema = Record<string, unknown>;

const string: Schema = { type: "string" };
const nullableString: Schema = { type: ["string", "null"] };
const integer: Schema = { type: "integer" };
const boolean: Schema = { type: "boolean" };
const uuid: Schema = { type: "string", format: "uuid" };
const instant: Schema = { type: "string", format: "date-time" };
const nullableInstant: Schema = { type: ["string", "null"], format: "date-time" };
const anyObject: Schema = { type: "object" };
const strings: Schema = { type: "array", items: string };

/** An object whose listed properties are all present. */
const record = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: "object",
  ...(description ? { description } : {}),
  required: Object.keys(properties),
  properties,
});
const list = (items: Schema): Schema => ({ type: "array", items });

/** Every amount the API returns (lib/money.ts canonicalAmount). */
export const amountSchema: Schema = {
  type: "string",
  pattern: "^\\d+(\\.\\d{1,4})?$",
  description: "A decimal string with exactly the currency's ISO 4217 minor units: USD \"42000.00\", JPY \"42000\", BHD \"42000.000\".",
};

export const organizationSchema = record({
  id: uuid,
  name: string,
  kind: { type: "string", enum: [...DIRECTORY_KINDS] },
  country: { type: "string", description: "ISO 3166-1 alpha-2" },
  bic: { type: ["string", "null"], description: "ISO 9362, 11 characters (banks)" },
});

export const organizationPageSchema = record({ items: list(organizationSchema), next: nullableString }, "A page of organisations with the cursor of the next page (null at the end)");

const creditStatus: Schema = { type: "string", enum: [...CREDIT_STATES] };

/** The list item with `terms` beside the fields every item has (include=terms), not required. */
const withTerms = (item: Schema): Schema => ({
  ...item,
  properties: { ...(item.properties as Record<string, Schema>), terms: { type: ["object", "null"], description: "With include=terms only: the operative terms (MT700 fields; the amount canonical), null before any" } },
});

export const creditListPageSchema = record(
  {
    items: list(
      withTerms(record({
        id: uuid,
        reference: string,
        creditNumber: nullableString,
        status: creditStatus,
        currency: string,
        amount: amountSchema,
        expiryDate: { ...instant, description: "The expiry date, at 00:00 UTC" },
        updatedAt: instant,
        applicantName: string,
        beneficiaryName: string,
        issuingBankName: string,
      })),
    ),
    next: nullableString,
    previous: nullableString,
  },
  "A page of credits with the cursors of the neighbouring pages (null at either end)",
);

const batchSchema: Schema = {
  type: ["object", "null"],
  description: "The anchoring batch, once the milestone is in one",
  properties: { root: string, txHash: nullableString, blockNumber: { ...nullableString, description: "A decimal string" }, blockTime: nullableInstant, status: string },
};

export const milestoneSchema = record({
  id: uuid,
  seq: integer,
  kind: string,
  createdAt: instant,
  actor: nullableString,
  actorOrg: nullableString,
  digest: string,
  status: string,
  documentHashes: strings,
  batch: batchSchema,
});

export const milestonesSchema = record({ creditId: uuid, reference: string, milestones: list(milestoneSchema) }, "The credit's milestones in order");

const paymentSchema = record({ id: uuid, kind: string, amount: amountSchema, currency: string, dueDate: nullableInstant, recordedAt: instant });

const presentationSchema = record({
  id: uuid,
  number: integer,
  status: string,
  version: integer,
  presentedAt: nullableInstant,
  examinationDeadline: nullableInstant,
  examinedAt: nullableInstant,
  decisionNote: nullableString,
  documentDisposal: nullableString,
  forwardedAt: { ...nullableInstant, description: "Art. 15(c): when the nominated or confirming bank forwarded the complying documents to the issuing bank" },
  issuerExaminationDeadline: { ...nullableInstant, description: "Art. 14(b): the issuing bank's own last day to examine the forwarded documents" },
  claimedAmount: { ...amountSchema, type: ["string", "null"] },
  eucp: { ...boolean, description: "Presented under eUCP v2.1 (docs/EUCP.md): complete with the notice of completeness, whose day is presentedOn; examined from the banking day after it (art. e7(a)(i))" },
  representationRequests: list(
    record(
      { id: uuid, documentId: uuid, reason: string, requestedAt: instant, suspendedOn: instant, dueOn: instant, representedAt: nullableInstant, representedOn: nullableInstant, replacementId: { ...uuid, type: ["string", "null"] } },
      "eUCP art. e12: a corrupted electronic record asked for again; examination is suspended from suspendedOn until representedOn (at the latest dueOn)",
    ),
  ),
  documents: list(
    record({
      id: uuid,
      kind: string,
      fileName: string,
      mediaType: string,
      size: integer,
      sha256: string,
      data: { ...anyObject, description: "The document's structured fields; an amount beside its currency is in the canonical form" },
      originals: integer,
      copies: integer,
      createdAt: instant,
      medium: { type: "string", enum: ["ELECTRONIC", "PAPER"], description: "eUCP: an electronic record, or a paper document presented at the counter (art. e6(a)(ii))" },
      receivedAtCounterOn: { ...nullableInstant, description: "A paper document: the day the examining bank recorded it as received at its counter" },
    }),
  ),
  corrections: list(anyObject),
  checkByHand: list(anyObject),
  findings: list(anyObject),
  payments: list(paymentSchema),
  actions: strings,
});

const amendmentSchema = record({
  id: uuid,
  number: integer,
  status: string,
  version: integer,
  cancellation: boolean,
  createdAt: instant,
  issuedAt: nullableInstant,
  decidedAt: nullableInstant,
  changes: list(anyObject),
  actions: strings,
});

const party = { ...organizationSchema, type: "object" };

export const creditSchema = record(
  {
    id: uuid,
    reference: string,
    creditNumber: nullableString,
    status: creditStatus,
    version: { ...integer, description: "Send it as expectedVersion with the next action" },
    currency: string,
    amount: amountSchema,
    drawnAmount: amountSchema,
    expiryDate: instant,
    confirmed: boolean,
    bankConditions: nullableString,
    returnReason: nullableString,
    createdAt: instant,
    updatedAt: instant,
    issuedAt: nullableInstant,
    parties: record({ applicant: party, beneficiary: party, issuingBank: party, advisingBank: party, confirmingBank: { ...party, type: ["object", "null"] } }),
    myParties: { ...strings, description: "The parties the caller's organisation plays" },
    auditing: { ...boolean, description: "True when the caller reads as an auditor under a grant" },
    terms: { type: ["object", "null"], description: "The operative terms (MT700 fields; the amount in the canonical form)" },
    currentVersion: { type: ["integer", "null"] },
    agreedVersion: { type: ["integer", "null"] },
    sinceLastSeen: { type: ["object", "null"] },
    versions: list(record({ id: uuid, number: integer, author: string, authorOrg: string, createdAt: instant, comment: nullableString, termsHash: string, changes: list(anyObject) })),
    pendingApprovals: list(anyObject),
    fourEyes: boolean,
    amendments: list(amendmentSchema),
    presentations: list(presentationSchema),
    milestones: list(milestoneSchema),
    events: list(record({ id: uuid, action: string, actor: string, actorOrg: string, data: anyObject, createdAt: instant })),
    actions: { ...strings, description: "Credit actions the caller may take now" },
    createActions: { ...strings, description: "Actions that start an amendment or a presentation" },
  },
  "The credit with its terms, versions, amendments, presentations, milestones and the actions the caller may take now",
);

export const proofBundleSchema = record(
  {
    format: { type: "string", const: "tradetrail.proof-bundle" },
    version: integer,
    exportedAt: instant,
    chain: record({ chainId: { ...string, description: "A decimal string" }, contractAddress: string }),
    credit: record({ id: uuid, reference: string }),
    milestones: list(record({ seq: integer, kind: string, content: { description: "The milestone's recorded content, exactly as hashed (amounts as recorded)" }, documentHashes: strings, prevDigest: string, salt: string, digest: string, proof: strings, root: nullableString, txHash: nullableString, blockNumber: { type: ["integer", "null"] } })),
    networks: { ...list(record({ name: string, chainId: string, contractAddress: string })), description: "Version 4: every network the exporter anchors on, the first being `chain`" },
    anchorings: {
      ...list(record({ root: string, network: string, txHash: nullableString, blockNumber: { type: ["integer", "null"] } })),
      description: "Version 4: every anchoring of every root, on any network (claims a verifier checks on each network's chain)",
    },
  },
  "The self-contained proof bundle (docs/PROOF-FORMAT.md)",
);

export const verificationSchema = record(
  {
    creditId: uuid,
    checkedAt: instant,
    elapsedMs: integer,
    chainId: string,
    contractAddress: string,
    head: { ...integer, description: "The chain's block number when checked" },
    ok: { ...boolean, description: "Every milestone verified and the trail complete" },
    results: list(record({ seq: integer, status: string })),
    counts: anyObject,
    trail: record({ status: string, reason: string, chainHeadSeq: { type: ["integer", "null"] } }),
    warnings: list(anyObject),
    checkedAgainst: anyObject,
    documents: record({ documents: list(anyObject), counts: anyObject, ok: boolean }),
  },
  "Every milestone and presented document checked now",
);
// With additional networks configured (CHAIN_NETWORKS): each network's outcome (docs/PROOF-FORMAT.md §12).
verificationSchema.properties = {
  ...(verificationSchema.properties as Schema),
  networks: {
    ...list(
      record({
        network: string,
        outcome: { type: "string", enum: ["verified", "incomplete", "root-missing", "mismatched", "unreachable", "not-checked"] },
        reason: string,
        chainId: nullableString,
        contractAddress: nullableString,
        claimedRoots: integer,
      }),
    ),
    description: "Only with additional networks configured: each network's outcome; `ok` is then the verdict over all of them (one proves the trail, none that answers contradicts it)",
  },
};

export const auditRunSchema = record({
  id: uuid,
  status: { type: "string", enum: ["QUEUED", "RUNNING", "DONE", "FAILED"] },
  total: integer,
  done: integer,
  report: { type: ["object", "null"], description: "When done: per credit, its milestones' counts and every exception" },
  error: nullableString,
  createdAt: instant,
  startedAt: nullableInstant,
  finishedAt: nullableInstant,
  withheld: { ...integer, description: "Credits left out of the report because the firm may no longer see them" },
});

export const uploadResultSchema = record({ documentId: uuid, sha256: string, size: integer, mediaType: string, version: integer });

const bankSchema = record({ name: string, bic: nullableString });

/** GET /credits/{id}/swift (lib/api/swift.ts). */
export const swiftListSchema = record(
  {
    creditId: uuid,
    reference: string,
    creditNumber: nullableString,
    messages: list(
      record({
        id: { type: "string", pattern: "^\\d+-mt\\d{3}$", description: "The milestone's seq and the message type, e.g. 1-mt700" },
        type: { type: "string", enum: ["MT700", "MT707", "MT730", "MT732", "MT734", "MT754", "MT756", "MT759"] },
        title: string,
        messageTypes: { ...strings, description: "The message and its continuations in order, e.g. [\"MT700\", \"MT701\"]" },
        milestoneSeq: integer,
        date: { type: "string", format: "date" },
        sender: bankSchema,
        receiver: bankSchema,
        valid: { ...boolean, description: "False when a field does not fit its SWIFT format or a bank has no BIC: problems says what" },
        problems: list(record({ message: string, tag: nullableString, messageIndex: integer })),
        transliterations: {
          ...list(record({ messageIndex: integer, tag: string, line: integer, from: string, to: string })),
          description: "Each character the SWIFT character sets could not carry and what it became (docs/SWIFT.md)",
        },
        sha256: { type: "string", pattern: "^0x[0-9a-f]{64}$", description: "SHA-256 of the file's bytes, as href sends them" },
        anchored: record(
          {
            status: {
              type: "string",
              enum: ["matches", "differs", "notRecorded"],
              description: "matches: sha256 is the hash the milestone that produced the message recorded (its content, anchored on chain); differs: it recorded another; notRecorded: it recorded none for this message",
            },
            sha256: { type: ["string", "null"], description: "The hash the milestone recorded (content.swiftMessages), null when notRecorded" },
            reason: {
              type: ["string", "null"],
              enum: ["before", "notOnMilestone", null],
              description: "Why notRecorded: before, the milestone was recorded before message hashes were; notOnMilestone, the message came after its milestone (an MT732, once the bank accepted the waiver)",
            },
            milestoneDate: { type: "string", format: "date", description: "The day the milestone was recorded" },
          },
          "What the milestone that produced the message recorded about it (docs/SWIFT.md, Recorded hashes)",
        ),
        href: string,
      }),
    ),
  },
  "The SWIFT Category 7 messages the credit has produced so far, in the order of its milestones",
);

/** One event of the feed (GET /events), and the body of every webhook (docs/API.md, Webhooks). */
export const eventSchema = record(
  {
    id: { ...uuid, description: "The event's id: the TradeTrail-Event-Id header of its webhooks. Dedupe by it." },
    type: { type: "string", enum: [...EVENT_TYPES] },
    cursor: { type: "string", pattern: "^ev1_\\d+$", description: "The feed's position just after this event: GET /events?after={cursor} lists what followed it" },
    occurredAt: instant,
    credit: record({ id: uuid, reference: string, creditNumber: nullableString, status: { type: "string", enum: [...CREDIT_STATES], description: "The credit's state right after the step" } }),
    subjectId: { type: ["string", "null"], format: "uuid", description: "The amendment or presentation the step acted on" },
    milestone: record({ seq: integer, kind: { type: "string", enum: Object.keys(EVENT_TYPE_OF) } }, "The anchored milestone the event reports (GET /credits/{creditId}/milestones)"),
  },
  "An event: one milestone of a credit your organisation is a party to",
);

export const eventPageSchema = record(
  {
    events: list(eventSchema),
    next: { type: "string", pattern: "^ev1_\\d+$", description: "Pass as `after` for the events that follow (the same cursor again when there were none)" },
    hasMore: { ...boolean, description: "More events are waiting now: ask again at once" },
  },
  "Events in the order they were committed, oldest first",
);

export const webhookSchema = record(
  {
    id: uuid,
    url: string,
    eventTypes: { type: "array", items: { type: "string", enum: [...EVENT_TYPES] } },
    description: string,
    createdAt: instant,
  },
  "A webhook subscription (its secret is never shown again after creation)",
);

export const webhookCreatedSchema = record(
  { ...(webhookSchema.properties as Record<string, Schema>), secret: { type: "string", pattern: "^whsec_[A-Za-z0-9_-]+$", description: "The HMAC key of TradeTrail-Signature. Shown this once: store it now." } },
  "Created. Its secret is shown this once",
);

export const webhookListSchema = record({ webhooks: list(webhookSchema) }, "The organisation's webhooks");

export const deliveryLogSchema = record(
  {
    deliveries: list(
      record({
        eventId: uuid,
        eventType: { type: ["string", "null"] },
        status: { type: "string", enum: ["PENDING", "DELIVERED", "FAILED"] },
        attempts: integer,
        nextAttemptAt: { ...nullableInstant, description: "When a PENDING delivery is tried next" },
        deliveredAt: nullableInstant,
        lastError: nullableString,
        log: list(record({ attempt: integer, at: instant, statusCode: { type: ["integer", "null"], description: "The receiver's HTTP status; null when it did not answer" }, error: nullableString, durationMs: integer })),
      }),
    ),
  },
  "The latest deliveries, newest event first, each with every attempt",
);

/** One message of a credit's thread (GET/POST /credits/{creditId}/messages). */
export const messageSchema = record({
  id: uuid,
  body: { type: "string", description: "The text as posted (trimmed), at most 4,000 characters" },
  author: record({ name: string }, "The person who posted it"),
  organization: record({ id: uuid, name: string }, "The party organisation they posted for"),
  createdAt: instant,
  mine: { ...boolean, description: "Posted by the token's (or session's) own user" },
});

export const messageThreadSchema = record({ creditId: uuid, reference: string, messages: list(messageSchema) }, "The credit's message thread, oldest first");

export const messagePostedSchema = record(
  { message: messageSchema, replayed: { ...boolean, description: "True when this repeats the first post of the same Idempotency-Key" } },
  "Posted",
);
