"use client";

import { JsonRpcProvider } from "ethers";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { TrailVerdict } from "@/components/audit/trail-verdict";
import { Signers, VerificationBadge } from "@/components/audit/verification-badge";
import { parseBundle, verifyBundle } from "@/lib/verify/bundle";
import { rpcAnchorReader } from "@/lib/verify/reader";

// Verify a proof bundle entirely in this browser: digests and Merkle proofs recomputed here,
// roots and the credit's heads read from the registry YOU trust (prefilled with the address this
// site publishes, never taken from the bundle) through the RPC endpoint of your choice.

type Outcome = Awaited<ReturnType<typeof verifyBundle>>;

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export interface PublishedTrust {
  /** The registry this site publishes, and its anchorers (null: not pinned). */
  registry: string | null;
  anchorers: string[] | null;
  /** The registry's deployment block: where the search for heads starts. */
  fromBlock: number;
  confirmations: number;
  lateAnchorSeconds: number;
}

export function BundleCheck({ defaultRpcUrl, trust }: { defaultRpcUrl: string | null; trust: PublishedTrust }) {
  const { registry, anchorers } = trust;
  const fileId = useId();
  const [rpcUrl, setRpcUrl] = useState(defaultRpcUrl ?? "");
  const [registryAddress, setRegistryAddress] = useState(registry ?? "");
  const [outcome, setOutcome] = useState<{ reference: string; result: Outcome } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File | null>(null);

  const run = async () => {
    setError(null);
    setOutcome(null);
    if (!file) return setError("Choose a proof bundle (.json) first.");
    if (!ADDRESS.test(registryAddress.trim())) return setError("Enter the address of the registry you trust: 0x and 40 hex digits (it is published on audit certificates).");
    setBusy(true);
    try {
      const parsed = parseBundle(JSON.parse(await file.text()));
      if (!parsed.ok) throw new Error(parsed.error);
      const url = rpcUrl || `${window.location.origin}/api/public/rpc`;
      const provider = new JsonRpcProvider(url, undefined, { staticNetwork: true, cacheTimeout: -1 });
      const result = await verifyBundle(parsed.bundle, rpcAnchorReader(provider, registryAddress.trim()), {
        confirmations: trust.confirmations,
        fromBlock: trust.fromBlock,
        lateAnchorSeconds: trust.lateAnchorSeconds,
        allowedAnchorers: anchorers,
      });
      setOutcome({ reference: parsed.bundle.credit.reference, result });
    } catch (e) {
      setError(e instanceof SyntaxError ? "That file is not JSON." : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={`${fileId}-registry`} className="mb-1 block text-sm font-medium text-slate-800">
          Registry you trust (AnchorRegistry address)
        </label>
        <Input id={`${fileId}-registry`} value={registryAddress} onChange={(e) => setRegistryAddress(e.target.value)} className="font-mono" spellCheck={false} />
        <p className="mt-1 text-xs text-slate-600">Prefilled with the address this site publishes. A bundle&apos;s own address is never used; a bundle naming another one is flagged.</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor={fileId} className="mb-1 block text-sm font-medium text-slate-800">
            Proof bundle (.json)
          </label>
          <input id={fileId} type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="block w-full text-sm" />
        </div>
        <div>
          <label htmlFor={`${fileId}-rpc`} className="mb-1 block text-sm font-medium text-slate-800">
            JSON-RPC endpoint of the chain
          </label>
          <Input id={`${fileId}-rpc`} value={rpcUrl} onChange={(e) => setRpcUrl(e.target.value)} placeholder="This site's read-only relay" />
          <p className="mt-1 text-xs text-slate-600">Use any node you trust; leave empty to use this site&apos;s read-only relay.</p>
        </div>
      </div>
      <Button onClick={run} pending={busy}>
        Verify bundle in this browser
      </Button>
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      {outcome ? (
        <div aria-live="polite" className="space-y-2" data-testid="bundle-result">
          <p className="font-medium">
            {outcome.reference} <span className="font-normal text-slate-600">(the exporter&apos;s label, not verified)</span>:{" "}
            {outcome.result.results.filter((r) => r.status === "verified").length} of {outcome.result.results.filter((r) => r.status !== "truncated").length} milestones verified.
          </p>
          <TrailVerdict trail={outcome.result.trail} warnings={outcome.result.warnings} checkedAgainst={outcome.result.checkedAgainst} />
          <ul className="space-y-1 text-sm">
            {outcome.result.results.map((r) => (
              <li key={`${r.seq}-${r.status}`} className="flex flex-wrap items-center gap-2" data-seq={r.seq} data-status={r.status}>
                <span className="w-8 text-right tabular-nums">{r.seq}.</span>
                <span className="w-56">{r.kind}</span>
                <VerificationBadge status={r.status} />
                {r.status !== "verified" ? <span className="text-slate-600">{r.reason}</span> : null}
                <Signers signers={r.signers} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
