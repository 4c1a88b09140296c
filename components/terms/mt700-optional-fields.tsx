"use client";

import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { describeSwiftFormat, maxLines } from "@/lib/swift/format";
import { MT700_TEXT_FIELDS, type Mt700TextPath } from "@/lib/terms/mt700";
import { OPTIONAL_FORM_GROUPS, TERMS_FIELDS } from "@/lib/terms/fields";
import { type TermsInput, isEucp } from "@/lib/terms/schema";

// The optional MT700 fields a bank may need (31C, 51a, 39C, 42a, 42M, 44A, 44B, 44D, 49G, 49H,
// 71N, 58a, 53a, 57a, 78, 72Z), rendered from the field catalogue in groups that start collapsed.
// A group opens by itself when one of its fields holds a value or an error.

type Value = string | undefined;

const EUCP_HINTS: Partial<Record<keyof TermsInput, string>> = {
  eucpPresentationPlace: "Required under eUCP: the address or system where electronic records are presented, e.g. https://trade.bank.example/eucp",
  eucpRecordFormats: "Separated by commas, e.g. PDF, XML. Left empty, any format may be presented (eUCP art. e5).",
};

export interface Mt700OptionalFieldsProps {
  terms: TermsInput;
  set: (path: keyof TermsInput, value: Value) => void;
  err: (path: string) => string | undefined;
  standby: boolean;
}

export function Mt700OptionalFields({ terms, set, err, standby }: Mt700OptionalFieldsProps) {
  const values = terms as Record<string, unknown>;
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <legend className="px-1 text-sm font-semibold text-slate-800">More MT700 fields (optional)</legend>
      {OPTIONAL_FORM_GROUPS.filter((group) => !(standby && group.documentaryOnly) && (!group.eucpOnly || isEucp(terms.applicableRules) || group.fields.some((f) => values[f.path]))).map((group) => {
        const fields = group.fields.map((f) => ({ ...f, meta: TERMS_FIELDS.find((t) => t.path === f.path)! }));
        const filled = fields.filter((f) => typeof values[f.path] === "string" && values[f.path] !== "").length;
        const open = filled > 0 || fields.some((f) => err(f.path)) || group.eucpOnly === true;
        return (
          <details key={group.title} open={open} className="rounded-md border border-slate-200">
            <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-800">
              {group.title} ({fields.map((f) => f.meta.tag).join(", ")}){filled > 0 ? ` · ${filled} filled` : ""}
            </summary>
            <div className="grid gap-4 px-4 pb-4 pt-2 md:grid-cols-2">
              {fields.map(({ path, input, options, meta }) => {
                const spec = path in MT700_TEXT_FIELDS ? MT700_TEXT_FIELDS[path as Mt700TextPath] : undefined;
                const value = typeof values[path] === "string" ? (values[path] as string) : "";
                const onChange = (next: string) => set(path, next);
                return (
                  <Field key={path} label={`${meta.label} (${meta.tag})`} error={err(path)} hint={spec ? describeSwiftFormat(spec) : EUCP_HINTS[path]}>
                    {(f) =>
                      input === "select" ? (
                        <Select {...f} value={value} onChange={(e) => onChange(e.target.value)}>
                          <option value="">Not stated</option>
                          {options!.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </Select>
                      ) : input === "date" ? (
                        <Input {...f} type="date" value={value} onChange={(e) => onChange(e.target.value)} />
                      ) : input === "textarea" ? (
                        <Textarea {...f} className="font-mono" rows={Math.min(spec ? maxLines(spec) : 3, 4)} value={value} onChange={(e) => onChange(e.target.value)} />
                      ) : (
                        <Input {...f} value={value} onChange={(e) => onChange(e.target.value)} />
                      )
                    }
                  </Field>
                );
              })}
            </div>
          </details>
        );
      })}
    </fieldset>
  );
}
