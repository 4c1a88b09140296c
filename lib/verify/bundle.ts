import { getAddress } from "ethers";
import { z } from "zod";
import { creditKey } from "@/lib/anchoring/credit-key";
import { verifyTrail } from "./check";
import { completePolicy, readChainEvidence, readKeyTrailEvidence } from "./evidence";
import { signingOrganizations, withSignatureChecks } from "./signatures";
import type { AnchorReader } from "./reader";
import { type NetworkCheck, type NetworksVerdict, type RootAnchoring, claimedRootCount, combineNetworks, keyTrailsOnNetwork, networkOutcome, recordsOnNetwork } from "./networks";
import { DEFAULT_LATE_ANCHOR_SECONDS, type KeyTrail, type MilestoneRecord, type TrailResult, type VerificationWarning } from "./types";

// The proof bundle: everything a third party needs to verify a credit's trail with nothing but
// an RPC endpoint and the registry address they trust (docs/PROOF-FORMAT.md). Browser-safe: the
// public /verify page checks bundles in the browser, and `npm run verify` on the command line.

export const BUNDLE_FORMAT = "tradetrail.proof-bundle";
/**
 * The version this code exports; it reads versions 1 to 4. Version 3 adds signatures and the
 * signers' key trails (issue 14); version 4 every network each root is anchored on (issue 16).
 */
export const BUNDLE_VERSION = 4;

/** A network the exporter anchored on (version 4): its name, chain and registry, as the exporter states them. */
export interface BundleNetwork {
  name: string;
  chainId: string;
  contractAddress: string;
}

/** One anchoring of one root on one network (version 4): a claim a verifier checks against that network's chain. */
export type BundleAnchoring = Omit<RootAnchoring, "dbStatus">;

/**
 * A milestone in a bundle: a verifier's MilestoneRecord (lib/verify/types.ts) without the credit
 * id, which the bundle states once, and without the database's status. `txHash` is checked
 * against the chain; `blockNumber` is informative: the contract is the authority.
 */
export type BundleMilestone = Omit<MilestoneRecord, "creditId" | "dbStatus">;

export interface ProofBundle {
  format: typeof BUNDLE_FORMAT;
  version: 1 | 2 | 3 | 4;
  exportedAt: string;
  /**
   * The chain id (a decimal string) and the registry the exporter anchored to. A verifier checks
   * against the registry IT trusts, and warns when the two differ.
   */
  chain: { chainId: string; contractAddress: string };
  /**
   * `id` is part of every digest and of the credit's key on chain. `reference` (TT-2026-000042)
   * is a label from the exporter: it is in no digest, so verifiers show it as unverified.
   */
  credit: { id: string; reference: string };
  milestones: BundleMilestone[];
  /** Version 3: the key trails of the organisations the credit's first milestone names as its parties. */
  organizations?: KeyTrail[];
  /**
   * Version 4: every network the exporter anchors on, the first being `chain` (the network the
   * milestones' txHash and blockNumber name).
   */
  networks?: BundleNetwork[];
  /** Version 4: every anchoring of every root in the bundle (milestones' and key events'), on any network. */
  anchorings?: BundleAnchoring[];
}

const hex32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/, "expected 0x and 64 hex digits");

