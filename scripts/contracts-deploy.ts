// `npm run contracts:deploy [-- --force]`: deploys the AnchorRegistry to CHAIN_RPC_URL and records it
// under DATA_DIR/deployments/<chainId>.json. The deployer (ANCHOR_SIGNER_KEY) becomes the admin;
// the anchorer is ANCHORER_ADDRESS, else the deployer. `npm start` deploys to its own local
// chain by itself; this is for testnets and other chains.
import path from "node:path";
import { formatEther, getAddress, isAddress } from "ethers";
import { ConfigError, config } from "@/lib/config";
import { deployAnchorRegistry, deploymentFile, readDeployment, writeDeployment } from "@/lib/chain/deploy";
import { makeProvider, makeSigner } from "@/lib/chain/provider";
import { ANVIL_DEV_KEYS } from "@/lib/dev/anvil";

class UsageError extends Error {}

async function main(): Promise<void> {
  const settings = config();
  const rpcUrl = settings.CHAIN_RPC_URL;
  if (!rpcUrl) {
    throw new UsageError(
      "CHAIN_RPC_URL is not set: set it to the JSON-RPC endpoint to deploy to (e.g. a Sepolia URL). `npm start` without it deploys to its own local chain.",
    );
  }
  const anchorerSetting = process.env.ANCHORER_ADDRESS?.trim() || undefined;
  if (anchorerSetting && !isAddress(anchorerSetting)) throw new UsageError(`ANCHORER_ADDRESS is not an address: ${anchorerSetting}`);
  const force = process.argv.includes("--force");
  const dataDir = path.resolve(settings.DATA_DIR);

  const provider = makeProvider(rpcUrl);
  try {
    const chainId = (await provider.getNetwork()).chainId;
    // The well-known anvil key only on anvil's chain id: never a default key where funds are real.
    const key = settings.ANCHOR_SIGNER_KEY ?? (chainId === 31337n ? ANVIL_DEV_KEYS[0] : undefined);
    if (!key) throw new UsageError(`ANCHOR_SIGNER_KEY is not set: a funded key is needed to deploy on chain ${chainId}.`);

    const previous = readDeployment(dataDir, chainId);
    if (previous && !force && (await provider.getCode(previous.address)) !== "0x") {
      // A second registry would split the audit trail; replacing one must be deliberate.
      throw new UsageError(
        `An AnchorRegistry is already recorded on chain ${chainId} at ${previous.address} (${deploymentFile(dataDir, chainId)}). Run with --force to deploy a new one.`,
      );
    }

    const signer = makeSigner(key, provider);
    const deployer = await signer.getAddress();
    console.log(`Deploying AnchorRegistry on chain ${chainId} from ${deployer} (balance ${formatEther(await provider.getBalance(deployer))} ETH)…`);
    const record = await deployAnchorRegistry({ signer, anchorer: anchorerSetting && getAddress(anchorerSetting) });
    const file = writeDeployment(dataDir, record);
    console.log(`AnchorRegistry deployed at ${record.address} (tx ${record.txHash}, block ${record.blockNumber}).`);
    console.log(`Admin ${record.admin}, anchorer ${record.anchorer}. Recorded in ${file}.`);
    console.log("Put this in the environment:");
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
