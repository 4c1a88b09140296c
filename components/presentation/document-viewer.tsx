"use client";

import { useState } from "react";
import { DOCUMENT_KIND_LABELS, type DocumentKind } from "@/lib/terms/schema";

interface ViewerDocument {
  id: string;
  kind: DocumentKind;
  fileName: string;
  mediaType: string;
}

/** The examiner's preview: one document at a time, rendered by the browser next to the terms. */
export function DocumentViewer({ documents }: { documents: ViewerDocument[] }) {
  const [selected, setSelected] = useState(documents[0]?.id ?? null);
  const current = documents.find((d) => d.id === selected);
  if (!current) return <p className="text-sm text-slate-600">No document to preview.</p>;
  const src = `/api/v1/documents/${current.id}?inline=1`;
  return (
    <div className="flex h-full flex-col gap-2">
      <div role="tablist" aria-label="Documents" className="flex flex-wrap gap-1">
        {documents.map((d) => (
          <button
            key={d.id}
            type="button"
            role="tab"
            aria-selected={d.id === selected}
            onClick={() => setSelected(d.id)}
            className={`rounded-md px-3 py-1.5 text-sm ${d.id === selected ? "bg-brand-700 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200"}`}
          >
            {DOCUMENT_KIND_LABELS[d.kind]}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="min-h-[36rem] flex-1 overflow-hidden rounded-md border border-slate-200 bg-slate-100">
        {current.mediaType === "application/pdf" || current.mediaType === "image/tiff" ? (
          <iframe key={current.id} src={src} title={`${DOCUMENT_KIND_LABELS[current.kind]}: ${current.fileName}`} className="h-[36rem] w-full" />
        ) : (
          // eslint-disable-next-line @next/next/no-img-element -- a private, authenticated download, not a static asset
          <img key={current.id} src={src} alt={`${DOCUMENT_KIND_LABELS[current.kind]}: ${current.fileName}`} className="mx-auto max-h-[36rem] object-contain" />
        )}
      </div>
      <a href={`/api/v1/documents/${current.id}`} className="text-sm text-brand-700 underline underline-offset-2 hover:decoration-2">
        Download {current.fileName}
      </a>
    </div>
  );
}
