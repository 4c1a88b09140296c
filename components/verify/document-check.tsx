"use client";

import { useId, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { Hash } from "@/components/ui/hash";
import { MILESTONE_KIND_LABELS } from "@/components/status/labels";

// Check a document without an account: the browser computes its SHA-256 (Web Crypto); only the
// hash is sent to ask whether it is anchored. The file never leaves this machine.

interface Lookup {
  sha256: string;
  anchored: boolean;
  anchors: { milestoneKind: keyof typeof MILESTONE_KIND_LABELS; chainId: string; contractAddress: string; root: string; txHash: string | null; blockNumber: string | null; anchoredAt: string | null }[];
}

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function DocumentCheck() {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const [state, setState] = useState<{ phase: "idle" } | { phase: "hashing"; name: string } | { phase: "done"; name: string; lookup: Lookup } | { phase: "error"; message: string }>({ phase: "idle" });

  const check = async (file: File | undefined) => {
    if (!file) return;
    setState({ phase: "hashing", name: file.name });
    try {
      const hash = await sha256Hex(file);
      const response = await fetch(`/api/public/documents/${hash}`);
      if (!response.ok) throw new Error(`The lookup failed (HTTP ${response.status}).`);
      setState({ phase: "done", name: file.name, lookup: (await response.json()) as Lookup });
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
        className={`flex cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed px-6 py-10 text-center ${dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white hover:border-brand-400"}`}
      >
        <span className="text-base font-medium text-slate-900">Drop a document here, or choose one</span>
        <span className="mt-1 text-sm text-slate-600">It is hashed in your browser; only its SHA-256 is looked up.</span>
        <input id={inputId} type="file" className="sr-only" onChange={(e) => void check(e.target.files?.[0])} />
      </label>
      <div aria-live="polite">
        {state.phase === "hashing" ? <p className="text-sm text-slate-600">Hashing {state.name}…</p> : null}
        {state.phase === "error" ? <FormMessage tone="error">{state.message}</FormMessage> : null}
        {state.phase === "done" ? (
          state.lookup.anchored ? (
            <div className="rounded-lg border border-success-300 bg-success-50 p-4" data-testid="document-result" data-anchored="true">
              <p className="font-semibold text-success-900">Anchored: {state.name} is part of an anchored trail.</p>
              <p className="mt-1 text-sm text-slate-700">
                SHA-256 <Hash value={state.lookup.sha256} />
              </p>
              <ul className="mt-3 space-y-2 text-sm">
                {state.lookup.anchors.map((a, i) => (
                  <li key={i} className="rounded-md bg-white/70 px-3 py-2">
                    <span className="font-medium">{MILESTONE_KIND_LABELS[a.milestoneKind] ?? a.milestoneKind}</span>
                    {a.anchoredAt ? ` — anchored ${a.anchoredAt.replace("T", " ").slice(0, 19)} UTC` : ""} in block {a.blockNumber} of chain {a.chainId}
                    <div className="text-xs text-slate-600">
                      transaction <Hash value={a.txHash ?? ""} /> · contract <Hash value={a.contractAddress} /> · batch root <Hash value={a.root} />
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <div className="rounded-lg border border-warning-300 bg-warning-50 p-4" data-testid="document-result" data-anchored="false">
              <p className="font-semibold text-warning-900">Not anchored: no anchored milestone commits to this file.</p>
              <p className="mt-1 text-sm text-slate-700">
                SHA-256 <Hash value={state.lookup.sha256} />. A single changed byte gives a different hash: make sure this is the exact file that was presented.
              </p>
            </div>
          )
        ) : null}
      </div>
    </div>
  );
}
