import { getBytes, sha256, toUtf8Bytes } from "ethers";
import { canonicalJson, contentHash } from "@/lib/anchoring/canonical";
import { normaliseDocumentHashes } from "@/lib/anchoring/digest";
import type { JsonObject, JsonValue } from "@/lib/anchoring/json";
import { toBase64url } from "./base64url";

// What a person signs (issue 14). Browser-safe and pure: the server derives a statement when it
// asks for a signature, the browser's authenticator signs its challenge, and every verifier
// derives the same statement again from the anchored trail alone.
//
// - A step that records milestones: the signer signs the milestones it records, exactly as they
//   will be anchored (credit id, the digest they follow, and for each its seq, kind, content hash
//   and document hashes). The salt is left out: it is drawn when the milestone is written.
// - A maker's step held for a checker (four eyes): the maker signs the preparation (the action,
//   its subject, a hash of its input, when it was prepared). The checker's milestone carries the
//   preparation in its content and the maker's signature beside the checker's own.
//
// challenge = SHA-256(UTF-8(RFC 8785 canonical JSON of the statement)), used as the WebAuthn
// challenge, so the authenticator's signature covers the statement.

export const STEP_DOMAIN = "TradeTrail.SignedStep.v1";
export const PREPARATION_DOMAIN = "TradeTrail.Preparation.v1";

export interface StatementMilestone {
  seq: number;
  kind: string;
  content: JsonValue;
  documentHashes: readonly string[];
}

export interface StepStatement {
  domain: typeof STEP_DOMAIN;
  creditId: string;
  /** The digest of the milestone before the first one signed (the trail they extend). */
  prevDigest: string;
  milestones: { seq: number; kind: string; contentHash: string; documentHashes: string[] }[];
}

/** What a maker prepared: recorded in the checker's milestone content as `preparation`. */
export interface Preparation {
  action: string;
  subjectId: string | null;
  /** 0x SHA-256 of the action's input, RFC 8785 canonical JSON. */
  inputHash: string;
  /** ISO 8601. */
  preparedAt: string;
}

export interface PreparationStatement {
  domain: typeof PREPARATION_DOMAIN;
  creditId: string;
  preparation: Preparation;
}

export type Statement = StepStatement | PreparationStatement;

export function stepStatement(creditId: string, prevDigest: string, milestones: readonly StatementMilestone[]): StepStatement {
  return {
    domain: STEP_DOMAIN,
    creditId,
    prevDigest: prevDigest.toLowerCase(),
    milestones: milestones.map((m) => ({ seq: m.seq, kind: m.kind, contentHash: contentHash(m.content), documentHashes: normaliseDocumentHashes(m.documentHashes) })),
  };
}

export function preparationStatement(creditId: string, preparation: Preparation): PreparationStatement {
  return { domain: PREPARATION_DOMAIN, creditId, preparation };
}

/** 0x SHA-256 of an input's canonical JSON: what a preparation commits to. */
export function inputHash(input: JsonValue): string {
  return sha256(toUtf8Bytes(canonicalJson(input)));
}

/** The 32 bytes an authenticator signs over (inside its clientDataJSON) for this statement. */
export function statementChallenge(statement: Statement): Uint8Array {
  return getBytes(sha256(toUtf8Bytes(canonicalJson(statement as unknown as JsonObject))));
}

export const challengeText = (statement: Statement): string => toBase64url(statementChallenge(statement));

/** Reads a preparation back from a milestone's content; null when it holds none or a malformed one. */
export function preparationOf(content: JsonValue): Preparation | null {
  if (content === null || typeof content !== "object" || Array.isArray(content)) return null;
  const p = content.preparation;
  if (p === null || typeof p !== "object" || Array.isArray(p)) return null;
  const { action, subjectId, inputHash: hash, preparedAt } = p;
  if (typeof action !== "string" || (subjectId !== null && typeof subjectId !== "string") || typeof hash !== "string" || typeof preparedAt !== "string") return null;
  return { action, subjectId, inputHash: hash, preparedAt };
}
