import type { JsonRpcProvider } from "ethers";
import { type Config, chainRpcOptions, config } from "@/lib/config";
import { connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import type { NetworkSettings } from "@/lib/chain/networks";
import { makeProvider, makeSigner } from "@/lib/chain/provider";
import { AnchoringWorker, type WorkerSettings } from "./worker";

// The anchoring worker of one additional network (CHAIN_NETWORKS): its own provider, signer,
// nonces, fees, confirmations and back-off, so a network that is down, underfunded or congested
// holds up no other. Used by the background jobs and by `npm run reanchor`.

export interface NetworkWorker {
  network: NetworkSettings;
  provider: JsonRpcProvider;
  worker: AnchoringWorker;
}

/** The worker settings for `network`: the ANCHOR_… ones, with the network's own confirmations and fees. */
export function networkWorkerSettings(network: NetworkSettings, settings: Config = config()): Partial<WorkerSettings> {
  return {
    batchSize: settings.ANCHOR_BATCH_SIZE,
    batchAgeMs: settings.ANCHOR_BATCH_AGE_MS,
    confirmations: network.confirmations,
    maxFeePerGas: network.maxFeePerGas,
    priorityFeePerGas: network.priorityFeePerGas,
    replaceAfterMs: settings.ANCHOR_REPLACE_AFTER_MS,
    balanceWarnDays: settings.ANCHOR_BALANCE_WARN_DAYS,
  };
}

/**
 * A worker for `network` (not started). The provider's chain id is the configured one (no
 * detection, so a dead endpoint fails fast); checkServedChain() asks the node which it serves.
 */
export function makeNetworkWorker(network: NetworkSettings, log: (line: string) => void, settings: Config = config()): NetworkWorker {
  if (!network.signerKey) throw new Error(`network ${network.name}: no signer key (CHAIN_${network.name.toUpperCase().replaceAll("-", "_")}_SIGNER_KEY or ANCHOR_SIGNER_KEY)`);
  const provider = makeProvider(network.rpcUrls, { ...chainRpcOptions(settings), chainId: network.chainId });
  const signer = makeSigner(network.signerKey, provider);
  const registry = connectAnchorRegistry(network.contractAddress, signer);
  const worker = new AnchoringWorker(
    { provider, registry, signer, chainId: network.chainId, contractAddress: network.contractAddress, network: network.name },
    networkWorkerSettings(network, settings),
    (line) => log(line.replace(/^anchoring: /, `anchoring (${network.name}): `)),
  );
  return { network, provider, worker };
}

/** Throws unless the network's endpoint serves the configured chain: a root sent to the wrong chain would prove nothing. */
export async function checkServedChain(provider: JsonRpcProvider, network: NetworkSettings): Promise<void> {
  const served = BigInt((await provider.send("eth_chainId", [])) as string);
  if (served !== network.chainId) {
    throw new Error(`network ${network.name}: the RPC endpoint serves chain ${served}, not ${network.chainId} (CHAIN_…_CHAIN_ID)`);
  }
}

