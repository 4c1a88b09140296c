// `npm run contracts:deploy -- --admin 0x… [--anchorer 0x…] [--force]`: deploys an AnchorRegistry
// (version 2) to CHAIN_RPC_URL and records it under DATA_DIR/deployments/<chainId>.json.
//
// Roles are split: the admin (grants and revokes anchorers; keep it cold, e.g. a hardware wallet
// or a multisig) and the anchorer (the worker's hot ANCHOR_SIGNER_KEY). The deployer only pays
// for the deployment: DEPLOYER_KEY, else ANCHOR_SIGNER_KEY. `--admin` (or ADMIN_ADDRESS) is
// required except on the local chain, where it defaults to the deployer. `--anchorer` (or
// ANCHORER_ADDRESS) defaults to the address of ANCHOR_SIGNER_KEY. `npm start` deploys to its
// own local chain by itself; this is for testnets and other chains.
import path from "node:path";
import { parseArgs } from "node:util";
import { Wallet, formatEther, getAddress, isAddress } from "ethers";
import { ConfigError, chainRpcOptions, config } from "@/lib/config";
import { LOCAL_CHAIN_ID, deployAnchorRegistry, deploymentFile, readDeployment, writeDeployment } from "@/lib/chain/deploy";
import { makeProvider, makeSigner } from "@/lib/chain/provider";
import { ANVIL_DEV_KEYS } from "@/lib/dev/anvil";

class UsageError extends Error {}

const USAGE = "Usage: npm run contracts:deploy -- --admin <address> [--anchorer <address>] [--force]";

function addressOption(value: string | undefined, name: string): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (!isAddress(trimmed)) throw new UsageError(`${name} is not an address: ${trimmed}`);
  return getAddress(trimmed);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { admin: { type: "string" }, anchorer: { type: "string" }, force: { type: "boolean" } },
  });
  const settings = config();
  const rpcUrl = settings.CHAIN_RPC_URL;
  if (!rpcUrl) {
    throw new UsageError(
      "CHAIN_RPC_URL is not set: set it to the JSON-RPC endpoint to deploy to (e.g. a Sepolia URL). `npm start` without it deploys to its own local chain.",
    );
  }
  const adminSetting = addressOption(values.admin ?? process.env.ADMIN_ADDRESS, "--admin");
  const dataDir = path.resolve(settings.DATA_DIR);

  const provider = makeProvider(rpcUrl, chainRpcOptions(settings));
  try {
    const chainId = (await provider.getNetwork()).chainId;
    const local = chainId === LOCAL_CHAIN_ID;
    // The well-known anvil keys only on anvil's chain id: never a default key where funds are real.
    const deployerKey = process.env.DEPLOYER_KEY?.trim() || settings.ANCHOR_SIGNER_KEY || (local ? ANVIL_DEV_KEYS[0] : undefined);
    if (!deployerKey) throw new UsageError(`Set DEPLOYER_KEY or ANCHOR_SIGNER_KEY: a funded key is needed to deploy on chain ${chainId}.`);
    if (!adminSetting && !local) {
      throw new UsageError(`--admin is required on chain ${chainId}: the account that may grant and revoke anchorers (keep it cold).\n${USAGE}`);
    }
    const signerKey = settings.ANCHOR_SIGNER_KEY ?? (local ? ANVIL_DEV_KEYS[1] : undefined);
    const anchorer = addressOption(values.anchorer ?? process.env.ANCHORER_ADDRESS, "--anchorer") ?? (signerKey ? new Wallet(signerKey).address : undefined);
    if (!anchorer) throw new UsageError(`Name the anchorer with --anchorer, or set ANCHOR_SIGNER_KEY (the worker's key).\n${USAGE}`);

    const previous = readDeployment(dataDir, chainId);
    if (previous && !values.force && (await provider.getCode(previous.address)) !== "0x") {
      // A second registry would split the audit trail; replacing one must be deliberate.
      throw new UsageError(
        `An AnchorRegistry is already recorded on chain ${chainId} at ${previous.address} (${deploymentFile(dataDir, chainId)}). Run with --force to deploy a new one.`,
      );
    }

    const signer = makeSigner(deployerKey, provider);
    const deployer = await signer.getAddress();
    console.log(`Deploying AnchorRegistry v2 on chain ${chainId} from ${deployer} (balance ${formatEther(await provider.getBalance(deployer))} ETH)…`);
    const record = await deployAnchorRegistry({ signer, admin: adminSetting, anchorer });
    const file = writeDeployment(dataDir, record);
    console.log(`AnchorRegistry deployed at ${record.address} (tx ${record.txHash}, block ${record.blockNumber}).`);
    console.log(`Admin ${record.admin}, anchorer ${record.anchorer}. Recorded in ${file}.`);
    console.log("Put this in the environment, and publish it (docs/AUDITING.md, \"Publishing the registry\"):");
    console.log(`ANCHOR_CONTRACT_ADDRESS=${record.address}`);
  } finally {
    provider.destroy();
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError || error instanceof ConfigError) console.error(error.message);
  else console.error(`Could not deploy the AnchorRegistry: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
