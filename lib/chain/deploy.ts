import fs from "node:fs";
import path from "node:path";
import { ContractFactory, type Provider, type Signer, getAddress, isAddress } from "ethers";
import { ANCHORER_ROLE, anchorRegistryInterface } from "./anchor-registry";
import { anchorRegistryV2Bytecode as anchorRegistryBytecode } from "./generated/anchor-registry-v2";
import { chainIdOf } from "./provider";

// Deploying the AnchorRegistry and remembering where: one JSON record per chain under
// DATA_DIR/deployments/, read when ANCHOR_CONTRACT_ADDRESS is not configured.

export interface DeploymentRecord {
  address: string;
  txHash: string;
  blockNumber: number;
  chainId: bigint;
  admin: string;
  anchorer: string;
}

/** The chain id of anvil and Hardhat's local chains: the only one where the admin may default to the deployer. */
export const LOCAL_CHAIN_ID = 31337n;

/**
 * Deploys a new registry (version 2, contracts/AnchorRegistryV2.sol) and resolves once mined.
 * The admin (who grants and revokes anchorers: keep it cold) must be given, except on the local
 * chain, where it defaults to the deployer. The anchorer (the worker's hot key) must differ.
 */
export async function deployAnchorRegistry(options: { signer: Signer; admin?: string; anchorer: string }): Promise<DeploymentRecord> {
  const { signer } = options;
  if (!signer.provider) throw new Error("deployAnchorRegistry: the signer has no provider");
  const deployer = await signer.getAddress();
  if (!options.admin && (await chainIdOf(signer.provider)) !== LOCAL_CHAIN_ID) {
    throw new Error("deployAnchorRegistry: name the admin address (a cold key); only on the local chain does it default to the deployer");
  }
  const admin = getAddress(options.admin ?? deployer);
  const anchorer = getAddress(options.anchorer);
  if (admin === anchorer) throw new Error(`deployAnchorRegistry: the admin and the anchorer must be different accounts (both ${admin})`);
  const factory = new ContractFactory(anchorRegistryInterface, anchorRegistryBytecode, signer);
  const contract = await factory.deploy(admin, anchorer);
  const receipt = await contract.deploymentTransaction()!.wait();
  // Stryker disable all: wait() already throws on a reverted deployment; this narrows the receipt's types
  if (!receipt || receipt.status !== 1 || !receipt.contractAddress) {
    throw new Error(`AnchorRegistry deployment failed (tx ${contract.deploymentTransaction()!.hash})`);
  }
  // Stryker restore all
  return {
    address: getAddress(receipt.contractAddress),
    txHash: receipt.hash,
    blockNumber: receipt.blockNumber,
    chainId: await chainIdOf(signer.provider),
    admin,
    anchorer,
  };
}

export function deploymentFile(dataDir: string, chainId: bigint | number): string {
  return path.join(dataDir, "deployments", `${BigInt(chainId)}.json`);
}

export function writeDeployment(dataDir: string, record: DeploymentRecord): string {
  const file = deploymentFile(dataDir, record.chainId);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const json = {
    contractName: "AnchorRegistry",
    ...record,
    // JSON has no bigint; chain ids are far below 2^53 in practice, but stay exact above it.
    chainId: record.chainId <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(record.chainId) : record.chainId.toString(),
  };
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(json, null, 2)}\n`);
  fs.renameSync(temporary, file); // a reader never sees half a record
  return file;
}

/** The recorded deployment on `chainId`, or null when there is none. Throws on a damaged record. */
export function readDeployment(dataDir: string, chainId: bigint | number): DeploymentRecord | null {
  const file = deploymentFile(dataDir, chainId);
  let text: string;
  try {
    // Stryker disable next-line StringLiteral: without an encoding the Buffer reaches JSON.parse, which reads it as UTF-8 text
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`Deployment record ${file} is not valid JSON`);
  }
  const address = (key: string) => {
    const value = raw[key];
    // Stryker disable next-line ConditionalExpression: isAddress already answers false for a non-string; the typeof narrows the type
    if (typeof value !== "string" || !isAddress(value)) throw new Error(`Deployment record ${file}: "${key}" is not an address`);
    return getAddress(value);
  };
  const recordedChainId = typeof raw.chainId === "number" || typeof raw.chainId === "string" ? BigInt(raw.chainId) : undefined;
  if (recordedChainId !== BigInt(chainId)) throw new Error(`Deployment record ${file} is for chain ${String(raw.chainId)}, not ${chainId}`);
  if (typeof raw.txHash !== "string" || typeof raw.blockNumber !== "number") throw new Error(`Deployment record ${file}: txHash or blockNumber missing`);
  return {
    address: address("address"),
    txHash: raw.txHash,
    blockNumber: raw.blockNumber,
    chainId: recordedChainId,
    admin: address("admin"),
    anchorer: address("anchorer"),
  };
}

/**
 * The registry address to use on the provider's chain: the configured one, else the recorded
 * deployment. Checks that an AnchorRegistry answers there, so a wrong address or a chain that
 * was reset fails at start and not at the first anchor.
 */
export async function resolveAnchorRegistryAddress(options: { provider: Provider; dataDir: string; configuredAddress?: string }): Promise<string> {
  const { provider, dataDir, configuredAddress } = options;
  const chainId = await chainIdOf(provider);
  let address: string;
  let source: string;
  if (configuredAddress) {
    if (!isAddress(configuredAddress)) throw new Error(`ANCHOR_CONTRACT_ADDRESS ${configuredAddress} is not an address`);
    address = getAddress(configuredAddress);
    source = "ANCHOR_CONTRACT_ADDRESS";
  } else {
    const record = readDeployment(dataDir, chainId);
    if (!record) {
      throw new Error(
        `No AnchorRegistry known on chain ${chainId}: set ANCHOR_CONTRACT_ADDRESS, or deploy one with \`npm run contracts:deploy\` (which writes ${deploymentFile(dataDir, chainId)})`,
      );
    }
    address = record.address;
    source = deploymentFile(dataDir, chainId);
  }
  if ((await provider.getCode(address)) === "0x") {
    throw new Error(`No contract code at ${address} on chain ${chainId} (from ${source}): wrong address, wrong chain, or the chain was reset`);
  }
  const version = await registryVersion(provider, address);
  if (version === null) throw new Error(`The contract at ${address} on chain ${chainId} (from ${source}) is not an AnchorRegistry`);
  if (version < 2) {
    throw new Error(
      `The contract at ${address} on chain ${chainId} (from ${source}) is a version ${version} AnchorRegistry; the app anchors to version 2. Deploy one with \`npm run contracts:deploy\` (version 1 anchors stay verifiable at the old address).`,
    );
  }
  return address;
}

/** The AnchorRegistry version at `address`: 2 when VERSION() says so, 1 for a registry without it, null for anything else. */
export async function registryVersion(provider: Provider, address: string): Promise<number | null> {
  // Stryker disable next-line ArrowFunction,StringLiteral: any value other than the role hash on a revert means "not a registry" alike
  const role = await provider.call({ to: address, data: anchorRegistryInterface.encodeFunctionData("ANCHORER_ROLE") }).catch(() => "0x");
  if (role !== ANCHORER_ROLE) return null;
  const version = await provider.call({ to: address, data: anchorRegistryInterface.encodeFunctionData("VERSION") }).catch(() => "0x");
  return version === "0x" ? 1 : Number(BigInt(version));
}
