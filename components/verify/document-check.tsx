"use client";

import { JsonRpcProvider } from "ethers";
import { useId, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { Hash } from "@/components/ui/hash";
import { type DocumentVerdict, type LookupAnswer, checkDocumentAnchoring } from "@/lib/verify/document-proof";

// Check a document without an account: the browser computes its SHA-256 (Web Crypto), asks this
// site where the document's commitment was anchored, then checks that answer itself: the Merkle
// proof from the commitment to the root, and the root in the registry this site publishes, read
// from the chain. The file never leaves this machine; the time shown is the chain's.

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const chainTime = (iso: string) => `${iso.replace("T", " ").slice(0, 19)} UTC`;

export function DocumentCheck({
  contractAddress,
  defaultRpcUrl,
  anchorers,
  confirmations,
}: {
  contractAddress: string | null;
  defaultRpcUrl: string | null;
  anchorers: string[] | null;
  confirmations: number;
}) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const [state, setState] = useState<{ phase: "idle" } | { phase: "hashing"; name: string } | { phase: "done"; name: string; verdict: DocumentVerdict } | { phase: "error"; message: string }>({
    phase: "idle",
  });

  const check = async (file: File | undefined) => {
    if (!file) return;
    if (!contractAddress) return setState({ phase: "error", message: "This site publishes no registry address, so there is nothing to check against." });
    setState({ phase: "hashing", name: file.name });
    try {
      const hash = await sha256Hex(file);
      const response = await fetch(`/api/public/documents/${hash}`);
      const body = (await response.json().catch(() => null)) as (LookupAnswer & { error?: { message?: string } }) | null;
      if (!response.ok) throw new Error(body?.error?.message ?? `The lookup failed (HTTP ${response.status}).`);
      const provider = new JsonRpcProvider(defaultRpcUrl ?? `${window.location.origin}/api/public/rpc`, undefined, { staticNetwork: true, cacheTimeout: -1 });
      try {
        const verdict = await checkDocumentAnchoring({ sha256: hash, lookup: body ?? {}, contractAddress, allowedAnchorers: anchorers, confirmations, runner: provider });
        setState({ phase: "done", name: file.name, verdict });
      } finally {
        provider.destroy();
      }
    } catch (error) {
      setState({ phase: "error", message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="space-y-4">
      <label
        htmlFor={inputId}
        data-testid="document-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void check(e.dataTransfer.files[0]);
        }}
        className={`flex cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed px-4 py-10 text-center focus-within:border-brand-600 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-600 sm:px-6 ${dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white hover:border-brand-400"}`}
      >
        <span className="text-base font-medium text-slate-900">Drop a document here, or choose one</span>
        <span className="mt-1 text-sm text-slate-600">It is hashed in your browser; only its SHA-256 is looked up, and the answer is checked against the chain here.</span>
        <input id={inputId} type="file" className="sr-only" onChange={(e) => void check(e.target.files?.[0])} />
      </label>
      <p className="text-xs text-slate-600" data-testid="document-registry">
        Registry checked: {contractAddress ? <code className="break-all">{contractAddress}</code> : "none configured"}
      </p>
      <div aria-live="polite">
        {state.phase === "hashing" ? <p className="text-sm text-slate-600">Hashing and checking {state.name}…</p> : null}
        {state.phase === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
        {state.phase === "done" ? (
          state.verdict.status === "anchored" ? (
            <div className="rounded-lg border border-success-300 bg-success-50 p-4" data-testid="document-result" data-anchored="true">
              <p className="font-semibold text-success-900">
                {state.name}: anchored at {chainTime(state.verdict.anchoredAt)} (block {state.verdict.blockNumber}) in registry{" "}
                <code className="break-all">{state.verdict.contractAddress}</code> on chain {state.verdict.chainId}.
              </p>
              <p className="mt-1 text-sm text-slate-700">
                SHA-256 <Hash value={state.verdict.sha256} /> · commitment <Hash value={state.verdict.commitment} /> · batch root <Hash value={state.verdict.root} />
              </p>
              <p className="mt-1 text-xs text-slate-600">The proof from this file&apos;s commitment to the root was checked in this browser, and the root&apos;s time and block were read from the registry.</p>
            </div>
          ) : (
            <div className="rounded-lg border border-warning-300 bg-warning-50 p-4" data-testid="document-result" data-anchored="false">
              <p className="font-semibold text-warning-900">
                {state.name}: not anchored in registry <code className="break-all">{state.verdict.contractAddress}</code> on chain {state.verdict.chainId}.
              </p>
              <p className="mt-1 text-sm text-slate-700">
                SHA-256 <Hash value={state.verdict.sha256} />. A single changed byte gives a different hash: make sure this is the exact file that was presented.
              </p>
              {state.verdict.reasons.length > 0 ? (
                <ul className="mt-2 list-disc pl-5 text-xs text-slate-700">
                  {state.verdict.reasons.map((reason, i) => (
                    <li key={i}>{reason}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          )
        ) : null}
      </div>
    </div>
  );
}
