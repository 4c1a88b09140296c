import { z } from "zod";
import { ACTION_NAMES, PARTY_LABELS, type Party, actionRule } from "@/lib/lifecycle/definition";
import { INPUT_SCHEMAS, SERVER_COMPOSED_INPUTS } from "@/lib/lifecycle/inputs";
import { CREDIT_LIST_QUERY_DOCS } from "./credit-list-query";
import { ORGANIZATION_QUERY_DOCS } from "./organization-query";
import { EVENT_QUERY_DOCS } from "./event-query";
import { DEFAULT_WEBHOOK_EVENTS, EVENT_TYPES } from "@/lib/events/types";
import { amendmentImportPreviewSchema, creditImportPreviewSchema, importProblemSchema } from "./openapi-import-schemas";
import { auditRunSchema, creditListPageSchema, deliveryLogSchema, eventPageSchema, webhookCreatedSchema, webhookListSchema, webhookSchema, creditSchema, messagePostedSchema, messageThreadSchema, milestonesSchema, organizationPageSchema, proofBundleSchema, swiftListSchema, uploadResultSchema, verificationSchema } from "./openapi-schemas";

// The OpenAPI 3.1 description of /api/v1, generated from the lifecycle definition and the input
// schemas, so the document cannot drift from what the server accepts.

const schemaOf = (kind: keyof typeof INPUT_SCHEMAS) => z.toJSONSchema(INPUT_SCHEMAS[kind], { io: "input", unrepresentable: "any" });

const error = {
  description: "Refused, with a message for a person",
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: { type: "string", enum: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "INVALID_REQUEST", "CONFLICT", "INVALID_STATE", "PAYLOAD_TOO_LARGE", "IDEMPOTENCY_KEY_REUSED", "SIGNATURE_REQUIRED", "UNSUPPORTED_MEDIA_TYPE", "TOO_MANY_REQUESTS", "UNAVAILABLE", "INTERNAL"] },
              message: { type: "string" },
              fields: { type: "object", additionalProperties: { type: "string" } },
              problems: { type: "array", description: "An imported SWIFT message's problems, each with its tag and the line of the text it is on", items: importProblemSchema },
            },
          },
        },
      },
    },
  },
};
const errors = { 400: error, 401: error, 403: error, 404: error, 409: error };

const actionResult = {
  type: "object",
  properties: {
    creditId: { type: "string", format: "uuid" },
    subjectId: { type: ["string", "null"], format: "uuid" },
    action: { type: "string" },
    creditStatus: { type: "string" },
    subjectStatus: { type: ["string", "null"] },
    version: { type: "integer", description: "The credit's new version: send it as expectedVersion next time." },
    milestoneSeqs: { type: "array", items: { type: "integer" } },
    replayed: { type: "boolean", description: "True when this repeats the stored result of the same Idempotency-Key." },
  },
};

/** A 200 (or other success) with a JSON body of `schema`, described by the schema's own description. */
const jsonBody = (schema: Record<string, unknown>, description = (schema.description as string | undefined) ?? "Done") => ({ description, content: { "application/json": { schema } } });
const creditIdParameter = { name: "creditId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const subscriptionIdParameter = { name: "subscriptionId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const runIdParameter = { name: "runId", in: "path", required: true, schema: { type: "string", format: "uuid" } };

const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Makes a retry safe. A key belongs to its caller and to the request it was first sent with (the action, the credit, the subject and the body): the same request with the same key replays the first result (replayed: true) instead of acting again; the key with any other request answers 422.",
  schema: { type: "string", pattern: "^[A-Za-z0-9_-]{8,100}$" },
};
/** An action on an existing amendment or presentation names it in the body. */
const actsOnSubject = (rule: ReturnType<typeof actionRule>) => rule.subject !== "credit" && rule.from !== "create";
const subjectIdProperty = (rule: ReturnType<typeof actionRule>) => (actsOnSubject(rule) ? { subjectId: { type: "string", format: "uuid", description: `The ${rule.subject}'s id` } } : {});

