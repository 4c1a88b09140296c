// The further networks of a proof bundle (all but its first) as /verify's form asks for them: a
// JSON-RPC endpoint and the registry the person verifying trusts on each. Prefilled with what this
// site publishes under the same name (CHAIN_NETWORKS), never with the bundle's own addresses.
// Browser-safe: no server settings are read here; the page hands the published networks in.

/** What this site publishes about a further network it anchors on. */
export interface PublishedNetwork {
  name: string;
  chainId: string;
  /** The registry's address (checksummed). */
  registry: string;
  /** Accounts allowed to anchor there; null: not pinned (the registry's role holders, with a warning). */
  anchorers: string[] | null;
  /** The registry's deployment block: where the search for heads starts. */
  fromBlock: number;
  confirmations: number;
}

/** One further network's row of the form, as typed. */
export interface NetworkInput {
  rpcUrl: string;
  registry: string;
}

/** A further network to check: its endpoint and registry, and the trust that goes with that registry. */
export interface NetworkPlan {
  name: string;
  rpcUrl: string;
  registry: string;
  anchorers: string[] | null;
  fromBlock: number;
  confirmations: number;
}

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const RPC_URL = /^https?:\/\/\S+$/;

/** The rows for `names`, each registry prefilled with the one published under that name (else empty). */
export function prefilledInputs(names: readonly string[], published: readonly PublishedNetwork[]): Record<string, NetworkInput> {
  return Object.fromEntries(names.map((name) => [name, { rpcUrl: "", registry: published.find((p) => p.name === name)?.registry ?? "" }]));
}

/**
 * The further networks to check: each row with both an endpoint and a registry. A row left with
 * no endpoint is not checked (the verdict says so); half a row or a malformed value is an error
 * naming the network. The published anchorers and deployment block go with the published registry
 * only: a registry typed in instead is checked against its role holders (with a warning), from block 0.
 */
export function furtherNetworkPlans(
  names: readonly string[],
  inputs: Readonly<Record<string, NetworkInput>>,
  published: readonly PublishedNetwork[],
  defaultConfirmations: number,
): { ok: true; plans: NetworkPlan[] } | { ok: false; error: string } {
  const plans: NetworkPlan[] = [];
  for (const name of names) {
    const rpcUrl = inputs[name]?.rpcUrl.trim() ?? "";
    const registry = inputs[name]?.registry.trim() ?? "";
    if (rpcUrl === "") continue;
    if (!RPC_URL.test(rpcUrl)) return { ok: false, error: `Network ${name}: the JSON-RPC endpoint must be an http:// or https:// address.` };
    if (!ADDRESS.test(registry)) return { ok: false, error: `Network ${name}: enter the address of the registry you trust there, 0x and 40 hex digits, or clear its endpoint to leave it unchecked.` };
    const same = published.find((p) => p.name === name && p.registry.toLowerCase() === registry.toLowerCase());
    plans.push({
      name,
      rpcUrl,
      registry,
      anchorers: same?.anchorers ?? null,
      fromBlock: same?.fromBlock ?? 0,
      confirmations: same?.confirmations ?? defaultConfirmations,
    });
  }
  return { ok: true, plans };
}
