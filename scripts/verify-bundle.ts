import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { getAddress } from "ethers";
import { parseBundle, verifyBundle } from "@/lib/verify/bundle";
import { rpcAnchorReader, verifierProvider } from "@/lib/verify/reader";
import type { MilestoneCheck } from "@/lib/verify/types";

// npm run verify -- bundle.json --rpc URL --contract 0x… [--anchorer 0x… …] [--confirmations N]
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
  --late-hours     Warn about milestones anchored more than this many hours after recording (default 24).`;

class UsageError extends Error {}

/** Error codes of an endpoint that is down or unknown (Node's network errors, ethers' timeout). */
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "TIMEOUT"]);

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
        rpc: { type: "string" },
        contract: { type: "string" },
        anchorer: { type: "string", multiple: true },
        confirmations: { type: "string" },
        "from-block": { type: "string" },
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
    if (!/^https?:\/\//.test(values.rpc)) throw new UsageError(`--rpc must be an http(s):// URL, got "${values.rpc}".`);
    const contractValue = values.contract ?? process.env.ANCHOR_CONTRACT_ADDRESS;
    if (!contractValue) {
      throw new UsageError(
        "--contract is required: the AnchorRegistry address you trust, as the operator publishes it (README, audit certificate, DNS TXT record; see docs/AUDITING.md). A bundle's own address is never trusted.",
      );
    }
    return {
      file: positionals[0]!,
      rpcUrl: values.rpc,
      contract: address(contractValue, "--contract"),
      fromFlag: values.contract !== undefined,
      anchorers: values.anchorer?.map((a) => address(a, "--anchorer")) ?? null,
      confirmations: wholeNumber(values.confirmations, "--confirmations", 1),
      fromBlock: wholeNumber(values["from-block"], "--from-block", 0),
      lateHours: wholeNumber(values["late-hours"], "--late-hours", 1),
    };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
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
  const confirmations = args.confirmations ?? (bundle.chain.chainId === "31337" ? 1 : 6);

  const provider = verifierProvider(args.rpcUrl, bundle.chain.chainId);
  let result;
  try {
    result = await verifyBundle(bundle, rpcAnchorReader(provider, args.contract), {
      confirmations,
      allowedAnchorers: args.anchorers,
      fromBlock: args.fromBlock,
      lateAnchorSeconds: args.lateHours === undefined ? undefined : args.lateHours * 3600,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const unreachable = UNREACHABLE.has(String((error as { code?: unknown }).code));
    console.error(unreachable ? `Nothing was verified: the RPC endpoint ${args.rpcUrl} does not answer (${message}).` : `Nothing was verified: ${message}`);
    return 2;
  } finally {
    provider.destroy();
  }

  const against = result.checkedAgainst;
  console.log(`Credit ${bundle.credit.id} (labelled "${bundle.credit.reference}" by the exporter, unverified), exported ${bundle.exportedAt}`);
  console.log(
    `Checked against AnchorRegistry ${against.contractAddress} (version ${against.registryVersion}${args.fromFlag ? ", given with --contract" : ", from ANCHOR_CONTRACT_ADDRESS"}) on chain ${against.chainId} at block ${against.atBlock} (${confirmations} confirmation${confirmations === 1 ? "" : "s"})`,
  );
  console.log(`Allowed anchorers: ${against.anchorers === null ? "any" : against.anchorers.length ? against.anchorers.join(", ") : "none found"}${args.anchorers ? "" : " (not pinned: current holders of the anchorer role)"}`);
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
    result.ok
      ? `All ${verified} milestones verified; the trail is ${result.trail.status === "complete" ? "complete" : "not checked for completeness (version 1 registry)"}.`
      : `NOT VERIFIED: ${verified} of ${milestones} milestones verified${others.length ? `; ${others.join(", ")}` : ""}; trail ${result.trail.status}.`,
  );
  return result.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