/** Numbers in content must be safe integers: beyond 2^53 or with fractions, JSON readers disagree on them. */
function unsafeNumber(value: unknown, path: string): string | null {
  if (typeof value === "number") return Number.isSafeInteger(value) ? null : `${path || "content"} holds ${value}, which is not a safe integer`;
  if (Array.isArray(value)) {
    // Stryker disable next-line EqualityOperator: value[value.length] is undefined, which holds no number
    for (let i = 0; i < value.length; i++) {
      const problem = unsafeNumber(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const problem = unsafeNumber(child, path ? `${path}.${key}` : key);
      if (problem) return problem;
    }
  }
  return null;
}

const content = z.json().superRefine((value, ctx) => {
  const problem = unsafeNumber(value, "");
  // Stryker disable next-line StringLiteral: only the issue's path and message are shown, whatever its code
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const milestoneSchema = z.object({
  seq: z.number().int().min(1).max(0xffffffff),
  kind: z.string().min(1),
  content,
  documentHashes: z.array(z.string().regex(/^(0x)?[0-9a-fA-F]{64}$/, "expected a SHA-256 hash: 64 hex digits")),
  prevDigest: hex32,
  salt: hex32,
  digest: hex32,
  proof: z.array(hex32),
  root: hex32.nullable(),
  txHash: hex32.nullable().default(null),
  blockNumber: z.number().int().min(0).nullable().default(null),
  recordedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  signatures: z
    .array(
      z.object({
        role: z.enum(["actor", "maker"]),
        credentialId: z.string().min(1),
        authenticatorData: z.string(),
        clientDataJSON: z.string(),
        signature: z.string(),
        covers: z.object({ from: z.number().int().min(1), to: z.number().int().min(1) }).optional(),
      }),
    )
    .nullable()
    .optional(),
});

const keyTrailSchema = z.object({
  organizationId: z.string().min(1),
  events: z.array(
    z.object({
      seq: z.number().int().min(1).max(0xffffffff),
      kind: z.string().min(1),
      content,
      prevDigest: hex32,
      salt: hex32,
      digest: hex32,
      proof: z.array(hex32),
      root: hex32.nullable(),
    }),
  ),
});

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "expected a 0x-prefixed 20-byte address");

const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT, { error: `expected "${BUNDLE_FORMAT}": this is not a TradeTrail proof bundle` }),
  version: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "this verifier reads versions 1 to 4 of the format" }),
  exportedAt: z.string(),
  chain: z.object({
    chainId: z.union([z.string().regex(/^\d+$/, "expected a decimal chain id"), z.number().int().min(0).transform(String)]),
    contractAddress: address,
  }),
  credit: z.object({ id: z.string().min(1), reference: z.string() }),
  milestones: z.array(milestoneSchema),
  organizations: z.array(keyTrailSchema).optional(),
  networks: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'expected a lower-case network name (a letter, then letters, digits or "-")'),
        chainId: z.string().regex(/^\d+$/, "expected a decimal chain id"),
        contractAddress: address,
      }),
    )
    .optional(),
  anchorings: z
    .array(
      z.object({
        root: hex32,
        network: z.string().min(1),
        txHash: hex32.nullable(),
        blockNumber: z.number().int().min(0).nullable(),
      }),
    )
    .optional(),
});

export type ParsedBundle = { ok: true; bundle: ProofBundle } | { ok: false; error: string };

/**
 * Checks that `input` (JSON text or a parsed value) is a proof bundle; the error names each bad
 * field. A malformed value anywhere refuses the whole bundle: a verifier never guesses.
 */
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
  if (!result.success) {
    const problems = result.error.issues.slice(0, 5).map((issue) => `${issue.path.length ? issue.path.join(".") : "(the file)"}: ${issue.message}`);
    const more = result.error.issues.length > 5 ? ` (and ${result.error.issues.length - 5} more)` : "";
    return { ok: false, error: `This is not a valid proof bundle. ${problems.join("; ")}${more}.` };
  }
  const bundle = result.data as ProofBundle;
  // Version 2 settles the chain id's type: a decimal string (version 1 also took a number).
  if (bundle.version >= 2 && typeof (value as { chain: { chainId: unknown } }).chain.chainId !== "string") {
    return { ok: false, error: "This is not a valid proof bundle. chain.chainId: expected a decimal string in version 2." };
  }
  const problem = bundle.version >= 4 ? networksProblem(bundle) : null;
  if (problem) return { ok: false, error: `This is not a valid proof bundle. ${problem}.` };
  return { ok: true, bundle };
}

/** What is wrong with a version 4 bundle's networks and anchorings, or null. */
function networksProblem(bundle: ProofBundle): string | null {
  const networks = bundle.networks;
  if (!networks || networks.length === 0 || !bundle.anchorings) return "networks, anchorings: required in version 4";
  const names = new Set(networks.map((n) => n.name));
  if (names.size !== networks.length) return "networks: each network is named once";
  const first = networks[0]!;
  if (first.chainId !== bundle.chain.chainId || first.contractAddress.toLowerCase() !== bundle.chain.contractAddress.toLowerCase()) {
    return "networks: the first network must be the bundle's chain";
  }
  const unknown = bundle.anchorings.find((a) => !names.has(a.network));
  if (unknown) return `anchorings: network "${unknown.network}" is not among the bundle's networks`;
  const seen = new Set<string>();
  for (const a of bundle.anchorings) {
    const key = `${a.root.toLowerCase()} ${a.network}`;
    if (seen.has(key)) return `anchorings: root ${a.root} is listed twice on ${a.network}`;
    seen.add(key);
  }
  const anchored = new Set(bundle.anchorings.map((a) => a.root.toLowerCase()));
  const orphan = bundle.milestones.find((m) => m.root !== null && !anchored.has(m.root.toLowerCase()));
  if (orphan) return `milestones: seq ${orphan.seq} names root ${orphan.root} that no anchoring lists`;
  // The milestones' own transaction fields are the first network's claim, said twice: the same, or refused.
  const onFirst = new Map(bundle.anchorings.filter((a) => a.network === first.name).map((a) => [a.root.toLowerCase(), a]));
  const disagreeing = bundle.milestones.find((m) => {
    const claim = m.root ? onFirst.get(m.root.toLowerCase()) : undefined;
    return (claim?.txHash?.toLowerCase() ?? null) !== (m.txHash?.toLowerCase() ?? null);
  });
  if (disagreeing) return `milestones: seq ${disagreeing.seq} names transaction ${disagreeing.txHash ?? "none"}, but the anchorings name ${onFirst.get(disagreeing.root?.toLowerCase() ?? "")?.txHash ?? "none"} on ${first.name}`;
  return null;
}

