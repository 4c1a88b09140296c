import { z } from "zod";
import { getAddress } from "ethers";
import { type Config, ConfigError, config } from "@/lib/config";
import { gweiToWei } from "@/lib/anchoring/fees";

// Additional networks every batch root is anchored on (issue 16: proofs that outlive a testnet).
// The batch's own network stays as it was configured (CHAIN_RPC_URL, ANCHOR_CONTRACT_ADDRESS, …:
// anchor_batches keeps its state); CHAIN_NETWORKS names the others, each configured by its own
// variables (CHAIN_<NAME>_RPC_URL, with the name upper-cased and "-" as "_"):
//
//   CHAIN_NETWORKS=hoodi,base-sepolia
//   CHAIN_HOODI_RPC_URL=https://…           one URL, or several separated by commas (failover)
//   CHAIN_HOODI_CHAIN_ID=560048             the chain the endpoint must serve (checked)
//   CHAIN_HOODI_CONTRACT_ADDRESS=0x…        the AnchorRegistry deployed there
//   CHAIN_HOODI_FROM_BLOCK=123              its deployment block (verifiers search logs from it)
//   CHAIN_HOODI_ALLOWED_ANCHORERS=0x…,0x…   the published anchorers there (verifiers pin them)
//   CHAIN_HOODI_SIGNER_KEY=0x…              optional: else ANCHOR_SIGNER_KEY
//   CHAIN_HOODI_CONFIRMATIONS, CHAIN_HOODI_MAX_FEE_GWEI, CHAIN_HOODI_PRIORITY_FEE_GWEI   optional: else the ANCHOR_… ones
//
// Unset CHAIN_NETWORKS: one network, exactly as before.

export const NETWORK_NAME = /^[a-z][a-z0-9-]{0,31}$/;

export interface NetworkSettings {
  /** Lower case, as anchor_network_anchorings and proof bundles spell it. */
  name: string;
  rpcUrls: string[];
  chainId: bigint;
  contractAddress: string;
  fromBlock: number;
  /** Checksummed; null: not pinned (verifiers accept current holders of the anchorer role, with a warning). */
  allowedAnchorers: string[] | null;
  signerKey: string | undefined;
  confirmations: number;
  maxFeePerGas: bigint;
  priorityFeePerGas: bigint;
}

/** The prefix of a network's variables: CHAIN_BASE_SEPOLIA_ for "base-sepolia". */
export const networkPrefix = (name: string) => `CHAIN_${name.toUpperCase().replaceAll("-", "_")}_`;

const hex = (bytes: number) => new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`);
const rpcUrls = z
  .string()
  .transform((v) => v.split(",").map((u) => u.trim()).filter((u) => u !== ""))
  .refine((urls) => urls.length > 0 && urls.every((u) => /^(https?|wss?):\/\//.test(u)), "expected an http(s):// JSON-RPC URL, or several separated by commas");
const gwei = z.string().trim().regex(/^\d{1,12}(\.\d{1,9})?$/, "expected an amount of gwei, such as 30 or 1.5");

const networkSchema = z.object({
  RPC_URL: rpcUrls,
  CHAIN_ID: z.string().trim().regex(/^[1-9]\d{0,18}$/, "expected the decimal chain id the endpoint serves"),
  CONTRACT_ADDRESS: z.string().trim().regex(hex(20), "expected a 0x-prefixed 20-byte address"),
  FROM_BLOCK: z.coerce.number().int().min(0).optional(),
  ALLOWED_ANCHORERS: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.split(",").every((a) => hex(20).test(a.trim())), "expected comma-separated 0x-prefixed 20-byte addresses"),
  SIGNER_KEY: z.string().trim().regex(hex(32), "expected a 0x-prefixed 32-byte hex private key").optional(),
  CONFIRMATIONS: z.coerce.number().int().min(0).max(64).optional(),
  MAX_FEE_GWEI: gwei.optional(),
  PRIORITY_FEE_GWEI: gwei.optional(),
});

/** The names in CHAIN_NETWORKS, lower case, each once (the order is kept). */
export function networkNames(value: string | undefined): string[] {
  const names = (value ?? "").split(",").map((n) => n.trim().toLowerCase()).filter((n) => n !== "");
  return [...new Set(names)];
}

/**
 * The additional networks CHAIN_NETWORKS configures, read from `env`; a ConfigError names every
 * bad or missing variable. `base` supplies the ANCHOR_… defaults.
 */
export function additionalNetworks(env: Record<string, string | undefined> = process.env, base: Config = config()): NetworkSettings[] {
  const problems: string[] = [];
  const networks: NetworkSettings[] = [];
  for (const name of networkNames(base.CHAIN_NETWORKS)) {
    if (!NETWORK_NAME.test(name)) {
      problems.push(`  CHAIN_NETWORKS: "${name}" is not a network name (a letter, then letters, digits or "-", at most 32)`);
      continue;
    }
    if (base.CHAIN_NAME === name) {
      problems.push(`  CHAIN_NETWORKS: "${name}" is the batch's own network (CHAIN_NAME); list only the others`);
      continue;
    }
    const prefix = networkPrefix(name);
    const raw: Record<string, string | undefined> = {};
    for (const key of Object.keys(networkSchema.shape)) {
      const value = env[prefix + key]?.trim();
      raw[key] = value === "" ? undefined : value;
    }
    const parsed = networkSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "?");
        problems.push(`  ${prefix}${key}: ${raw[key] === undefined ? `required for network "${name}" in CHAIN_NETWORKS` : issue.message}`);
      }
      continue;
    }
    const v = parsed.data;
    networks.push({
      name,
      rpcUrls: v.RPC_URL,
      chainId: BigInt(v.CHAIN_ID),
      contractAddress: getAddress(v.CONTRACT_ADDRESS),
      fromBlock: v.FROM_BLOCK ?? 0,
      allowedAnchorers: v.ALLOWED_ANCHORERS ? v.ALLOWED_ANCHORERS.split(",").map((a) => getAddress(a.trim())) : null,
      signerKey: v.SIGNER_KEY ?? base.ANCHOR_SIGNER_KEY,
      confirmations: v.CONFIRMATIONS ?? base.ANCHOR_CONFIRMATIONS,
      maxFeePerGas: gweiToWei(v.MAX_FEE_GWEI ?? base.ANCHOR_MAX_FEE_GWEI),
      priorityFeePerGas: gweiToWei(v.PRIORITY_FEE_GWEI ?? base.ANCHOR_PRIORITY_FEE_GWEI),
    });
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}\nSee .env.example for every variable.`);
  return networks;
}

/** The name proof bundles give the batch's own network: CHAIN_NAME, else "chain-<chain id>". */
export function primaryNetworkName(chainId: bigint, settings: Config = config()): string {
  return settings.CHAIN_NAME ?? `chain-${chainId}`;
}
