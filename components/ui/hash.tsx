"use client";

import { useEffect, useState } from "react";
import { cn } from "./cn";

/** "0x1234abcd…9f8e": enough to recognise a hash at a glance; the full value is one copy away. */
export function shortenHash(value: string): string {
  const prefix = value.startsWith("0x") ? "0x" : "";
  const body = value.slice(prefix.length);
  if (body.length <= 14) return value;
  return `${prefix}${body.slice(0, 8)}…${body.slice(-4)}`;
}

/** A digest, transaction hash or address: shortened, full in the tooltip, with a copy button. */
export function Hash({ value, className }: { value: string; className?: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  if (!value) return <span className={className}>—</span>;
  const short = shortenHash(value);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setCopied("failed"); // clipboard refused (insecure origin, permissions): the tooltip still has it
    }
  };

  return (
    <span className={cn("inline-flex items-center gap-1 align-baseline", className)} data-hash={value}>
      <code title={value} className="font-mono text-xs break-all text-slate-800">
        {short}
      </code>
      <button
        type="button"
        onClick={copy}
        aria-label={`Copy ${short}`}
        title="Copy the full value"
        className="rounded px-1 text-xs text-slate-500 hover:bg-slate-100 hover:text-slate-800"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="inline h-3.5 w-3.5">
          <rect x="7" y="7" width="10" height="10" rx="1.5" />
          <path d="M13 4.5V4a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h.5" />
        </svg>
      </button>
      <span role="status" className={copied ? "text-xs text-slate-600" : "sr-only"}>
        {copied === "yes" ? "Copied" : copied === "failed" ? "Copy failed" : ""}
      </span>
    </span>
  );
}
