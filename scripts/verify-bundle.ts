import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { getAddress } from "ethers";
import { type NetworkTrust, bundleNetworks, parseBundle, verifyBundleOnNetworks } from "@/lib/verify/bundle";
import { rpcAnchorReader, verifierProvider } from "@/lib/verify/reader";
import type { MilestoneCheck } from "@/lib/verify/types";

// npm run verify -- bundle.json --rpc URL --contract 0x… [--anchorer 0x… …] [--confirmations N]
// npm run verify -- bundle.json --rpc URL --contract 0x… --rpc hoodi=URL --contract hoodi=0x… --from-block hoodi=N …
//
// Several networks (issue 16): a value prefixed with a network's name (as the bundle names it)
// is that network's; an unprefixed one is the bundle's first network's. Every network given is
// read and reported; the trail verifies when one proves all of it and no reachable one
// contradicts it (docs/PROOF-FORMAT.md §12).
//
// Verifies a proof bundle with nothing but the file, a JSON-RPC endpoint you trust and the
// registry address you trust (published in the README, on audit certificates and in the
// operator's DNS TXT record: docs/AUDITING.md). No database, no TradeTrail configuration. The
// address is never taken from the bundle. Exit 0: every milestone verified and the trail
// complete; 1: something did not verify; 2: the command could not check (bad arguments,
// unreadable file, chain unreachable, no registry at the address).

const USAGE = `Usage: npm run verify -- <bundle.json> --rpc <JSON-RPC URL> --contract <AnchorRegistry address> [options]

  --rpc            An endpoint of the chain named in the bundle (any node you trust).
  --contract       The AnchorRegistry you trust (or ANCHOR_CONTRACT_ADDRESS). Never the bundle's.
  --anchorer       An allowed anchorer address; repeat for several. Without it, any account that
                   holds the registry's anchorer role is accepted (with a warning).
  --confirmations  How deep a block to read at (default 1 on the local chain 31337, else 6).
  --from-block     The registry's deployment block: where the search for the credit's heads starts (default 0).
  --late-hours     Warn about milestones anchored more than this many hours after recording (default 24).

  Several networks: prefix --rpc, --contract, --anchorer and --from-block with a network's name
  as the bundle names it (--rpc hoodi=https://… --contract hoodi=0x…); unprefixed values are the
  bundle's first network's. Each network given is checked and reported: the trail verifies when
  one proves all of it and none that answers contradicts it.`;

class UsageError extends Error {}

function address(value: string, flag: string): string {
  try {
    return getAddress(value.trim());
  } catch {
    throw new UsageError(`${flag} must be a 0x-prefixed 20-byte address, got "${value}".`);
  }
}

function wholeNumber(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag} must be a whole number of at least ${min}, got "${value}".`);
  return Number(value);
}

function options() {
  try {
    const { values, positionals } = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        rpc: { type: "string", multiple: true },
        contract: { type: "string", multiple: true },
        anchorer: { type: "string", multiple: true },
        confirmations: { type: "string" },
        "from-block": { type: "string", multiple: true },
        "late-hours": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "Name the bundle file to verify." : "Verify one bundle at a time.");
    if (!values.rpc) throw new UsageError("--rpc is required: the JSON-RPC URL of the chain the bundle was anchored on.");
    // Per network ("" is the bundle's first network): what the verifier trusts there.
    const networks = new Map<string, { rpcUrl?: string; contract?: string; fromFlag: boolean; anchorers: string[] | null; fromBlock?: number }>();
    const of = (name: string) => networks.get(name) ?? networks.set(name, { fromFlag: false, anchorers: null }).get(name)!;
    for (const raw of values.rpc) {
      const [name, url] = prefixed(raw);
      if (!/^https?:\/\//.test(url)) throw new UsageError(`--rpc must be an http(s):// URL, got "${raw}".`);
      of(name).rpcUrl = url;
    }
    for (const raw of values.contract ?? []) {
      const [name, value] = prefixed(raw);
      Object.assign(of(name), { contract: address(value, "--contract"), fromFlag: true });
    }
    for (const raw of values.anchorer ?? []) {
      const [name, value] = prefixed(raw);
      of(name).anchorers = [...(of(name).anchorers ?? []), address(value, "--anchorer")];
    }
    for (const raw of values["from-block"] ?? []) {
      const [name, value] = prefixed(raw);
      of(name).fromBlock = wholeNumber(value, "--from-block", 0);
    }
    const first = networks.get("");
    if (first && !first.contract && process.env.ANCHOR_CONTRACT_ADDRESS) first.contract = address(process.env.ANCHOR_CONTRACT_ADDRESS, "ANCHOR_CONTRACT_ADDRESS");
    for (const [name, n] of networks) {
      if (!n.rpcUrl) throw new UsageError(`--rpc ${name}=… is required: the JSON-RPC URL of network ${name}.`);
      if (!n.contract) {
        throw new UsageError(
          `--contract${name ? ` ${name}=…` : ""} is required: the AnchorRegistry address you trust${name ? ` on ${name}` : ""}, as the operator publishes it (README, audit certificate, DNS TXT record; see docs/AUDITING.md). A bundle's own address is never trusted.`,
        );
      }
    }
    return {
      file: positionals[0]!,
      networks,
      confirmations: wholeNumber(values.confirmations, "--confirmations", 1),
      lateHours: wholeNumber(values["late-hours"], "--late-hours", 1),
    };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** "hoodi=https://…" → ["hoodi", "https://…"]; an unprefixed value is the bundle's first network's (""). */