/**
 * The bundle's networks and anchorings; for versions 1 to 3 (one network), derived from `chain`
 * (named "chain-<chain id>") and each milestone's root and transaction.
 */
export function bundleNetworks(bundle: ProofBundle): { networks: BundleNetwork[]; anchorings: BundleAnchoring[] } {
  if (bundle.version >= 4 && bundle.networks && bundle.anchorings) return { networks: bundle.networks, anchorings: bundle.anchorings };
  const name = `chain-${bundle.chain.chainId}`;
  const anchorings = new Map<string, BundleAnchoring>();
  for (const m of bundle.milestones) {
    if (m.root && !anchorings.has(m.root.toLowerCase())) anchorings.set(m.root.toLowerCase(), { root: m.root, network: name, txHash: m.txHash, blockNumber: m.blockNumber });
  }
  for (const e of (bundle.organizations ?? []).flatMap((t) => t.events)) {
    if (e.root && !anchorings.has(e.root.toLowerCase())) anchorings.set(e.root.toLowerCase(), { root: e.root, network: name, txHash: null, blockNumber: null });
  }
  return { networks: [{ name, chainId: String(bundle.chain.chainId), contractAddress: bundle.chain.contractAddress }], anchorings: [...anchorings.values()] };
}

/**
 * The bundle as one network sees it (a version 3 view): that network's chain and registry as
 * the bundle names them, each milestone's root kept only where the bundle claims it anchored
 * there, with the transaction it names there. `fallback`: the chain for a network the bundle
 * does not name (the verifier's own), where every milestone then waits.
 */
export function bundleOnNetwork(bundle: ProofBundle, network: string, fallback?: { chainId: string; contractAddress: string }): ProofBundle & { records: MilestoneRecord[] } {
  const { networks, anchorings } = bundleNetworks(bundle);
  const named = networks.find((n) => n.name === network);
  const chain = named ? { chainId: named.chainId, contractAddress: named.contractAddress } : fallback;
  if (!chain) throw new Error(`The bundle names no network "${network}".`);
  const records = recordsOnNetwork(bundleRecords(bundle), anchorings, network);
  return {
    format: bundle.format,
    version: 3,
    exportedAt: bundle.exportedAt,
    chain,
    credit: bundle.credit,
    milestones: records.map(({ creditId: _creditId, dbStatus: _dbStatus, ...m }) => m),
    organizations: keyTrailsOnNetwork(bundle.organizations ?? [], anchorings, network),
    // As the verifier reads them: a root not claimed on this network marked so (absent there, it contradicts nothing).
    records,
  };
}

/** The bundle's milestones as the trail verifier reads them. */
export function bundleRecords(bundle: ProofBundle): MilestoneRecord[] {
  return bundle.milestones.map((m) => ({ ...m, creditId: bundle.credit.id }));
}

export interface BundleVerifyOptions {
  /** Confirmation depth (1: the latest block counts). */
  confirmations?: number;
  /** Accounts allowed to anchor; null or absent: current holders of the anchorer role (with a warning). */
  allowedAnchorers?: readonly string[] | null;
  lateAnchorSeconds?: number;
  /** First block searched for logs (the registry's deployment block, from a source you trust). */
  fromBlock?: number;
}

/** What a bundle verification adds to the trail's verdict. */
export interface BundleResult extends TrailResult {
  creditKey: string;
}

/**
 * Verifies a bundle against the registry the READER names (the one the verifier trusts; the
 * bundle's own address only raises a warning when it differs): each digest recomputed from its
 * inputs, each proof to its root, each root read from the contract at a confirmation depth, the
 * credit's heads on chain compared with the trail, the anchorers checked. Throws when nothing
 * can be checked (wrong chain, unreachable endpoint, no registry there).
 */
export async function verifyBundle(bundle: ProofBundle, reader: AnchorReader, options: BundleVerifyOptions = {}): Promise<BundleResult> {
  // Version 4: as the bundle's first network sees it (a root anchored only elsewhere waits here, not "not on chain").
  if (bundle.version >= 4) {
    const view = bundleOnNetwork(bundle, bundleNetworks(bundle).networks[0]!.name);
    return verifyOn(view, view.records, view.organizations ?? [], reader, options);
  }
  return verifyOn(bundle, bundleRecords(bundle), bundle.organizations ?? [], reader, options);
}

