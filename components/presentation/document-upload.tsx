"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Progress } from "@/components/ui/progress";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { DOCUMENT_DATA_FIELDS, type DocumentFieldMeta } from "@/lib/documents/data";
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, type DocumentKind } from "@/lib/terms/schema";

// Upload one shipping document with its structured data. The file goes as the raw request body
// (streamed and hashed on the server, never buffered), with a progress bar from the browser's
// upload events; the details travel as the body's first line (lib/documents/upload-body.ts).

export function DocumentUpload({
  creditId,
  presentationId,
  maxBytes,
  suggestedKind,
  eucp = false,
}: {
  creditId: string;
  presentationId: string;
  maxBytes: number;
  suggestedKind?: DocumentKind;
  /** Under eUCP a document is an electronic record or a paper document for the counter (art. e6(a)(ii)). */
  eucp?: boolean;
}) {
  const router = useRouter();
  const [medium, setMedium] = useState<"ELECTRONIC" | "PAPER">("ELECTRONIC");
  const [kind, setKind] = useState<DocumentKind>(suggestedKind ?? "COMMERCIAL_INVOICE");
  const [data, setData] = useState<Record<string, string | boolean>>({});
  const [originals, setOriginals] = useState("1");
  const [copies, setCopies] = useState("0");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The upload is a step on the credit: the page's actions carry the credit's version, so the
  // upload is done for the user only once the page shows it. "Uploaded" before the refresh had
  // landed let "Present documents" go with the old version and be refused as a conflict.
  const [refreshing, startRefresh] = useTransition();
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const fields: DocumentFieldMeta[] = DOCUMENT_DATA_FIELDS[kind];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    if (!file) return setError({ message: "Choose the file to upload.", fields: { file: "Choose a PDF or an image" } });
    if (file.size > maxBytes) return setError({ message: `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit.`, fields: { file: "Too large" } });
    const values = Object.fromEntries(
      fields.map((f) => [f.key, f.type === "number" ? (data[f.key] === "" || data[f.key] === undefined ? undefined : Number(data[f.key])) : f.type === "boolean" ? Boolean(data[f.key]) : data[f.key] ?? ""]),
    );
    // The details go first in the body, one JSON line, then the file: in the query string a long
    // description overflowed the server's header limit ("HTTP 431") before it could be validated.
    const details = JSON.stringify({ kind, originals, copies, fileName: file.name, data: values, ...(eucp ? { medium } : {}) });
    const request = new XMLHttpRequest();
    request.open("POST", `/api/v1/credits/${creditId}/presentations/${presentationId}/documents`);
    request.setRequestHeader("content-type", "application/octet-stream");
    request.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
    request.onerror = () => {
      setProgress(null);
      setError({ message: "The upload was interrupted. Check your connection and try again." });
    };
    request.onload = () => {
      setProgress(null);
      let body: { error?: { message: string; fields?: Record<string, string> }; sha256?: string } = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = {};
      }
      if (request.status === 201) {
        setDone(`Uploaded ${file.name}: SHA-256 ${body.sha256}`);
        setFile(null);
        setData({});
        if (fileInput.current) fileInput.current.value = "";
        startRefresh(() => router.refresh());
      } else {
        setError(body.error ?? { message: `The upload failed (HTTP ${request.status}).` });
      }
    };
    setProgress(0);
    request.send(new Blob([details, "\n", file]));
  };

  const fieldError = (key: string) => error?.fields?.[`data.${key}`];
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Upload a document" noValidate>
      {error ? <FormMessage tone="error">{error.message}</FormMessage> : null}
      {done && !refreshing ? <FormMessage tone="success">{done}</FormMessage> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <Field label="Document type" required error={error?.fields?.kind}>
          {(f) => (
            <Select
              {...f}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as DocumentKind);
                setData({});
              }}
            >
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {DOCUMENT_KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Originals" error={error?.fields?.originals}>
          {(f) => <Input {...f} type="number" min={0} max={10} value={originals} onChange={(e) => setOriginals(e.target.value)} />}
        </Field>
        <Field label="Copies" error={error?.fields?.copies}>
          {(f) => <Input {...f} type="number" min={0} max={10} value={copies} onChange={(e) => setCopies(e.target.value)} />}
        </Field>
        {eucp ? (
          <Field label="Presented as" hint="A paper document goes to the bank's counter; upload its image here for the examination (eUCP art. e6(a)(ii))." error={error?.fields?.medium}>
            {(f) => (
              <Select {...f} value={medium} onChange={(e) => setMedium(e.target.value as "ELECTRONIC" | "PAPER")}>
                <option value="ELECTRONIC">Electronic record</option>
                <option value="PAPER">Paper document, at the counter</option>
              </Select>
            )}
          </Field>
        ) : null}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {fields.map((meta) => (
          <Field key={`${kind}-${meta.key}`} label={meta.label} required={meta.required} hint={meta.hint} error={fieldError(meta.key)}>
            {(f) =>
              meta.type === "textarea" ? (
                <Textarea {...f} rows={2} value={String(data[meta.key] ?? "")} onChange={(e) => setData((d) => ({ ...d, [meta.key]: e.target.value }))} />
              ) : meta.type === "boolean" ? (
                <input {...f} type="checkbox" className="h-4 w-4" checked={Boolean(data[meta.key])} onChange={(e) => setData((d) => ({ ...d, [meta.key]: e.target.checked }))} />
              ) : meta.type === "select" ? (
                <Select {...f} value={String(data[meta.key] ?? "")} onChange={(e) => setData((d) => ({ ...d, [meta.key]: e.target.value }))}>
                  <option value="">Choose…</option>
                  {(meta.options ?? []).map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input
                  {...f}
                  type={meta.type === "date" ? "date" : meta.type === "number" ? "number" : "text"}
                  inputMode={meta.type === "amount" ? "decimal" : undefined}
                  value={String(data[meta.key] ?? "")}
                  onChange={(e) => setData((d) => ({ ...d, [meta.key]: e.target.value }))}
                />
              )
            }
          </Field>
        ))}
      </div>
      <div>
        <label htmlFor={fileId} className="mb-1 block text-sm font-medium text-slate-800">
          File (PDF, PNG, JPEG or TIFF, up to {Math.round(maxBytes / 1024 / 1024)} MB) <span aria-hidden>*</span>
        </label>
        <input
          ref={fileInput}
          id={fileId}
          name="file"
          type="file"
          accept="application/pdf,image/png,image/jpeg,image/tiff"
          aria-invalid={Boolean(error?.fields?.file)}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
        />
        {error?.fields?.file ? <p className="mt-1 text-sm text-danger-700">{error.fields.file}</p> : null}
      </div>
      {progress !== null ? <Progress value={progress} label={`Uploading ${file?.name ?? "document"}`} /> : null}
      <Button type="submit" pending={progress !== null || refreshing}>
        Upload document
      </Button>
    </form>
  );
}