function prefixed(value: string): [string, string] {
  const match = /^([a-z][a-z0-9-]{0,31})=(.*)$/.exec(value);
  return match ? [match[1]!, match[2]!] : ["", value];
}

function line(r: MilestoneCheck): string {
  const status = r.status.toUpperCase().padEnd(13);
  const signers = r.signers?.length ? `\n${" ".repeat(6)}Signed by ${r.signers.map((s) => `${s.userName} (${s.role === "maker" ? "maker" : "took the step"}, key ${s.fingerprint})`).join("; ")}` : "";
  return `${String(r.seq).padStart(4)}  ${r.kind.padEnd(24)} ${status} ${r.reason}${signers}`;
}

async function main(): Promise<number> {
  let args: ReturnType<typeof options>;
  try {
    args = options();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }

  let text: string;
  try {
    text = await readFile(args.file, "utf8");
  } catch (error) {
    console.error(`Cannot read ${args.file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
    return 2;
  }
  const parsed = parseBundle(text);
  if (!parsed.ok) {
    console.error(`${args.file}: ${parsed.error}`);
    return 2;
  }
  const { bundle } = parsed;
  const named = bundleNetworks(bundle).networks;
  const firstName = named[0]!.name;
  const providers: ReturnType<typeof verifierProvider>[] = [];
  const trusts: NetworkTrust[] = [];
  for (const [key, n] of args.networks) {
    const name = key || firstName;
    // A network the bundle does not name (one its roots were copied to later): its chain is asked of the node.
    const chainId = named.find((m) => m.name === name)?.chainId;
    const provider = verifierProvider(n.rpcUrl!, chainId);
    providers.push(provider);
    trusts.push({
      name,
      reader: rpcAnchorReader(provider, n.contract!),
      confirmations: args.confirmations ?? (chainId === "31337" ? 1 : 6),
      allowedAnchorers: n.anchorers,
      fromBlock: n.fromBlock,
      lateAnchorSeconds: args.lateHours === undefined ? undefined : args.lateHours * 3600,
    });
  }
  let verdict;
  try {
    verdict = await verifyBundleOnNetworks(bundle, trusts);
  } finally {
    for (const provider of providers) provider.destroy();
  }
  const several = verdict.networks.length > 1;
  const checked = verdict.networks.filter((n) => n.result);
  if (checked.length === 0) {
    const reasons = verdict.networks.filter((n) => n.outcome === "unreachable").map((n) => (several ? `${n.network}: ` : "") + n.reason.replace(/^Not read: /, ""));
    console.error(`Nothing was verified: ${reasons.join("; ")}`);
    return 2;
  }
  // The network shown milestone by milestone: the one that proves the trail, else the first that contradicts it, else the first read.
  const shown =
    checked.find((n) => n.network === verdict.proving) ?? checked.find((n) => n.outcome === "root-missing" || n.outcome === "mismatched") ?? checked[0]!;
  const result = shown.result!;
  const trust = args.networks.get(shown.network === firstName ? "" : shown.network) ?? args.networks.get(shown.network)!;
  const confirmations = trusts.find((t) => t.name === shown.network)!.confirmations!;

  const against = result.checkedAgainst;
  console.log(`Credit ${bundle.credit.id} (labelled "${bundle.credit.reference}" by the exporter, unverified), exported ${bundle.exportedAt}`);
  if (several) {
    console.log("Networks:");
    for (const n of verdict.networks) {
      console.log(`  ${n.network.padEnd(16)} ${n.outcome.toUpperCase().padEnd(13)} ${n.chainId ? `chain ${n.chainId}` : ""}${n.contractAddress ? `, registry ${n.contractAddress}` : ""}: ${n.reason}`);
    }
    console.log(`Milestones as network ${shown.network} sees them:`);
  }
  console.log(
    `Checked against AnchorRegistry ${against.contractAddress} (version ${against.registryVersion}${trust.fromFlag ? ", given with --contract" : ", from ANCHOR_CONTRACT_ADDRESS"}) on chain ${against.chainId} at block ${against.atBlock} (${confirmations} confirmation${confirmations === 1 ? "" : "s"})`,
  );
  console.log(`Allowed anchorers: ${against.anchorers === null ? "any" : against.anchorers.length ? against.anchorers.join(", ") : "none found"}${trust.anchorers ? "" : " (not pinned: current holders of the anchorer role)"}`);
  console.log("");
  for (const warning of result.warnings.filter((w) => w.code === "registry-mismatch")) console.log(`WARNING: ${warning.message}\n`);
  for (const r of result.results) console.log(line(r));
  console.log("");
  console.log(`Trail: ${result.trail.status.toUpperCase()}. ${result.trail.reason}`);
  for (const warning of result.warnings.filter((w) => w.code !== "registry-mismatch")) console.log(`Warning: ${warning.message}`);
  console.log("");
  if (bundle.milestones.length === 0) {
    console.log("The bundle holds no milestones: nothing was verified.");
    return 1;
  }
  const others = Object.entries(result.counts)
    .filter(([status, n]) => status !== "verified" && n > 0)
    .map(([status, n]) => `${n} ${status}`);
  const verified = result.counts.verified;
  const milestones = result.results.filter((r) => r.status !== "truncated").length;
  console.log(
    verdict.ok
      ? `All ${verified} milestones verified; the trail is ${result.trail.status === "complete" ? "complete" : "not checked for completeness (version 1 registry)"}.`
      : `NOT VERIFIED: ${verified} of ${milestones} milestones verified${others.length ? `; ${others.join(", ")}` : ""}; trail ${result.trail.status}.`,
  );
  if (several) console.log(verdict.reason);
  return verdict.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
