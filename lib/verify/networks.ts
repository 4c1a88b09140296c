import type { KeyTrail, MilestoneRecord, TrailResult } from "./types";

// Verification across several networks (issue 16: proofs that outlive a testnet). Each batch
// root may be anchored on more than one EVM network; a bundle (or the database) CLAIMS where.
// A claim is only a claim: each network the verifier can reach is read, and each gives its own
// verdict. Pure and browser-safe: the readers are called by the bundle and database verifiers.
//
// The rule (docs/PROOF-FORMAT.md §12): a trail verifies when at least one network the verifier
// trusts proves all of it (every milestone verified, the trail complete), and no reachable
// network contradicts it. A root the claims put on a network that does not hold it is a
// contradiction ("root-missing"), never skipped; so is any altered, forked, truncated or
// untrusted verdict there. A network that does not answer is "unreachable": it neither proves
// nor contradicts. A network named in the claims that the verifier was given no trust inputs
// for is "not-checked".

/** Where a root is claimed to be anchored: one entry per root and network. */
export interface RootAnchoring {
  root: string;
  network: string;
  txHash: string | null;
  blockNumber: number | null;
  /** The database's view (absent in a bundle): "unconfirmed" while its transaction is not confirmed there. */
  dbStatus?: "confirmed" | "unconfirmed";
}

export const NETWORK_OUTCOMES = ["verified", "incomplete", "root-missing", "mismatched", "unreachable", "not-checked"] as const;
/**
 * verified: reachable, every milestone anchored there and the trail complete.
 * incomplete: reachable, nothing contradicts the trail, but not all of it is anchored there (yet).
 * root-missing: a root claimed on this network is not there.
 * mismatched: the network contradicts the trail (altered, missing, forked, truncated, untrusted, signatures).
 * unreachable: no answer (or no registry at the trusted address, or another chain served).
 * not-checked: claimed, but the verifier has no trust inputs (registry, deployment block, anchorers) for it.
 */
export type NetworkOutcome = (typeof NETWORK_OUTCOMES)[number];

export interface NetworkCheck<R extends TrailResult = TrailResult> {
  network: string;
  chainId: string | null;
  contractAddress: string | null;
  outcome: NetworkOutcome;
  /** One sentence for the person verifying. */
  reason: string;
  /** Roots the claims put on this network. */
  claimedRoots: number;
  /** The verdict on this network (absent when unreachable or not checked). */
  result?: R;
}

export interface NetworksVerdict<R extends TrailResult = TrailResult> {
  ok: boolean;
  reason: string;
  networks: NetworkCheck<R>[];
  /** The network that proves the trail (the first verified one), if any. */
  proving: string | null;
}

/** Statuses that contradict the trail wherever they appear (pending and verified do not). */
const CONTRADICTIONS = new Set(["altered", "missing", "forked", "untrusted", "bad-signature", "unsigned", "truncated"]);

/** The outcome of one reachable network's verdict. */
export function networkOutcome(result: TrailResult): { outcome: NetworkOutcome; reason: string } {
  const missing = result.results.filter((r) => r.status === "not-on-chain");
  if (missing.length > 0) {
    return { outcome: "root-missing", reason: `Milestone${missing.length === 1 ? "" : "s"} ${missing.map((r) => r.seq).join(", ")}: claimed anchored here, but not on this network.` };
  }
  const contradicted = result.results.filter((r) => CONTRADICTIONS.has(r.status));
  if (contradicted.length > 0 || result.trail.status === "forked" || result.trail.status === "truncated") {
    const which = contradicted.map((r) => `${r.seq} ${r.status}`);
    return { outcome: "mismatched", reason: `This network contradicts the trail: ${which.length ? which.join(", ") : `trail ${result.trail.status}`}.` };
  }
  if (result.ok) return { outcome: "verified", reason: `Every milestone is anchored here and the trail is ${result.trail.status}.` };
  const pending = result.results.filter((r) => r.status === "pending").length;
  return { outcome: "incomplete", reason: `Nothing here contradicts the trail, but ${pending} milestone${pending === 1 ? " is" : "s are"} not anchored here (yet).` };
}

/** The verdict over every network: one proves it, none contradicts it. */
export function combineNetworks<R extends TrailResult>(networks: NetworkCheck<R>[]): NetworksVerdict<R> {
  const proving = networks.find((n) => n.outcome === "verified")?.network ?? null;
  const against = networks.filter((n) => n.outcome === "root-missing" || n.outcome === "mismatched");
  if (against.length > 0) {
    return { ok: false, proving, networks, reason: `Not verified: ${against.map((n) => `${n.network} (${n.outcome})`).join(", ")} contradict${against.length === 1 ? "s" : ""} the trail.` };
  }
  if (!proving) {
    const reachable = networks.filter((n) => n.outcome === "incomplete");
    return {
      ok: false,
      proving,
      networks,
      reason: reachable.length > 0 ? "Not verified: no network holds the whole trail." : "Not verified: no network the verifier trusts could be read.",
    };
  }
  const down = networks.filter((n) => n.outcome === "unreachable").map((n) => n.network);
  return { ok: true, proving, networks, reason: `Verified on ${proving}${down.length ? `; ${down.join(", ")} unreachable` : ""}.` };
}

/**
 * The trail as one network sees it. Every root is looked up there, claimed or not: a root the
 * claims put on this network must be there (else "not-on-chain": a claim the chain denies), with
 * the transaction named there; a root not claimed here proves the milestone if it is there (a
 * bundle exported before a reanchor still verifies on the new network) and leaves it pending if
 * not (the `unconfirmed` mark: nothing was claimed here, so absence contradicts nothing).
 */
export function recordsOnNetwork(records: readonly MilestoneRecord[], anchorings: readonly RootAnchoring[], network: string): MilestoneRecord[] {
  const here = claimsOn(anchorings, network);
  return records.map((r) => {
    if (!r.root) return r;
    const claim = here.get(r.root.toLowerCase());
    if (!claim) return { ...r, txHash: null, blockNumber: null, dbStatus: "unconfirmed" as const };
    const { dbStatus: _dbStatus, ...rest } = r;
    return { ...rest, txHash: claim.txHash, blockNumber: claim.blockNumber, ...(claim.dbStatus ? { dbStatus: claim.dbStatus } : {}) };
  });
}

/**
 * The key trails as one network sees them: a key event's root only where claimed on it (an
 * unclaimed one waits: a signature check reads a key root missing there as a bad key).
 */
export function keyTrailsOnNetwork(trails: readonly KeyTrail[], anchorings: readonly RootAnchoring[], network: string): KeyTrail[] {
  const here = claimsOn(anchorings, network);
  return trails.map((t) => ({ ...t, events: t.events.map((e) => (e.root && here.has(e.root.toLowerCase()) ? e : { ...e, root: null })) }));
}

function claimsOn(anchorings: readonly RootAnchoring[], network: string): Map<string, RootAnchoring> {
  return new Map(anchorings.filter((a) => a.network === network).map((a) => [a.root.toLowerCase(), a]));
}

/** How many distinct roots the claims put on `network`. */
export function claimedRootCount(anchorings: readonly RootAnchoring[], network: string): number {
  return claimsOn(anchorings, network).size;
}
