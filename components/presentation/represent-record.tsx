"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

// eUCP art. e12: the beneficiary re-presents a record the examining bank found corrupted. The file
// goes to the upload route with the request's id as its description (it takes the corrupted
// record's type and details); the bank's clock resumes the banking day after.

export function RepresentRecord({ creditId, presentationId, requestId, fileName }: { creditId: string; presentationId: string; requestId: string; fileName: string }) {
  const router = useRouter();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Busy until the page shows the re-presented record (its actions carry the credit's new version).
  const [refreshing, startRefresh] = useTransition();
  const busy = pending || refreshing;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!file) return setError("Choose the intact file to re-present.");
    setPending(true);
    try {
      const response = await fetch(`/api/v1/credits/${creditId}/presentations/${presentationId}/documents`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: new Blob([JSON.stringify({ requestId, fileName: file.name }), "\n", file]),
      });
      if (response.status === 201) return startRefresh(() => router.refresh());
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
      setError(body.error?.message ?? `The upload failed (HTTP ${response.status}).`);
    } catch {
      setError("The upload was interrupted. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  };
  return (
    <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-2" aria-label={`Re-present ${fileName}`}>
      <div>
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          Intact copy of {fileName}
        </label>
        <input id={inputId} type="file" className="mt-1 text-sm" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <Button type="submit" size="sm" disabled={busy}>
        {busy ? "Re-presenting…" : "Re-present the record"}
      </Button>
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
    </form>
  );
}