const stepSignature = {
  type: "object",
  description: "Issue 14: the step signed with your API signing key over the challenge of a signing request (docs/API.md). Required (428 SIGNATURE_REQUIRED otherwise) when the credit's parties require signed steps.",
  required: ["requestId", "keyId", "authenticatorData", "clientDataJSON", "signature"],
  properties: {
    requestId: { type: "string", format: "uuid" },
    keyId: { type: "string", description: "The API signing key's id (Settings → API signing keys)" },
    authenticatorData: { type: "string", description: "base64url: SHA-256(rpId) ‖ flags 0x05 ‖ counter (4 bytes, big-endian)" },
    clientDataJSON: { type: "string", description: 'base64url of {"type":"webauthn.get","challenge":<challenge>,"origin":<origin>}' },
    signature: { type: "string", description: "base64url DER ECDSA P-256 SHA-256 signature over authenticatorData ‖ SHA-256(clientDataJSON)" },
  },
};
const signingRequest = {
  type: "object",
  required: ["required"],
  properties: {
    required: { type: "boolean" },
    requestId: { type: "string", format: "uuid" },
    challenge: { type: "string", description: "base64url" },
    rpId: { type: "string" },
    origin: { type: "string" },
    statement: { type: "object", description: "What the step records (docs/PROOF-FORMAT.md §11.2)" },
  },
};
const idempotencyRefused = { ...error, description: "The Idempotency-Key was already used for another request (code IDEMPOTENCY_KEY_REUSED)" };