/** verifyBundle with the records and key trails as one network sees them (bundleOnNetwork), `bundle.chain` being that network's. */
async function verifyOn(bundle: ProofBundle, records: MilestoneRecord[], trails: KeyTrail[], reader: AnchorReader, options: BundleVerifyOptions): Promise<BundleResult> {
  if (reader.chainId) {
    const served = await reader.chainId();
    if (served !== BigInt(bundle.chain.chainId)) {
      throw new Error(`The RPC endpoint serves chain ${served}, but this bundle was anchored on chain ${bundle.chain.chainId}: use an endpoint of chain ${bundle.chain.chainId}.`);
    }
  }
  const evidence = await readChainEvidence(reader, records, { creditId: bundle.credit.id, confirmations: options.confirmations ?? 1, fromBlock: options.fromBlock });
  const policy = await completePolicy(reader, evidence, {
    allowedAnchorers: options.allowedAnchorers ?? null,
    lateAnchorSeconds: options.lateAnchorSeconds ?? DEFAULT_LATE_ANCHOR_SECONDS,
  });
  const trail = verifyTrail(records, evidence, policy);
  // Signatures (issue 14): checked against the key trails the bundle carries, and the chain's heads for each party's organisation.
  const result = await withSignatureChecks(trail, records, trails, await readKeyTrailEvidence(reader, trails, signingOrganizations(records), evidence, options.fromBlock));
  const warnings: VerificationWarning[] = [];
  const named = getAddress(bundle.chain.contractAddress);
  if (named !== reader.contractAddress) {
    warnings.push({
      code: "registry-mismatch",
      message: `This bundle names registry ${named}, but it was checked against ${reader.contractAddress}, the registry you trust. A bundle is only as good as the registry it is checked against: do not use the bundle's address.`,
    });
  }
  warnings.push({ code: "reference-unverified", message: `The reference "${bundle.credit.reference}" is the exporter's label: it is in no digest and is not verified.` });
  return { ...result, warnings: [...warnings, ...result.warnings], creditKey: creditKey(bundle.credit.id) };
}

/** Error codes of an endpoint that is down or unknown (Node's network errors, ethers' timeout). */
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "TIMEOUT"]);

/** What a verifier trusts on one network, given out of band (never taken from the bundle). */
export interface NetworkTrust extends BundleVerifyOptions {
  /** The network's name, as bundles name it. */
  name: string;
  reader: AnchorReader;
  /** The chain the verifier expects there (needed only for a network the bundle does not name). */
  chainId?: string;
}

/**
 * Verifies a bundle on every network: each one the verifier trusts is read (a claim of the bundle
 * is checked against that network's chain, never taken on its word), each named by the bundle
 * but not trusted is reported "not-checked". Never throws for a network that does not answer: it
 * is "unreachable".
 */
export async function verifyBundleOnNetworks(bundle: ProofBundle, trusts: readonly NetworkTrust[]): Promise<NetworksVerdict<BundleResult>> {
  const { networks, anchorings } = bundleNetworks(bundle);
  const names = [...new Set([...networks.map((n) => n.name), ...trusts.map((t) => t.name)])];
  const checks = await Promise.all(
    names.map(async (name): Promise<NetworkCheck<BundleResult>> => {
      const named = networks.find((n) => n.name === name);
      const trust = trusts.find((t) => t.name === name);
      const claimedRoots = claimedRootCount(anchorings, name);
      const base = { network: name, chainId: named?.chainId ?? trust?.chainId ?? null, contractAddress: trust?.reader.contractAddress ?? null, claimedRoots };
      if (!trust) {
        return { ...base, outcome: "not-checked", reason: `The bundle claims ${claimedRoots} root${claimedRoots === 1 ? "" : "s"} here, but no registry was given for ${name}: not checked.` };
      }
      try {
        const chainId = named?.chainId ?? trust.chainId ?? (trust.reader.chainId ? String(await trust.reader.chainId()) : undefined);
        if (!chainId) throw new Error(`No chain id known for ${name}.`);
        const view = bundleOnNetwork(bundle, name, { chainId, contractAddress: trust.reader.contractAddress });
        const result = await verifyOn(view, view.records, view.organizations ?? [], trust.reader, trust);
        return { ...base, chainId, ...networkOutcome(result), result };
      } catch (error) {
        const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
        const down = UNREACHABLE.has(String((error as { code?: unknown }).code));
        return { ...base, outcome: "unreachable", reason: down ? `Not read: the RPC endpoint does not answer (${message}).` : `Not read: ${message}` };
      }
    }),
  );
  return combineNetworks(checks);
}
