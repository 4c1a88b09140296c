// What a file really is, read from its first bytes ("magic numbers"), never from the name or the
// Content-Type the client sent: an executable renamed invoice.pdf is still an executable.

/** Media types we can recognise as documents. */
export const DOCUMENT_MEDIA_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/tiff", "image/webp"] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** What an upload may be unless the caller says otherwise. */
export const ACCEPTED_MEDIA_TYPES: readonly DocumentMediaType[] = ["application/pdf", "image/png", "image/jpeg", "image/tiff"];

/** How many leading bytes sniffMediaType() needs to decide (fewer only when the file is shorter). */
export const SNIFF_BYTES = 16;

export const MEDIA_TYPE_LABELS: Record<DocumentMediaType, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  "image/tiff": "TIFF",
  "image/webp": "WebP",
};

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

function startsWith(head: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (head.length < offset + signature.length) return false;
  return signature.every((byte, i) => head[offset + i] === byte);
}

const PDF = ascii("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
// Classic TIFF and BigTIFF, little- and big-endian.
const TIFF = [
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
  [0x49, 0x49, 0x2b, 0x00],
  [0x4d, 0x4d, 0x00, 0x2b],
];

/** The document media type of a file from its first SNIFF_BYTES bytes, or null for anything else. */
export function sniffMediaType(head: Uint8Array): DocumentMediaType | null {
  if (startsWith(head, PDF)) return "application/pdf";
  if (startsWith(head, PNG)) return "image/png";
  if (startsWith(head, JPEG)) return "image/jpeg";
  if (TIFF.some((signature) => startsWith(head, signature))) return "image/tiff";
  if (startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

// Common things people (or attackers) upload instead of a document, named in the refusal so the
// user knows what went wrong. Order matters: the first match wins.
const KNOWN: readonly { signature: readonly number[]; offset?: number; name: string }[] = [
  { signature: ascii("MZ"), name: "a Windows program" },
  { signature: [0x7f, 0x45, 0x4c, 0x46], name: "a Linux program (ELF)" },
  { signature: [0xfe, 0xed, 0xfa, 0xce], name: "a macOS program" },
  { signature: [0xfe, 0xed, 0xfa, 0xcf], name: "a macOS program" },
  { signature: [0xce, 0xfa, 0xed, 0xfe], name: "a macOS program" },
  { signature: [0xcf, 0xfa, 0xed, 0xfe], name: "a macOS program" },
  { signature: [0xca, 0xfe, 0xba, 0xbe], name: "a macOS program or Java class" },
  { signature: ascii("#!"), name: "a script" },
  { signature: [0x50, 0x4b, 0x03, 0x04], name: "a ZIP archive (or Word/Excel file)" },
  { signature: [0x50, 0x4b, 0x05, 0x06], name: "a ZIP archive" },
  { signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], name: "an old Office document" },
  { signature: ascii("Rar!"), name: "a RAR archive" },
  { signature: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: "a 7-Zip archive" },
  { signature: [0x1f, 0x8b], name: "a gzip archive" },
  { signature: ascii("GIF8"), name: "a GIF image" },
  { signature: ascii("BM"), name: "a BMP image" },
  { signature: ascii("%!PS"), name: "a PostScript file" },
  { signature: ascii("{\\rtf"), name: "an RTF document" },
  { signature: [0x00, 0x61, 0x73, 0x6d], name: "a WebAssembly module" },
];

/** A short human description of what a refused file appears to be, for error messages. */
export function describeContent(head: Uint8Array): string {
  if (head.length === 0) return "empty";
  const mediaType = sniffMediaType(head);
  if (mediaType) return `a ${MEDIA_TYPE_LABELS[mediaType]} ${mediaType === "application/pdf" ? "document" : "image"}`;
  for (const { signature, offset, name } of KNOWN) if (startsWith(head, signature, offset)) return name;
  const text = new TextDecoder("utf-8", { fatal: false }).decode(head).trimStart().toLowerCase();
  if (text.startsWith("<")) return "HTML or XML";
  if (/^[\x09\x0a\x0d\x20-\x7e]+$/.test(text)) return "plain text";
  return "not in a format we recognise";
}

/** "PDF, PNG, JPEG and TIFF" */
export function listLabels(types: readonly DocumentMediaType[]): string {
  const labels = types.map((type) => MEDIA_TYPE_LABELS[type]);
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}
