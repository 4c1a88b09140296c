import { z } from "zod";
import { rootsOf, verifyTrail } from "./check";
import type { AnchorReader } from "./reader";
import type { MilestoneRecord, TrailResult } from "./types";

// The proof bundle: everything a third party needs to verify a credit's trail with nothing but
// an RPC endpoint (docs/PROOF-FORMAT.md). Browser-safe: the public /verify page checks bundles
// in the browser, and `npm run verify` on the command line.

export const BUNDLE_FORMAT = "tradetrail.proof-bundle";
export const BUNDLE_VERSION = 1;

/**
 * A milestone in a bundle: a verifier's MilestoneRecord (lib/verify/types.ts) without the credit
 * id, which the bundle states once, and without the database's status. `txHash` and
 * `blockNumber` are informative: the contract is the authority.
 */
export type BundleMilestone = Omit<MilestoneRecord, "creditId" | "dbStatus">;

export interface ProofBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  exportedAt: string;
  /** The chain id as a decimal string, and the AnchorRegistry's address on it. */
  chain: { chainId: string; contractAddress: string };
  /** `id` is part of every digest; `reference` is the human reference (TT-2026-000042). */
  credit: { id: string; reference: string };
  milestones: BundleMilestone[];
}

const hex32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/, "expected 0x and 64 hex digits");

const milestoneSchema = z.object({
  seq: z.number().int().min(1).max(0xffffffff),
  kind: z.string().min(1),
  content: z.json(),
  documentHashes: z.array(z.string().regex(/^(0x)?[0-9a-fA-F]{64}$/, "expected a SHA-256 hash: 64 hex digits")),
  prevDigest: hex32,
  salt: hex32,
  digest: hex32,
  proof: z.array(hex32),
  root: hex32.nullable(),
  txHash: hex32.nullable().default(null),
  blockNumber: z.number().int().min(0).nullable().default(null),
});

const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT, { error: `expected "${BUNDLE_FORMAT}": this is not a TradeTrail proof bundle` }),
  version: z.literal(BUNDLE_VERSION, { error: `this verifier reads version ${BUNDLE_VERSION} of the format` }),
  exportedAt: z.string(),
  chain: z.object({
    chainId: z.union([z.string().regex(/^\d+$/, "expected a decimal chain id"), z.number().int().min(0).transform(String)]),
    contractAddress: z.string().regex(/^0x[0-9a-fA-F]{40}$/, "expected a 0x-prefixed 20-byte address"),
  }),
  credit: z.object({ id: z.string().min(1), reference: z.string() }),
  milestones: z.array(milestoneSchema),
});

// The schema must produce exactly the documented type.
const _schemaMatchesType: z.ZodType<ProofBundle, unknown> = bundleSchema;
void _schemaMatchesType;

export type ParsedBundle = { ok: true; bundle: ProofBundle } | { ok: false; error: string };

/** Checks that `input` (JSON text or a parsed value) is a proof bundle; the error names each bad field. */
export function parseBundle(input: unknown): ParsedBundle {
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, error: `The bundle is not JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const result = bundleSchema.safeParse(value);
  if (result.success) return { ok: true, bundle: result.data };
  const problems = result.error.issues.slice(0, 5).map((issue) => `${issue.path.length ? issue.path.join(".") : "(the file)"}: ${issue.message}`);
  const more = result.error.issues.length > 5 ? ` (and ${result.error.issues.length - 5} more)` : "";
  return { ok: false, error: `This is not a valid proof bundle. ${problems.join("; ")}${more}.` };
}

/** The bundle's milestones as the trail verifier reads them. */
export function bundleRecords(bundle: ProofBundle): MilestoneRecord[] {
  return bundle.milestones.map((m) => ({ ...m, creditId: bundle.credit.id }));
}

/**
 * Verifies a bundle: each digest recomputed from its inputs, each proof to its root, each root
 * read from the contract (one batched read), and the chain of digests complete from seq 1.
 * Throws when nothing can be checked (wrong chain, unreachable endpoint, no contract there).
 */
export async function verifyBundle(bundle: ProofBundle, reader: AnchorReader): Promise<TrailResult> {
  if (reader.chainId) {
    const served = await reader.chainId();
    if (served !== BigInt(bundle.chain.chainId)) {
      throw new Error(`The RPC endpoint serves chain ${served}, but this bundle was anchored on chain ${bundle.chain.chainId}: use an endpoint of chain ${bundle.chain.chainId}.`);
    }
  }
  const records = bundleRecords(bundle);
  const anchors = await reader.anchorsOf(rootsOf(records));
  return verifyTrail(records, anchors);
}
