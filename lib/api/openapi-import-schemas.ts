// Response schemas of the SWIFT import routes (issue 15, item 3): lib/swift/import.ts's results.

export const importProblemSchema = {
  type: "object",
  required: ["message"],
  properties: {
    line: { type: "integer", minimum: 1, description: "The line of the pasted text" },
    tag: { type: "string", description: "The field's tag (32B), or the block (block 2)" },
    message: { type: "string" },
  },
};

const mappedFieldSchema = {
  type: "object",
  required: ["tag", "name", "line", "value", "term", "held"],
  properties: {
    tag: { type: "string" },
    name: { type: "string" },
    line: { type: "integer" },
    value: { type: "string", description: "The field as received" },
    term: { type: ["string", "null"], description: "The TradeTrail term it sets; null when TradeTrail keeps nothing of it" },
    held: { type: "string", description: "What TradeTrail holds, or why it keeps nothing" },
  },
};

const common = {
  ok: { type: "boolean", description: "True when the message can be imported as it is" },
  sender: { type: ["string", "null"] },
  receiver: { type: ["string", "null"] },
  creditNumber: { type: ["string", "null"] },
  terms: { type: ["object", "null"], description: "The terms (lib/terms/schema.ts) when ok" },
  mapping: { type: "array", items: mappedFieldSchema },
  problems: { type: "array", items: importProblemSchema },
};

export const creditImportPreviewSchema = {
  type: "object",
  required: ["ok", "messageType", "sender", "receiver", "issuingBankBic", "creditNumber", "dateOfIssue", "terms", "mapping", "problems", "knownIssuingBank", "duplicateOf"],
  properties: {
    ...common,
    messageType: { type: ["string", "null"], enum: ["700", "710", null] },
    issuingBankBic: { type: ["string", "null"] },
    dateOfIssue: { type: ["string", "null"], format: "date" },
    knownIssuingBank: { type: ["object", "null"], properties: { name: { type: "string" } } },
    duplicateOf: { type: ["object", "null"], properties: { reference: { type: "string" } } },
  },
};

export const amendmentImportPreviewSchema = {
  type: "object",
  required: ["ok", "number", "dateOfAmendment", "sender", "receiver", "creditNumber", "cancellation", "terms", "mapping", "problems"],
  properties: {
    ...common,
    number: { type: ["integer", "null"] },
    dateOfAmendment: { type: ["string", "null"], format: "date" },
    cancellation: { type: "boolean" },
  },
};
