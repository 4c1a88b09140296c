// Display names for uploaded files. The name a client sends is only ever shown (and offered back
// in Content-Disposition); it never becomes a path on disk, which uses a server-generated key.
// Still, a name like "..\\..\\evil.exe", "invoice\u202Efdp.exe" or one with a newline must not
// reach a page or a header as is.

const MAX_LENGTH = 150;
const MAX_EXTENSION_LENGTH = 10;
const FALLBACK = "document";

/** The extensions a sniffed media type may carry; the first is the one we add. */
const EXTENSIONS: Record<string, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg", "jpe"],
  "image/tiff": ["tif", "tiff"],
  "image/webp": ["webp"],
};

// C0/C1 controls, bidi overrides/isolates (they make "exe.pdf" display as "fdp.exe"), zero-width
// characters and the byte-order mark.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
// Characters Windows refuses in file names, replaced so a downloaded file saves under its name.
const RESERVED = /[<>:"|?*]/g;

function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || dot === name.length - 1) return { stem: name, extension: "" };
  const extension = name.slice(dot + 1);
  if (extension.length > MAX_EXTENSION_LENGTH || !/^[\p{L}\p{N}]+$/u.test(extension)) return { stem: name, extension: "" };
  return { stem: name.slice(0, dot), extension };
}

/** Cut to `max` characters without splitting a surrogate pair. */
const cut = (text: string, max: number) => Array.from(text).slice(0, max).join("");

/**
 * A display name made safe: no directories (either slash), no control or bidi characters, no
 * leading dots, at most 150 characters, never empty. Given the sniffed media type, the extension
 * is made to match it ("scan.exe" that is really a PDF becomes "scan.pdf").
 */
export function safeFileName(clientName: string, mediaType?: string): string {
  const base =
    clientName
      .normalize("NFC")
      .replace(/[\t\n\v\f\r]/g, " ")
      .replace(INVISIBLE, "")
      .split(/[/\\]/)
      .at(-1) ?? "";
  const cleaned = base
    .replace(RESERVED, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+/, "")
    .replace(/[\s.]+$/, "");
  let { stem, extension } = splitExtension(cleaned);
  const allowed = mediaType ? EXTENSIONS[mediaType] : undefined;
  if (allowed && !allowed.includes(extension.toLowerCase())) {
    // A known-looking extension of the wrong type is replaced; anything else ("No. 12.5") stays
    // part of the name and the right extension is appended.
    if (extension !== "" && /^[a-z][a-z0-9]{0,4}$/i.test(extension)) extension = allowed[0]!;
    else {
      stem = extension === "" ? stem : `${stem}.${extension}`;
      extension = allowed[0]!;
    }
  }
  stem = stem.trim() === "" ? FALLBACK : stem;
  const suffix = extension === "" ? "" : `.${extension}`;
  return `${cut(stem, MAX_LENGTH - suffix.length).trimEnd()}${suffix}`;
}

/** RFC 5987 ext-value: percent-encode everything but attr-char. */
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An ASCII stand-in for old clients: accents dropped, anything else non-ASCII as "_". */
function asciiFallback(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%]/g, "_");
}

/**
 * A Content-Disposition header value (RFC 6266): a quoted ASCII `filename` every client reads and,
 * when the name is not plain ASCII, `filename*` with the exact UTF-8 name (RFC 5987).
 */
export function contentDisposition(fileName: string, disposition: "attachment" | "inline" = "attachment"): string {
  const name = safeFileName(fileName);
  const fallback = asciiFallback(name);
  const header = `${disposition}; filename="${fallback}"`;
  return fallback === name ? header : `${header}; filename*=UTF-8''${encodeExtValue(name)}`;
}
