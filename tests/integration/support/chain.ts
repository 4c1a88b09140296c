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
  signer: SerialNonceManager;
  signerKey: string;
  registry: AnchorRegistry;
  address: string;
  chainId: bigint;
}

/** A freshly deployed AnchorRegistry whose admin and anchorer is a fresh funded key. */
export async function deployedRegistry(rpcUrl = inject("anvilUrl")): Promise<ChainFixture> {
  const provider = makeProvider(rpcUrl);
  const signerKey = await fundedKey(provider);
  const signer = makeSigner(signerKey, provider);
  const deployment = await deployAnchorRegistry({ signer });
  return {
    rpcUrl,
    provider,
    signer,
    signerKey,
    registry: connectAnchorRegistry(deployment.address, signer),
    address: deployment.address,
    chainId: deployment.chainId,
  };
}
