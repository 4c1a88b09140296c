import { chainRpcOptions, config, requireSetting } from "@/lib/config";
import { connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { makeProvider, makeSigner } from "@/lib/chain/provider";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { gweiToWei } from "@/lib/anchoring/fees";
import { type NetworkWorker, checkServedChain, makeNetworkWorker } from "@/lib/anchoring/network-worker";
import { additionalNetworks } from "@/lib/chain/networks";
import { expireCredits } from "./expire-credits";
import { reconcileIfDue, reconcileSettings } from "./reconcile-anchors";
import { runQueuedVerifications } from "./verification-runs";
import { deliverDueEmails, smtpTransport } from "@/lib/email/outbox";
import { queueDailyDigests } from "@/lib/email/notifications";
import { remindDeadlines } from "./deadline-reminders";
import { deliverDueWebhooks } from "@/lib/webhooks/sender";

// The jobs that run beside the web server: the anchoring worker, the expiry of credits, the
// auditors' portfolio checks, e-mail and webhook delivery, deadline reminders and the reconciliation of on-chain anchors with batches. `npm start` runs them in its own process; `npm run worker` runs
// them alone (for a deployment where web and workers scale separately).

export interface BackgroundJobs {
  worker: AnchoringWorker;
  /** The workers of the additional networks (CHAIN_NETWORKS), each started once its endpoint answers. */
  networkWorkers: readonly NetworkWorker[];
  stop(): Promise<void>;
}

export function startBackgroundJobs(options: { signerKey: string; log: (line: string) => void }): BackgroundJobs {
  const settings = config();
  const rpcUrl = requireSetting("CHAIN_RPC_URL", "the background jobs need the chain");
  const contractAddress = requireSetting("ANCHOR_CONTRACT_ADDRESS", "the background jobs need the AnchorRegistry address");
  const provider = makeProvider(rpcUrl, chainRpcOptions(settings));
  const signer = makeSigner(options.signerKey, provider);
  const registry = connectAnchorRegistry(contractAddress, signer);
  let chainId = 0n;
  let worker: AnchoringWorker | undefined;
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  // The chain may be down at start: the worker starts once it answers, and the app keeps working.
  const startWorker = async () => {
    while (!stopped && !worker) {
      try {
        chainId = (await provider.getNetwork()).chainId;
        worker = new AnchoringWorker(
          { provider, registry, signer, chainId, contractAddress },
          {
            batchSize: settings.ANCHOR_BATCH_SIZE,
            batchAgeMs: settings.ANCHOR_BATCH_AGE_MS,
            confirmations: settings.ANCHOR_CONFIRMATIONS,
            maxFeePerGas: gweiToWei(settings.ANCHOR_MAX_FEE_GWEI),
            priorityFeePerGas: gweiToWei(settings.ANCHOR_PRIORITY_FEE_GWEI),
            replaceAfterMs: settings.ANCHOR_REPLACE_AFTER_MS,
            balanceWarnDays: settings.ANCHOR_BALANCE_WARN_DAYS,
          },
          options.log,
        );
        worker.start(settings.ANCHOR_POLL_MS);
      } catch (error) {
        options.log(`anchoring: chain not reachable yet (${error instanceof Error ? error.message : String(error)}); retrying`);
        await new Promise((r) => setTimeout(r, 5_000));
      }
    }
  };
  const workerStarted = startWorker();

  // Each additional network anchors on its own: one that is down only waits for itself.
  const networkWorkers = additionalNetworks(process.env, settings).map((network) => makeNetworkWorker(network, options.log, settings));
  const networksStarted = Promise.all(
    networkWorkers.map(async ({ network, provider, worker: networkWorker }) => {
      while (!stopped) {
        try {
          await checkServedChain(provider, network);
          networkWorker.start(settings.ANCHOR_POLL_MS);
          return;
        } catch (error) {
          options.log(`anchoring (${network.name}): not started (${error instanceof Error ? error.message : String(error)}); retrying`);
          await new Promise((r) => setTimeout(r, 5_000));
        }
      }
    }),
  );

  const every = (ms: number, job: () => Promise<unknown>) => {
    const run = () => job().catch((error: unknown) => options.log(`job: ${error instanceof Error ? error.message : String(error)}`));
    void run();
    timers.push(setInterval(run, ms));
  };
  every(60_000, () => expireCredits(new Date(), options.log));
  every(2_000, () => runQueuedVerifications({ rpcUrl, contractAddress, log: options.log }));
  // Daily digests are due a day after the last one: an hourly look sends each within the hour.
  every(3_600_000, () => queueDailyDigests());
  // Deadlines are reminded once each (art. 14(b) day 4, expiry in 7 days); an hourly look finds each the day it falls due.
  every(3_600_000, () => remindDeadlines(new Date(), options.log));
  // E-mail waits in the outbox until SMTP is configured (npm start's mail catcher by default).
  let delivering = false;
  every(2_000, async () => {
    const mail = smtpTransport();
    if (!mail || delivering) return;
    delivering = true;
    try {
      const { failed } = await deliverDueEmails(mail);
      if (failed > 0) options.log(`e-mail: ${failed} message${failed === 1 ? "" : "s"} not delivered; retrying later`);
    } finally {
      delivering = false;
    }
  });
  // Webhooks wait in their outbox (webhook_deliveries); several processes may send (lib/webhooks/sender.ts).
  let sendingWebhooks = false;
  every(1_000, async () => {
    if (sendingWebhooks) return;
    sendingWebhooks = true;
    try {
      const { failed } = await deliverDueWebhooks();
      if (failed > 0) options.log(`webhooks: ${failed} event${failed === 1 ? "" : "s"} not accepted by the receiver; retrying later`);
    } finally {
      sendingWebhooks = false;
    }
  });
  if (settings.RECONCILE_INTERVAL_MS > 0) {
    let reconciling = false; // a slow run (a first scan of a long chain) is not started twice
    every(settings.RECONCILE_INTERVAL_MS, async () => {
      if (reconciling) return;
      reconciling = true;
      try {
        const id = chainId || (await provider.getNetwork()).chainId;
        // Every worker process schedules it; one run per interval does the work (reconcileIfDue).
        await reconcileIfDue({ provider, contractAddress, settings: reconcileSettings(id, contractAddress, settings), log: options.log }, settings.RECONCILE_INTERVAL_MS);
      } finally {
        reconciling = false;
      }
    });
  }

  return {
    get worker() {
      if (!worker) throw new Error("The anchoring worker has not started (chain unreachable)");
      return worker;
    },
    networkWorkers,
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.all([workerStarted, networksStarted]);
      await Promise.all([worker?.stop(), ...networkWorkers.map((n) => n.worker.stop())]);
      provider.destroy();
      for (const n of networkWorkers) n.provider.destroy();
    },
  };
}
