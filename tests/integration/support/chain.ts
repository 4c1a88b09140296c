import { type JsonRpcProvider, Wallet } from "ethers";
import { inject } from "vitest";
import { type AnchorRegistry, connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { deployAnchorRegistry } from "@/lib/chain/deploy";
import { type SerialNonceManager, makeProvider, makeSigner } from "@/lib/chain/provider";

// Chain fixtures. Test files share the run's anvil and run two at a time, so each test sends
// from a fresh wallet funded with anvil_setBalance: no two files ever compete for a nonce.

export async function fundedKey(provider: JsonRpcProvider): Promise<string> {
  const wallet = Wallet.createRandom();
  await provider.send("anvil_setBalance", [wallet.address, "0x56BC75E2D63100000"]); // 100 ETH
  return wallet.privateKey;
}

export interface ChainFixture {
  rpcUrl: string;
  provider: JsonRpcProvider;
  /** The anchorer: the worker's key. */
  signer: SerialNonceManager;
  signerKey: string;
  /** The anchorer's address (what verifiers pin as the allowed anchorer). */
  anchorer: string;
  /** The registry's admin (grants and revokes anchorers), a different key. */
  admin: SerialNonceManager;
  adminKey: string;
  registry: AnchorRegistry;
  address: string;
  chainId: bigint;
}

/** A freshly deployed AnchorRegistry (version 2) whose admin and anchorer are two fresh funded keys. */
export async function deployedRegistry(rpcUrl = inject("anvilUrl"), options: { admin?: boolean } = {}): Promise<ChainFixture> {
  const provider = makeProvider(rpcUrl);
  const [signerKey, adminKey] = await Promise.all([fundedKey(provider), fundedKey(provider)]);
  const signer = makeSigner(signerKey, provider);
  const admin = makeSigner(adminKey, provider);
  // (A chain other than anvil's 31337, as a second network in a test, needs the admin named.)
  const deployment = await deployAnchorRegistry({ signer: admin, anchorer: await signer.getAddress(), ...(options.admin ? { admin: await admin.getAddress() } : {}) });
  return {
    rpcUrl,
    provider,
    signer,
    signerKey,
    anchorer: deployment.anchorer,
    admin,
    adminKey,
    registry: connectAnchorRegistry(deployment.address, signer),
    address: deployment.address,
    chainId: deployment.chainId,
  };
}