export function openApiDocument(serverUrl: string) {
  const actionPaths = Object.fromEntries(
    ACTION_NAMES.filter((name) => name !== "createCredit" && !SERVER_COMPOSED_INPUTS.includes(actionRule(name).input)).map((name) => {
      const rule = actionRule(name);
      // A step one bank takes per presentation says which (authorize.ts actingBankId).
      const which = rule.bank === "examining" ? ", whichever examines the presentation" : rule.bank === "paying" ? ", whichever honours it: the confirming bank that examined it, else the issuing bank" : "";
      const who = rule.by === "system" ? "TradeTrail's scheduler only" : `${(rule.by as readonly Party[]).map((p) => PARTY_LABELS[p]).join(" or ")}${which} (${rule.roles.join(" or ").toLowerCase()})`;
      const from = rule.from === "create" ? `credit ${rule.creditIn?.join(", ")}` : `${rule.subject} ${rule.from.join(", ")}`;
      return [
        `/credits/{creditId}/actions/${name}`,
        {
          post: {
            operationId: name,
            tags: [rule.subject],
            summary: rule.label,
            description: `Who: ${who}. When: ${from}.${rule.checks ? ` Four eyes: not by the user who took ${rule.checks}.` : ""}${rule.whenFourEyes ? ` Only at a bank that works ${rule.whenFourEyes === "on" ? "under" : "without"} four eyes (its setting); 403 otherwise.` : ""}${rule.presentedUnder ? ` Only on a presentation made under ${rule.presentedUnder === "eucp" ? "eUCP v2.1 (docs/EUCP.md)" : "UCP 600 alone (under eUCP: giveNoticeOfCompleteness)"}; 409 otherwise.` : ""}${rule.milestone ? ` Records the ${rule.milestone} milestone (anchored on chain).` : ""}`,
            parameters: [
              { name: "creditId", in: "path", required: true, schema: { type: "string", format: "uuid" } },
              idempotencyKey,
            ],
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      input: schemaOf(rule.input),
                      expectedVersion: { type: "integer", description: "The credit version you acted on; 409 if it changed." },
                      signature: stepSignature,
                      ...subjectIdProperty(rule),
                    },
                    ...(actsOnSubject(rule) ? { required: ["subjectId"] } : {}),
                  },
                },
              },
            },
            responses: { 200: { description: "Done", content: { "application/json": { schema: actionResult } } }, 422: idempotencyRefused, ...errors },
          },
        },
      ];
    }),
  );
  const signingPaths = Object.fromEntries(
    Object.keys(actionPaths).map((path) => {
      const name = path.split("/").at(-1)!;
      const rule = actionRule(name as (typeof ACTION_NAMES)[number]);
      return [
        `${path}/signing-request`,
        {
          post: {
            operationId: `${name}SigningRequest`,
            tags: [rule.subject],
            summary: `What "${rule.label}" would record, to sign with your API signing key`,
            description:
              "Runs the step without keeping it and answers the statement it would record and the challenge to sign (SHA-256 of the statement's RFC 8785 JSON), valid five minutes for this step, input and credit version. Sign it as docs/API.md shows, then take the step with `signature`. `required: false`: this step needs no signature.",
            parameters: [{ name: "creditId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      input: schemaOf(rule.input),
                      ...subjectIdProperty(rule),
                    },
                  },
                },
              },
            },
            responses: { 200: { description: "The challenge, or that no signature is needed", content: { "application/json": { schema: signingRequest } } }, ...errors },
          },
        },
      ];
    }),
  );

  return {
    openapi: "3.1.0",
    info: {
      title: "TradeTrail API",
      version: "1.0.0",
      description:
        "Letters of credit for bank back-office integration. Authenticate with an organisation API token: `Authorization: Bearer tt_…` (a token acts as the user who created it). Every state change returns the credit's new version; send it back as expectedVersion to detect concurrent changes.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "tt_ token",
          description:
            "A token made in Settings. Its scopes decide what it may do: read (GET, and the verify and audit-run checks), upload (document uploads), act (every other change; only administrators make these). It expires after 1 to 365 days (401 with the date). A request outside its scopes answers 403.",
        },
      },
    },
    security: [{ bearer: [] }],
    paths: {
      "/credits": {
        get: {
          operationId: "listCredits",
          summary: "Credits this organisation sees, newest created first (50 a page unless limit says otherwise)",
          description:
            "Ordered by id, descending: ids are UUID v7, so this is newest created first, and no update moves a credit, so a walk by `next` sees every credit exactly once even while credits change (the web pages' 'most recent activity first' order is not the API's). An unknown parameter, a parameter given twice, a value outside its schema or a cursor this API did not issue is refused with 400, naming the parameter.",
          parameters: Object.entries(CREDIT_LIST_QUERY_DOCS).map(([name, doc]) => ({ name, in: "query", required: false, ...doc })),
          responses: { 200: jsonBody(creditListPageSchema), ...errors },
        },
        post: {
          operationId: "createCredit",
          summary: "Draft a new credit (applicant)",
          parameters: [idempotencyKey],
          requestBody: { required: true, content: { "application/json": { schema: schemaOf("application") } } },
          responses: { 201: { description: "Drafted", content: { "application/json": { schema: actionResult } } }, 200: { description: "The stored result of the same request with the same Idempotency-Key (replayed: true)", content: { "application/json": { schema: actionResult } } }, 422: idempotencyRefused, ...errors },
        },
      },
      "/credits/{creditId}": {
        get: {
          operationId: "getCredit",
          summary: "One credit: terms, versions with changes, amendments, presentations, milestones and the actions you may take now",
          parameters: [{ name: "creditId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { 200: jsonBody(creditSchema), ...errors },
        },
      },
      "/credits/{creditId}/milestones": {
        get: {
          operationId: "listMilestones",
          summary: "The credit's milestone chain with anchoring status",
          parameters: [{ name: "creditId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { 200: jsonBody(milestonesSchema), ...errors },
        },
      },
      "/credits/{creditId}/messages": {
        get: {
          operationId: "listMessages",
          tags: ["messages"],
          summary: "The credit's message thread: the parties' conversation, oldest first",
          description:
            "Every party that sees the credit reads it (the beneficiary once the draft is shared with it, the issuing bank once it is submitted, the advising and confirming banks once it is issued), and an auditor under a live grant (the read is logged for the bank). 404 for anyone else, as for the credit. Posting a message does not change the credit's version or updatedAt.",
          parameters: [creditIdParameter],
          responses: { 200: jsonBody(messageThreadSchema), ...errors },
        },
        post: {
          operationId: "postMessage",
          tags: ["messages"],
          summary: "Post a message to the thread (a party's user who is not only a viewer, with a token that may act)",
          description:
            "The same rule as the Messages tab: a party of the credit posts, a viewer and an auditor do not (403 and 404). The other parties' users are notified. 1 to 4,000 characters after trimming.",
          parameters: [creditIdParameter, idempotencyKey],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { type: "object", required: ["body"], additionalProperties: false, properties: { body: { type: "string", minLength: 1, maxLength: 4000 } } } } },
          },
          responses: {
            201: jsonBody(messagePostedSchema),
            200: jsonBody(messagePostedSchema, "The first post of the same Idempotency-Key (replayed: true); nothing was posted again"),
            413: error,
            415: error,
            422: idempotencyRefused,
            ...errors,
          },
        },
      },
      "/credits/{creditId}/presentations/{presentationId}/documents": {
        post: {
          operationId: "uploadDocument",
          summary: "Upload one document into a presentation being assembled (beneficiary)",
          description:
            "The request body is one line of JSON describing the document ({\"kind\", \"originals\", \"copies\", \"fileName\", \"data\": the document's structured fields}, at most 1 MB), a line feed, then the file's bytes (PDF, PNG, JPEG or TIFF). For short descriptions the details may instead be sent as query parameters (kind, originals, copies, fileName, and data as URL-encoded JSON) with the raw file as the body. Under eUCP (docs/EUCP.md) the description may add \"medium\": \"PAPER\" for a paper document presented at the counter (art. e6(a)(ii)); a corrupted record re-presented at the examining bank's request (art. e12, action representRecord) is described by {\"requestId\", \"fileName\"} alone, on a presented presentation.",
          parameters: [
            { name: "creditId", in: "path", required: true, schema: { type: "string", format: "uuid" } },
            { name: "presentationId", in: "path", required: true, schema: { type: "string", format: "uuid" } },
            ...["kind", "originals", "copies", "fileName", "data"].map((name) => ({ name, in: "query", required: false, schema: { type: "string" } })),
          ],
          requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
          responses: { 201: jsonBody(uploadResultSchema, "Stored, hashed and added"), 413: error, 415: error, ...errors },
        },
      },
      "/organizations": {
        get: {
          operationId: "findOrganizations",
          summary: "The organisation directory: find a bank, trading company or audit firm and its id by name, country, BIC or kind",
          description: "Ordered by name. The platform operator is never listed. A parameter outside its schema is refused with 400, naming it.",
          parameters: Object.entries(ORGANIZATION_QUERY_DOCS).map(([name, doc]) => ({ name, in: "query", required: false, ...doc })),
          responses: { 200: jsonBody(organizationPageSchema), ...errors },
        },
      },
      "/documents/{documentId}": {
        get: {
          operationId: "downloadDocument",
          summary: "Download a document (parties of the credit and authorised auditors)",
          parameters: [
            { name: "documentId", in: "path", required: true, schema: { type: "string", format: "uuid" } },
            { name: "inline", in: "query", required: false, description: "1 to show the file in the browser instead of downloading it", schema: { type: "string", enum: ["1"] } },
          ],
          responses: {
            200: {
              description: "The file, with its SHA-256 in the X-Content-SHA256 header",
              headers: { "X-Content-SHA256": { description: "SHA-256 of exactly the bytes sent, hex", schema: { type: "string" } } },
              content: { "*/*": { schema: { type: "string", format: "binary" } } },
            },
            ...errors,
          },
        },
      },
      "/credits/{creditId}/proof-bundle": {
        get: {
          operationId: "exportProofBundle",
          summary: "The credit's self-contained proof bundle (docs/PROOF-FORMAT.md)",
          parameters: [{ name: "creditId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: { 200: jsonBody(proofBundleSchema), ...errors },
        },
      },
      "/credits/{creditId}/verify": {
        post: {
          operationId: "verifyCredit",
          summary: "Check every milestone of the credit against the chain now, and re-hash every presented document",
          description: "Changes nothing, so a token with the read scope may call it. 503 when the chain's RPC endpoint does not answer.",
          parameters: [creditIdParameter],
          responses: { 200: jsonBody(verificationSchema), 503: error, ...errors },
        },
      },
      "/credits/{creditId}/swift": {
        get: {
          operationId: "listSwiftMessages",
          tags: ["swift"],
          summary: "The SWIFT messages (MT700/701, 707/708, 730, 732, 734, 754, 756, 759) the credit has produced so far",
          description:
            "Built from the credit's milestones and terms (docs/SWIFT.md: which step produces which message, the field mapping, the transliteration table). Files to load into a bank's SWIFT interface; TradeTrail sends nothing over SWIFT. Each message's SHA-256 is recorded on the milestone that produced it (content.swiftMessages, anchored); `anchored` says whether the file matches it. Anyone who may read the credit may read them; 404 for anyone else.",
          parameters: [creditIdParameter],
          responses: { 200: jsonBody(swiftListSchema), ...errors },
        },
      },
      "/credits/{creditId}/swift/{messageId}": {
        get: {
          operationId: "getSwiftMessage",
          tags: ["swift"],
          summary: "One message's FIN text (blocks 1-4, CR LF line ends), with its continuation messages after it",
          parameters: [
            creditIdParameter,
            { name: "messageId", in: "path", required: true, description: "An id from the list, e.g. 2-mt700", schema: { type: "string", pattern: "^\\d+-mt\\d{3}$" } },
            { name: "download", in: "query", required: false, description: "Send it as a file named …-{messageId}.fin or .txt", schema: { type: "string", enum: ["fin", "txt"] } },
          ],
          responses: {
            200: {
              description: "The FIN text",
              headers: {
                "X-Swift-Message-Type": { description: "MT700, MT707 ...", schema: { type: "string" } },
                "X-Swift-Valid": { description: "false when a field does not fit its SWIFT format (the list's problems say which)", schema: { type: "string", enum: ["true", "false"] } },
                "X-Swift-Sha256": { description: "SHA-256 of the body's bytes, 0x + 64 hex", schema: { type: "string" } },
                "X-Swift-Anchored": {
                  description: "matches when the body's SHA-256 is the one the milestone that produced the message recorded; differs, or not-recorded (a milestone from before hashes were recorded)",
                  schema: { type: "string", enum: ["matches", "differs", "not-recorded"] },
                },
              },
              content: { "text/plain": { schema: { type: "string" } } },
            },
            ...errors,
          },
        },
      },
      "/credits/{creditId}/application/mt798": {
        get: {
          operationId: "downloadMt798Application",
          tags: ["swift"],
          summary: "The applicant's agreed application as an MT798<770> file (SWIFT for Corporates): index, details (the MT700 fields of the agreed terms) and extensions",
          description:
            "FIN text from the applicant's BIC to the issuing bank's (docs/SWIFT.md, MT798). Only the applicant's organisation, and the issuing bank once the application was submitted to it, may download it: 403 for the other parties of the credit, 404 for anyone who may not see it, 409 while the terms are not agreed.",
          parameters: [creditIdParameter, { name: "download", in: "query", required: false, description: "Send it as a file named …-mt798-application.fin or .txt", schema: { type: "string", enum: ["fin", "txt"] } }],
          responses: {
            200: {
              description: "The FIN text: MT798 messages, CR LF line ends",
              headers: {
                "X-Swift-Message-Type": { description: "MT798", schema: { type: "string" } },
                "X-Swift-Valid": { description: "false when a field does not fit its SWIFT format (e.g. the applicant has no BIC)", schema: { type: "string", enum: ["true", "false"] } },
              },
              content: { "text/plain": { schema: { type: "string" } } },
            },
            ...errors,
          },
        },
      },
      "/credits/{creditId}/certificate": {
        get: {
          operationId: "downloadAuditCertificate",
          summary: "The credit's audit certificate, a PDF of its trail and its verification",
          parameters: [creditIdParameter],
          responses: { 200: { description: "The certificate", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } }, ...errors },
        },
      },
      "/audit/runs": {
        get: {
          operationId: "listPortfolioChecks",
          tags: ["audit"],
          summary: "The audit firm's last 20 portfolio checks, newest first (auditors)",
          responses: { 200: jsonBody({ type: "array", items: auditRunSchema }, "Checks, newest first"), ...errors },
        },
        post: {
          operationId: "requestPortfolioCheck",
          tags: ["audit"],
          summary: "Queue a check of every credit the audit firm may see (auditors); a check already queued or running is returned instead",
          description: "Changes no credit, so a token with the read scope may call it.",
          responses: { 202: jsonBody({ type: "object", required: ["id"], properties: { id: { type: "string", format: "uuid" } } }, "Queued: follow it at /audit/runs/{runId}"), ...errors },
        },
      },
      "/audit/runs/{runId}": {
        get: {
          operationId: "getPortfolioCheck",
          tags: ["audit"],
          summary: "A portfolio check's progress (done of total) and, when finished, its report",
          parameters: [runIdParameter],
          responses: { 200: jsonBody(auditRunSchema), ...errors },
        },
      },
      "/audit/runs/{runId}/report": {
        get: {
          operationId: "downloadPortfolioReport",
          tags: ["audit"],
          summary: "A finished check's exceptions report as a download, JSON unless format=csv",
          parameters: [runIdParameter, { name: "format", in: "query", required: false, schema: { type: "string", enum: ["json", "csv"], default: "json" } }],
          responses: {
            200: { description: "The report", content: { "application/json": { schema: { type: "object" } }, "text/csv": { schema: { type: "string" } } } },
            ...errors,
          },
        },
      },
      "/events": {
        get: {
          operationId: "listEvents",
          tags: ["events"],
          summary: "The event feed: each milestone of the credits your organisation is a party to, in commit order",
          description:
            "Durable and ordered: an event is listed once it is committed, in the order events were committed, and a walk by `next` sees every event exactly once, including those committed while it walks (docs/API.md, Event feed). Keep the last `next` and poll with it. Your organisation sees the events that happen while it may see the credit (a beneficiary once the applicant has sent it the draft, the issuing bank once it is submitted, the advising and confirming banks once it is issued). Webhooks carry the same items. An unknown parameter, a value outside its schema or a cursor this API did not issue is refused with 400.",
          parameters: Object.entries(EVENT_QUERY_DOCS).map(([name, doc]) => ({ name, in: "query", required: false, ...doc })),
          responses: { 200: jsonBody(eventPageSchema), ...errors },
        },
      },
      "/webhooks": {
        get: {
          operationId: "listWebhooks",
          tags: ["webhooks"],
          summary: "Your organisation's webhook subscriptions (administrators)",
          responses: { 200: jsonBody(webhookListSchema), ...errors },
        },
        post: {
          operationId: "createWebhook",
          tags: ["webhooks"],
          summary: "Subscribe an address to events (administrators, with a token that may act)",
          description:
            "TradeTrail POSTs each event (the feed's item) to the URL, signed (docs/API.md, Webhooks), retrying with backoff and jitter up to 10 attempts over 45 to 85 minutes, in event order. The answer holds the signing secret, shown this once. The URL must use https (http only to localhost outside production). At most 10 webhooks an organisation (409).",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["url"],
                  additionalProperties: false,
                  properties: {
                    url: { type: "string", format: "uri" },
                    events: { type: "array", minItems: 1, items: { type: "string", enum: [...EVENT_TYPES] }, default: [...DEFAULT_WEBHOOK_EVENTS] },
                    description: { type: "string", maxLength: 200 },
                  },
                },
              },
            },
          },
          responses: { 201: jsonBody(webhookCreatedSchema), ...errors },
        },
      },
      "/webhooks/{subscriptionId}": {
        get: {
          operationId: "getWebhook",
          tags: ["webhooks"],
          summary: "One webhook subscription (administrators; never its secret)",
          parameters: [subscriptionIdParameter],
          responses: { 200: jsonBody(webhookSchema), ...errors },
        },
        delete: {
          operationId: "deleteWebhook",
          tags: ["webhooks"],
          summary: "Delete a webhook subscription: its undelivered events are not sent, and its delivery log goes with it",
          parameters: [subscriptionIdParameter],
          responses: { 200: jsonBody({ type: "object", required: ["deleted"], properties: { deleted: { type: "boolean", const: true } } }, "Deleted"), ...errors },
        },
      },
      "/webhooks/{subscriptionId}/deliveries": {
        get: {
          operationId: "listWebhookDeliveries",
          tags: ["webhooks"],
          summary: "The webhook's delivery log: the latest deliveries, newest event first, with every attempt (status code, error, duration)",
          parameters: [subscriptionIdParameter, { name: "limit", in: "query", required: false, description: "Deliveries, 1 to 200 (50 unless given)", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } }],
          responses: { 200: jsonBody(deliveryLogSchema), ...errors },
        },
      },
      "/swift-imports": {
        post: {
          operationId: "importCredit",
          tags: ["swift"],
          summary: "Import an MT700 or MT710 received from an issuing bank that does not use TradeTrail (advising bank's makers and checkers)",
          description:
            "The message must be addressed to your bank (block 2's BIC). With `preview: true` nothing is stored: the answer maps each field to its TradeTrail term, with its line, and lists every problem. Without it, the credit is created ISSUED with your bank as advising bank, the issuing bank (by its BIC, named by `issuingBankName` the first time) and the applicant recorded as external parties, and the beneficiary you choose; a bad message is refused with 400 and `error.problems`, nothing created. A second import of the same credit number from the same issuing bank is refused (409). docs/SWIFT.md, Import.",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["fin"],
                  additionalProperties: false,
                  properties: {
                    fin: { type: "string", description: "The FIN text: the MT700 and its MT701s (or MT710 and MT711s), as received" },
                    beneficiaryId: { type: "string", format: "uuid", description: "The trading company in TradeTrail the credit is advised to (required unless preview)" },
                    issuingBankName: { type: "string", maxLength: 140, description: "The issuing bank's name, needed the first time TradeTrail records it" },
                    preview: { type: "boolean", default: false },
                  },
                },
              },
            },
          },
          responses: {
            200: jsonBody(creditImportPreviewSchema, "The preview: the mapping and the problems; nothing stored"),
            201: jsonBody({ type: "object", required: ["creditId", "reference", "creditNumber"], properties: { creditId: { type: "string", format: "uuid" }, reference: { type: "string" }, creditNumber: { type: "string" } } }, "Imported: the credit, ISSUED, waiting for your advice"),
            ...errors,
          },
        },
      },
      "/credits/{creditId}/swift-imports": {
        post: {
          operationId: "importAmendment",
          tags: ["swift"],
          summary: "Import an MT707 for a credit imported from an issuing bank outside TradeTrail (its advising bank's makers and checkers)",
          description:
            "Applies the MT707 to the credit's terms as an issued amendment that waits for your advice and then the beneficiary's consent (UCP 600 art. 10). With `preview: true` nothing is stored. A bad message is refused with 400 and `error.problems`. 26E must be the credit's next amendment number.",
          parameters: [creditIdParameter],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { type: "object", required: ["fin"], additionalProperties: false, properties: { fin: { type: "string" }, preview: { type: "boolean", default: false } } },
              },
            },
          },
          responses: {
            200: jsonBody(amendmentImportPreviewSchema, "The preview: the mapping and the problems; nothing stored"),
            201: jsonBody({ type: "object", required: ["amendmentId", "number", "cancellation"], properties: { amendmentId: { type: "string", format: "uuid" }, number: { type: "integer" }, cancellation: { type: "boolean" } } }, "Applied: the amendment, ISSUED, waiting for your advice"),
            ...errors,
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          security: [],
          responses: { 200: { description: "The OpenAPI 3.1 description of the API", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
      ...actionPaths,
      ...signingPaths,
    },
  };
}

