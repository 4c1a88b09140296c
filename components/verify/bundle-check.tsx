"use client";

import { JsonRpcProvider } from "ethers";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { TrailVerdict } from "@/components/audit/trail-verdict";
import { Signers, VerificationBadge } from "@/components/audit/verification-badge";
import { Badge } from "@/components/ui/badge";
import { type BundleResult, type NetworkTrust, bundleNetworks, parseBundle, verifyBundle, verifyBundleOnNetworks } from "@/lib/verify/bundle";
import { type NetworkInput, type PublishedNetwork, furtherNetworkPlans, prefilledInputs } from "@/lib/verify/network-inputs";
import type { NetworkOutcome, NetworksVerdict } from "@/lib/verify/networks";
import { rpcAnchorReader } from "@/lib/verify/reader";

// Verify a proof bundle entirely in this browser: digests and Merkle proofs recomputed here,
// roots and the credit's heads read from the registry YOU trust (prefilled with the address this
// site publishes, never taken from the bundle) through the RPC endpoint of your choice.
//
// A bundle anchored on several networks (version 4) is checked on each network given an endpoint
// and a registry, as `npm run verify-bundle` does: it verifies when one network proves the whole
// trail and none contradicts it; a network left without an endpoint is reported as not checked.

interface Outcome {
  reference: string;
  /** The milestones as one network sees them: the only one, else the proving one, else the first that contradicts, else the first read. */
  result: BundleResult | null;
  /** With several networks: the verdict over all of them, and the network `result` is from. */
  networks?: NetworksVerdict<BundleResult>;
  shown?: string;
}

const OUTCOME_LABELS: Record<NetworkOutcome, { label: string; tone: "success" | "neutral" | "danger" | "warning" }> = {
  verified: { label: "Verified", tone: "success" },
  incomplete: { label: "Incomplete", tone: "warning" },
  "root-missing": { label: "Root missing", tone: "danger" },
  mismatched: { label: "Contradicts the trail", tone: "danger" },
  unreachable: { label: "Not read", tone: "warning" },
  "not-checked": { label: "Not checked", tone: "neutral" },
};

const provider = (url: string) => new JsonRpcProvider(url, undefined, { staticNetwork: true, cacheTimeout: -1 });

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export interface PublishedTrust {
  /** The registry this site publishes, and its anchorers (null: not pinned). */
  registry: string | null;
  anchorers: string[] | null;
  /** The registry's deployment block: where the search for heads starts. */
  fromBlock: number;
  confirmations: number;
  lateAnchorSeconds: number;
  /** Further networks this site anchors on (CHAIN_NETWORKS), by the names bundles give them. */
  networks: PublishedNetwork[];
}

