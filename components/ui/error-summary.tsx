"use client";

import { type RefObject, useEffect, useId, useRef, useState } from "react";

interface Entry {
  id: string;
  label: string;
  message: string;
}

/**
 * The outcome of a failed save, above the form (the GOV.UK pattern): focus moves here, so a
 * screen reader reads the message, and each entry links to its field. The entries are read from
 * the fields the form marked aria-invalid, with their label and their error text, so every form
 * that uses Field gets them without restating its labels.
 */
export function ErrorSummary({ message, form, attempt }: { message: string; form: RefObject<HTMLFormElement | null>; attempt: unknown }) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [entries, setEntries] = useState<Entry[]>([]);

  useEffect(() => {
    const controls = Array.from(form.current?.querySelectorAll<HTMLElement>('[aria-invalid="true"][id]') ?? []);
    const found = controls.map((control) => {
      const describedBy = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
      const errorText = describedBy.map((id) => document.getElementById(id)).find((el) => el?.dataset.fieldError !== undefined)?.textContent ?? "";
      const label = ((control as HTMLInputElement).labels?.[0]?.textContent ?? control.getAttribute("aria-label") ?? "").replace(/\*$/, "").trim();
      return { id: control.id, label, message: errorText };
    });
    // Read from the DOM the fields this attempt marked: state that mirrors the document.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setEntries(found);
    box.current?.focus();
  }, [attempt, form]);

  return (
    <div ref={box} tabIndex={-1} role="alert" aria-labelledby={titleId} data-error-summary className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800 focus:outline-2 focus:outline-danger-700">
      <p id={titleId} className="font-medium">
        {message}
      </p>
      {entries.length > 0 ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {entries.map((entry) => (
            <li key={entry.id}>
              <a
                href={`#${entry.id}`}
                className="underline underline-offset-2"
                onClick={(event) => {
                  // A fragment link scrolls but does not focus: take the user into the field.
                  event.preventDefault();
                  const field = document.getElementById(entry.id);
                  field?.focus();
                  field?.scrollIntoView({ block: "center" });
                }}
              >
                {entry.label ? `${entry.label}: ` : ""}
                {entry.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