/**
 * The schemas a generated client names (lib/api/client/generate-types.ts): wherever the document
 * holds one of them, the types refer to it by this name instead of repeating it.
 */
export function namedApiSchemas(): Record<string, Record<string, unknown>> {
  const inputs = Object.fromEntries(
    (Object.keys(INPUT_SCHEMAS) as (keyof typeof INPUT_SCHEMAS)[]).map((kind) => [`${kind[0]!.toUpperCase()}${kind.slice(1)}Input`, schemaOf(kind) as Record<string, unknown>]),
  );
  return {
    Error: error.content["application/json"].schema,
    ActionResult: actionResult,
    StepSignature: stepSignature,
    SigningRequest: signingRequest,
    Credit: creditSchema,
    CreditListPage: creditListPageSchema,
    Milestones: milestonesSchema,
    MessageThread: messageThreadSchema,
    MessagePosted: messagePostedSchema,
    OrganizationPage: organizationPageSchema,
    ProofBundle: proofBundleSchema,
    Verification: verificationSchema,
    AuditRun: auditRunSchema,
    UploadResult: uploadResultSchema,
    SwiftList: swiftListSchema,
    EventPage: eventPageSchema,
    Webhook: webhookSchema,
    WebhookCreated: webhookCreatedSchema,
    WebhookList: webhookListSchema,
    DeliveryLog: deliveryLogSchema,
    ...inputs,
  };
}
