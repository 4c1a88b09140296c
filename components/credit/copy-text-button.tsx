"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies a text (a SWIFT message's FIN text) to the clipboard, and says whether it worked. */
export function CopyTextButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("failed"); // clipboard refused (insecure origin, permissions): the download still works
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={copy} aria-label={label}>
        Copy
      </Button>
      <span role="status" className="text-xs text-slate-600">
        {copied === "yes" ? "Copied" : copied === "failed" ? "Copy failed: download the file instead" : ""}
      </span>
    </span>
  );
}
