import { type JsonRpcProvider, Wallet } from "ethers";
import { type AnchorRegistry, connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { deployAnchorRegistry } from "@/lib/chain/deploy";
import { type SerialNonceManager, makeProvider, makeSigner } from "@/lib/chain/provider";
import { type RunningAnvil, startAnvil } from "@/lib/dev/anvil";
import { AnchoringWorker, type WorkerSettings } from "@/lib/anchoring/worker";

// A real local chain for a benchmark: its own anvil (instant mining: every transaction is mined
// when it arrives) with a freshly deployed AnchorRegistry, as the integration tests assemble it.

export interface BenchChain {
  anvil: RunningAnvil;
  provider: JsonRpcProvider;
  signer: SerialNonceManager;
  registry: AnchorRegistry;
  address: string;
  chainId: bigint;
  /** The anchorer's key, for a second worker on another provider (bench/anchoring.ts's faulty run). */
  signerKey: string;
  stop(): Promise<void>;
}

/**
 * The provider is the product's (lib/chain/provider.ts makeProvider); BENCH_RPC_STALL_MS overrides
 * its JSON-RPC batch stall time, to measure how much of a send or a tick waits on it (and a
 * benchmark that only sets up anchors may pass 0 to set up faster).
 */
export async function startBenchChain(options: { batchStallTime?: number } = {}): Promise<BenchChain> {
  const anvil = await startAnvil();
  const stall = options.batchStallTime ?? (process.env.BENCH_RPC_STALL_MS === undefined ? undefined : Number(process.env.BENCH_RPC_STALL_MS));
  const provider = makeProvider(anvil.url, stall === undefined ? {} : { batchStallTime: stall });
  const wallet = Wallet.createRandom();
  const adminWallet = Wallet.createRandom();
  await provider.send("anvil_setBalance", [wallet.address, "0x3635C9ADC5DEA00000"]); // 1000 ETH
  await provider.send("anvil_setBalance", [adminWallet.address, "0x3635C9ADC5DEA00000"]);
  const signer = makeSigner(wallet.privateKey, provider);
  const deployment = await deployAnchorRegistry({ signer: makeSigner(adminWallet.privateKey, provider), anchorer: wallet.address });
  return {
    anvil,
    provider,
    signer,
    registry: connectAnchorRegistry(deployment.address, signer),
    address: deployment.address,
    chainId: deployment.chainId,
    signerKey: wallet.privateKey,
    async stop() {
      provider.destroy();
      await anvil.stop();
    },
  };
}

export function workerOn(chain: BenchChain, settings: Partial<WorkerSettings>): AnchoringWorker {
  return new AnchoringWorker(
    { provider: chain.provider, registry: chain.registry, signer: chain.signer, chainId: chain.chainId, contractAddress: chain.address },
    settings,
    (line) => {
      if (!line.includes("sent root")) console.error(line);
    },
  );
}
