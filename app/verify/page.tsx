import type { Metadata } from "next";
import Link from "next/link";
import { BundleCheck, type PublishedTrust } from "@/components/verify/bundle-check";
import { DocumentCheck } from "@/components/verify/document-check";
import { appChain } from "@/lib/chain/app-chain";
import { additionalNetworks } from "@/lib/chain/networks";
import { config } from "@/lib/config";
import type { PublishedNetwork } from "@/lib/verify/network-inputs";
import { serverTrust } from "@/lib/verify/trust";

export const metadata: Metadata = { title: "Verify a document or a proof bundle" };
export const dynamic = "force-dynamic";

/** The further networks this site anchors on (CHAIN_NETWORKS), as it publishes them; none when their settings are unusable. */
function publishedNetworks(): PublishedNetwork[] {
  const settings = config();
  try {
    return additionalNetworks().map((n) => ({
      name: n.name,
      chainId: String(n.chainId),
      registry: n.contractAddress,
      anchorers: n.allowedAnchorers,
      fromBlock: n.fromBlock,
      confirmations: settings.VERIFY_CONFIRMATIONS ?? Math.max(1, n.confirmations),
    }));
  } catch {
    return []; // the worker refuses to start on them; the person verifying types the registry in
  }
}

/** What this site publishes about its registry: address, anchorers, deployment block, and how deep to read. */
async function publishedTrust(): Promise<PublishedTrust> {
  const settings = config();
  const fallback: PublishedTrust = {
    registry: settings.ANCHOR_CONTRACT_ADDRESS ?? null,
    anchorers: null,
    fromBlock: settings.ANCHOR_REGISTRY_FROM_BLOCK ?? 0,
    confirmations: settings.VERIFY_CONFIRMATIONS ?? Math.max(1, settings.ANCHOR_CONFIRMATIONS),
    lateAnchorSeconds: settings.VERIFY_LATE_ANCHOR_HOURS * 3600,
    networks: publishedNetworks(),
  };
  try {
    const { provider, contractAddress } = appChain();
    const chainId = (await provider.getNetwork()).chainId;
    const trust = serverTrust(chainId, contractAddress);
    return { ...fallback, registry: contractAddress, anchorers: trust.allowedAnchorers, fromBlock: trust.fromBlock };
  } catch {
    return fallback; // the chain is down or not configured: the browser falls back to the registry's role holders
  }
}

export default async function VerifyPage() {
  const trust = await publishedTrust();
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <div className="mb-8 flex items-center justify-between">
        <Link href="/" className="text-xl font-semibold tracking-tight text-brand-800">
          TradeTrail
        </Link>
        <Link href="/sign-in" className="text-sm text-brand-700 underline underline-offset-2 hover:decoration-2">
          Sign in
        </Link>
      </div>
      <h1 className="text-2xl font-semibold text-slate-900">Verify without an account</h1>
      <p className="mt-2 text-slate-700">
        Trade documents and the milestones of letters of credit handled in TradeTrail are anchored on an Ethereum network. Check a document you hold, or a
        credit&apos;s proof bundle, without trusting our database.
      </p>
      <section className="mt-8 space-y-3" aria-labelledby="document-heading">
        <h2 id="document-heading" className="text-lg font-semibold text-slate-900">
          Is this document anchored?
        </h2>
        <DocumentCheck contractAddress={trust.registry} defaultRpcUrl={config().PUBLIC_CHAIN_RPC_URL ?? null} anchorers={trust.anchorers} confirmations={trust.confirmations} />
      </section>
      <section className="mt-12 space-y-3" aria-labelledby="bundle-heading">
        <h2 id="bundle-heading" className="text-lg font-semibold text-slate-900">
          Verify a proof bundle
        </h2>
        <p className="text-sm text-slate-700">
          A bundle holds every milestone of one credit with its salt, Merkle proof and transaction. Everything is recomputed in this browser; only the batch roots
          are read from the contract. See <code>docs/PROOF-FORMAT.md</code> to write your own verifier.
        </p>
        <BundleCheck defaultRpcUrl={config().PUBLIC_CHAIN_RPC_URL ?? null} trust={trust} />
      </section>
    </main>
  );
}
