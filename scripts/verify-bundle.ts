import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { getAddress } from "ethers";
import { parseBundle, verifyBundle } from "@/lib/verify/bundle";
import { rpcAnchorReader, verifierProvider } from "@/lib/verify/reader";
import type { MilestoneCheck } from "@/lib/verify/types";

// npm run verify -- bundle.json --rpc URL [--contract 0x…]
//
// Verifies a proof bundle with nothing but the file and a JSON-RPC endpoint you trust: no
// database, no TradeTrail configuration. Exit 0: every milestone verified; 1: something did
// not verify; 2: the command could not check (bad arguments, unreadable file, chain unreachable).

const USAGE = `Usage: npm run verify -- <bundle.json> --rpc <JSON-RPC URL> [--contract <AnchorRegistry address>]

  --rpc       An endpoint of the chain named in the bundle (any node you trust).
  --contract  Check against this AnchorRegistry instead of the address the bundle names.`;

class UsageError extends Error {}

/** Error codes of an endpoint that is down or unknown (Node's network errors, ethers' timeout). */
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "TIMEOUT"]);

function options() {
  try {
    const { values, positionals } = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { rpc: { type: "string" }, contract: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "Name the bundle file to verify." : "Verify one bundle at a time.");
    if (!values.rpc) throw new UsageError("--rpc is required: the JSON-RPC URL of the chain the bundle was anchored on.");
    if (!/^https?:\/\//.test(values.rpc)) throw new UsageError(`--rpc must be an http(s):// URL, got "${values.rpc}".`);
    let contract: string | undefined;
    if (values.contract !== undefined) {
      try {
        contract = getAddress(values.contract);
      } catch {
        throw new UsageError(`--contract must be a 0x-prefixed 20-byte address, got "${values.contract}".`);
      }
    }
    return { file: positionals[0]!, rpcUrl: values.rpc, contract };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function line(r: MilestoneCheck): string {
  const status = r.status.toUpperCase().padEnd(12);
  return `${String(r.seq).padStart(4)}  ${r.kind.padEnd(24)} ${status} ${r.reason}`;
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
  const contract = args.contract ?? getAddress(bundle.chain.contractAddress);

  const provider = verifierProvider(args.rpcUrl, bundle.chain.chainId);
  let result;
  try {
    result = await verifyBundle(bundle, rpcAnchorReader(provider, contract));
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const unreachable = UNREACHABLE.has(String((error as { code?: unknown }).code));
    console.error(unreachable ? `Nothing was verified: the RPC endpoint ${args.rpcUrl} does not answer (${message}).` : `Nothing was verified: ${message}`);
    return 2;
  } finally {
    provider.destroy();
  }

  console.log(`Credit ${bundle.credit.reference} (${bundle.credit.id}), exported ${bundle.exportedAt}`);
  console.log(`Chain ${bundle.chain.chainId}, AnchorRegistry ${contract}${args.contract ? " (given with --contract)" : ""}`);
  console.log("");
  for (const r of result.results) console.log(line(r));
  console.log("");
  if (result.results.length === 0) {
    console.log("The bundle holds no milestones: nothing was verified.");
    return 1;
  }
  const others = Object.entries(result.counts)
    .filter(([status, n]) => status !== "verified" && n > 0)
    .map(([status, n]) => `${n} ${status}`);
  const verified = result.counts.verified;
  console.log(
    result.ok
      ? `All ${verified} milestones verified.`
      : `NOT VERIFIED: ${verified} of ${result.results.length} milestones verified; ${others.join(", ")}.`,
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