export function BundleCheck({ defaultRpcUrl, trust }: { defaultRpcUrl: string | null; trust: PublishedTrust }) {
  const { registry, anchorers } = trust;
  const [rpcUrl, setRpcUrl] = useState(defaultRpcUrl ?? "");
  const [registryAddress, setRegistryAddress] = useState(registry ?? "");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  /** The chosen bundle's networks: those after the first get a row each. */
  const [further, setFurther] = useState<{ names: string[]; chainIds: Record<string, string>; first: string }>({ names: [], chainIds: {}, first: "" });
  const [inputs, setInputs] = useState<Record<string, NetworkInput>>({});
  /** Changes one further network's row. */
  const edit = (name: string, change: Partial<NetworkInput>) => setInputs((all) => ({ ...all, [name]: { rpcUrl: "", registry: "", ...all[name], ...change } }));
  /** The file chosen last: a slower read of one chosen before it is dropped. */
  const latest = useRef<File | null>(null);

  /** Reads the bundle as soon as it is chosen, to ask for what each of its networks needs. */
  const choose = async (chosen: File | null) => {
    latest.current = chosen;
    setFile(chosen);
    setOutcome(null);
    setError(null);
    setFurther({ names: [], chainIds: {}, first: "" });
    if (!chosen) return;
    try {
      const parsed = parseBundle(JSON.parse(await chosen.text()));
      if (latest.current !== chosen) return;
      if (!parsed.ok) return setError(parsed.error);
      const { networks } = bundleNetworks(parsed.bundle);
      const names = networks.slice(1).map((n) => n.name);
      setFurther({ names, chainIds: Object.fromEntries(networks.map((n) => [n.name, n.chainId])), first: networks[0]!.name });
      setInputs(prefilledInputs(names, trust.networks));
    } catch (e) {
      if (latest.current === chosen) setError(e instanceof SyntaxError ? "That file is not JSON." : e instanceof Error ? e.message : String(e));
    }
  };

  const run = async () => {
    setError(null);
    setOutcome(null);
    if (!file) return setError("Choose a proof bundle (.json) first.");
    if (!ADDRESS.test(registryAddress.trim())) return setError("Enter the address of the registry you trust: 0x and 40 hex digits (it is published on audit certificates).");
    setBusy(true);
    const providers = [provider(rpcUrl || `${window.location.origin}/api/public/rpc`)];
    try {
      // Read again here, not taken from the rows: a network without a row (the file still being
      // read when this was pressed) is reported as not checked, never skipped.
      const parsed = parseBundle(JSON.parse(await file.text()));
      if (!parsed.ok) throw new Error(parsed.error);
      const bundle = parsed.bundle;
      const { networks } = bundleNetworks(bundle);
      const plans = furtherNetworkPlans(networks.slice(1).map((n) => n.name), inputs, trust.networks, trust.confirmations);
      if (!plans.ok) throw new Error(plans.error);
      const first = {
        reader: rpcAnchorReader(providers[0]!, registryAddress.trim()),
        confirmations: trust.confirmations,
        fromBlock: trust.fromBlock,
        lateAnchorSeconds: trust.lateAnchorSeconds,
        allowedAnchorers: anchorers,
      };
      if (networks.length === 1) {
        setOutcome({ reference: bundle.credit.reference, result: await verifyBundle(bundle, first.reader, first) });
        return;
      }
      const trusts: NetworkTrust[] = [
        { name: networks[0]!.name, ...first },
        ...plans.plans.map((plan) => {
          const p = provider(plan.rpcUrl);
          providers.push(p);
          return { name: plan.name, reader: rpcAnchorReader(p, plan.registry), confirmations: plan.confirmations, fromBlock: plan.fromBlock, lateAnchorSeconds: trust.lateAnchorSeconds, allowedAnchorers: plan.anchorers };
        }),
      ];
      const verdict = await verifyBundleOnNetworks(bundle, trusts);
      const checked = verdict.networks.filter((n) => n.result);
      const shown = checked.find((n) => n.network === verdict.proving) ?? checked.find((n) => n.outcome === "root-missing" || n.outcome === "mismatched") ?? checked[0];
      setOutcome({ reference: bundle.credit.reference, result: shown?.result ?? null, networks: verdict, shown: shown?.network });
    } catch (e) {
      setError(e instanceof SyntaxError ? "That file is not JSON." : e instanceof Error ? e.message : String(e));
    } finally {
      for (const p of providers) p.destroy();
      setBusy(false);
    }
  };

  return (
    <div className="space-y-4">
      <Field
        label="Registry you trust (AnchorRegistry address)"
        hint="Prefilled with the address this site publishes. A bundle's own address is never used; a bundle naming another one is flagged."
      >
        {(control) => <Input {...control} value={registryAddress} onChange={(e) => setRegistryAddress(e.target.value)} className="font-mono" spellCheck={false} />}
      </Field>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Proof bundle (.json)">
          {(control) => <input {...control} type="file" accept="application/json,.json" onChange={(e) => void choose(e.target.files?.[0] ?? null)} className="block w-full text-sm" />}
        </Field>
        <Field label="JSON-RPC endpoint of the chain" hint="Use any node you trust; leave empty to use this site's read-only relay.">
          {(control) => <Input {...control} value={rpcUrl} onChange={(e) => setRpcUrl(e.target.value)} placeholder="This site's read-only relay" />}
        </Field>
      </div>
      {further.names.length > 0 ? (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-4" data-testid="further-networks">
          <legend className="px-1 text-sm font-medium text-slate-800">Further networks this bundle claims</legend>
          <p className="text-xs text-slate-600">
            The registry and endpoint above are for {further.first}, the bundle&apos;s first network. The bundle also claims anchorings on {further.names.join(", ")}. Give a
            network an endpoint to check it there too; one left empty is reported as not checked. Registries are prefilled with what this site publishes, never with the
            bundle&apos;s.
          </p>
          {further.names.map((name) => (
            <div key={name} className="grid gap-3 md:grid-cols-2">
              <Field
                label={
                  <>
                    JSON-RPC endpoint of {name} <span className="font-normal text-slate-600">(chain {further.chainIds[name]})</span>
                  </>
                }
              >
                {(control) => <Input {...control} value={inputs[name]?.rpcUrl ?? ""} onChange={(e) => edit(name, { rpcUrl: e.target.value })} placeholder="Not checked" />}
              </Field>
              <Field label={`Registry you trust on ${name}`}>
                {(control) => <Input {...control} value={inputs[name]?.registry ?? ""} onChange={(e) => edit(name, { registry: e.target.value })} className="font-mono" spellCheck={false} />}
              </Field>
            </div>
          ))}
        </fieldset>
      ) : null}
      <Button onClick={run} pending={busy}>
        Verify bundle in this browser
      </Button>
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      {outcome ? (
        <div aria-live="polite" className="space-y-2" data-testid="bundle-result">
          {outcome.networks ? <NetworkVerdicts verdict={outcome.networks} /> : null}
          {outcome.result ? (
            <BundleMilestones reference={outcome.reference} result={outcome.result} network={outcome.networks ? outcome.shown : undefined} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** Each network's outcome, and the verdict over them all. */
function NetworkVerdicts({ verdict }: { verdict: NetworksVerdict<BundleResult> }) {
  return (
    <div className="space-y-2" data-testid="network-verdicts" data-ok={verdict.ok}>
      <FormMessage tone={verdict.ok ? "success" : "error"}>{verdict.reason}</FormMessage>
      <ul className="space-y-1 text-sm">
        {verdict.networks.map((n) => {
          const label = OUTCOME_LABELS[n.outcome];
          return (
            <li key={n.network} className="flex flex-wrap items-center gap-2" data-network={n.network} data-outcome={n.outcome}>
              <span className="w-40 font-medium">{n.network}</span>
              <Badge tone={label.tone}>{label.label}</Badge>
              <span className="text-slate-600">{n.reason}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The milestones as one network sees them. */
function BundleMilestones({ reference, result, network }: { reference: string; result: BundleResult; network?: string }) {
  return (
    <div className="space-y-2">
      <p className="font-medium">
        {reference} <span className="font-normal text-slate-600">(the exporter&apos;s label, not verified)</span>:{" "}
        {result.results.filter((r) => r.status === "verified").length} of {result.results.filter((r) => r.status !== "truncated").length} milestones verified
        {network ? ` on ${network}` : ""}.
      </p>
      <TrailVerdict trail={result.trail} warnings={result.warnings} checkedAgainst={result.checkedAgainst} />
      <ul className="space-y-1 text-sm">
        {result.results.map((r) => (
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
  );
}
