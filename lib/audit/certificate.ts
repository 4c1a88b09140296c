import { PDFDocument, type PDFFont, type PDFPage, StandardFonts, rgb } from "pdf-lib";
import type { Actor } from "@/lib/auth/actor";
import { getCredit } from "@/lib/credits/get-credit";
import { recordAuditUse } from "@/lib/audit/log";
import { creditLabel } from "@/lib/credits/label";
import { formatUtcDateTime } from "@/lib/format/dates";
import { verifyCreditNow } from "@/lib/verify/live";
import { certificateMilestoneLine, certificateStatusLine } from "./certificate-text";

// A human-readable audit certificate (PDF): the credit, each milestone with its digest, batch
// root, transaction and block, the live verification result, and how to verify independently.

const MARGIN = 48;
const LINE = 13;

class Writer {
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly mono: PDFFont,
  ) {
    this.page = doc.addPage([595, 842]); // A4
    this.y = 842 - MARGIN;
  }
  private ensure(lines: number) {
    if (this.y - lines * LINE < MARGIN) {
      this.page = this.doc.addPage([595, 842]);
      this.y = 842 - MARGIN;
    }
  }
  text(value: string, options: { size?: number; bold?: boolean; mono?: boolean; color?: [number, number, number]; indent?: number } = {}) {
    const size = options.size ?? 9.5;
    const font = options.mono ? this.mono : options.bold ? this.bold : this.font;
    const width = 595 - 2 * MARGIN - (options.indent ?? 0);
    // pdf-lib's standard fonts cover WinAnsi only: keep what they can draw.
    const safe = value.replace(/[^\x20-\x7E\u00A0-\u00FF]/g, "?");
    const words = safe.split(/(\s+)/);
    let line = "";
    const lines: string[] = [];
    for (const word of words) {
      const next = line + word;
      if (font.widthOfTextAtSize(next, size) > width && line.trim()) {
        lines.push(line.trimEnd());
        line = word.trimStart();
      } else line = next;
    }
    if (line.trim() || lines.length === 0) lines.push(line);
    for (const l of lines) {
      // Hashes have no spaces: split them by characters when they do not fit.
      let rest = l;
      while (rest.length > 0) {
        let cut = rest.length;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        this.ensure(1);
        this.page.drawText(rest.slice(0, cut), { x: MARGIN + (options.indent ?? 0), y: this.y, size, font, color: rgb(...(options.color ?? [0.1, 0.12, 0.16])) });
        this.y -= size + 3.5;
        rest = rest.slice(cut);
      }
    }
  }
  gap(points = 6) {
    this.y -= points;
  }
}

export async function auditCertificate(actor: Actor, creditId: string): Promise<Uint8Array> {
  const credit = await getCredit(actor, creditId);
  const check = await verifyCreditNow(actor, creditId);
  if (credit.auditing) await recordAuditUse(actor, { action: "export-certificate", creditId });
  const doc = await PDFDocument.create();
  doc.setTitle(`Audit certificate ${creditLabel(credit)}`);
  doc.setProducer("TradeTrail");
  const w = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold), await doc.embedFont(StandardFonts.Courier));

  w.text("Audit trail certificate", { size: 18, bold: true });
  w.text(`Letter of credit ${credit.creditNumber ?? "(not yet issued)"} - TradeTrail reference ${credit.reference}`, { size: 11 });
  w.gap();
  w.text(`Applicant: ${credit.parties.applicant.name}    Beneficiary: ${credit.parties.beneficiary.name}`);
  w.text(`Issuing bank: ${credit.parties.issuingBank.name}    Advising bank: ${credit.parties.advisingBank.name}`);
  w.text(certificateStatusLine(credit));
  w.gap();
  w.text(`Checked against chain ${check.chainId}, AnchorRegistry ${check.contractAddress} (version ${check.checkedAgainst.registryVersion}), read at block ${check.checkedAgainst.atBlock} (head ${check.head}), on ${formatUtcDateTime(new Date(check.checkedAt))}.`);
  w.text(`Allowed anchorers: ${check.checkedAgainst.anchorers === null ? "any holder of the registry's anchorer role" : check.checkedAgainst.anchorers.join(", ") || "none"}.`);
  w.text(`Trail: ${check.trail.status.toUpperCase()}. ${check.trail.reason}`, { bold: true, color: check.trail.status === "complete" ? [0.05, 0.45, 0.2] : [0.7, 0.1, 0.1] });
  for (const warning of check.warnings) w.text(`Warning: ${warning.message}`, { size: 9, color: [0.55, 0.35, 0.0] });
  const counts = check.results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
  const all = check.results.filter((r) => r.status !== "truncated").length;
  const verified = counts.verified ?? 0;
  w.text(
    check.ok ? `Result: all ${all} milestones verified.` : `Result: ${verified} of ${all} milestones verified; ${Object.entries(counts).filter(([s]) => s !== "verified").map(([s, n]) => `${n} ${s}`).join(", ") || "none recorded"}.`,
    { bold: true, color: check.ok ? [0.05, 0.45, 0.2] : [0.7, 0.1, 0.1] },
  );
  w.gap(10);
  w.text("Milestones", { size: 13, bold: true });
  for (const r of check.results) {
    const m = credit.milestones.find((x) => x.seq === r.seq);
    w.gap(4);
    w.text(certificateMilestoneLine(r, m), { bold: true });
    w.text(`digest ${r.digest}`, { mono: true, size: 8, indent: 12 });
    if (m?.batch) {
      w.text(`batch root ${m.batch.root}`, { mono: true, size: 8, indent: 12 });
      if (m.batch.txHash) w.text(`transaction ${m.batch.txHash}, block ${m.batch.blockNumber}${m.batch.blockTime ? ` (${formatUtcDateTime(m.batch.blockTime)})` : ""}`, { mono: true, size: 8, indent: 12 });
    }
    if (m && m.documentHashes.length > 0) for (const h of m.documentHashes) w.text(`document sha256 ${h}`, { mono: true, size: 8, indent: 12 });
    for (const signer of r.signers ?? []) w.text(`signed by ${signer.userName} (${signer.role === "maker" ? "prepared it" : "took the step"}), key ${signer.fingerprint}`, { size: 8, indent: 12 });
    if (r.status !== "verified") w.text(r.reason, { indent: 12, color: [0.7, 0.1, 0.1] });
  }
  if (check.signing) {
    w.gap(6);
    w.text(
      check.signing.required
        ? "Signatures: this credit's parties require every step to be signed by the passkey of the person who took it; each signature was checked against the keys its organisation's anchored key trail held at the time."
        : "Signatures: this credit's parties do not require signed steps; who agreed to each step rests on TradeTrail's records.",
      { size: 9 },
    );
  }
  w.gap(10);
  w.text("How to verify this independently", { size: 13, bold: true });
  w.text("1. Download the credit's proof bundle (JSON) from TradeTrail, or ask the bank for it.");
  w.text(`2. With only the bundle, any JSON-RPC endpoint of chain ${check.chainId} and the registry address published above, run:`);
  w.text(`   npm run verify -- bundle.json --rpc <URL> --contract ${check.contractAddress}${check.checkedAgainst.anchorers?.length ? ` ${check.checkedAgainst.anchorers.map((a) => `--anchorer ${a}`).join(" ")}` : ""}`, { mono: true, size: 8 });
  w.text("   (from the TradeTrail source), or follow docs/PROOF-FORMAT.md: recompute each digest, check its Merkle proof, read the root from the registry's anchorOf(root), check each milestone's previous digest, and compare the credit's heads (CreditAdvanced logs) with the trail.");
  w.text("3. Check the registry address against the operator's published record (README and the DNS TXT record described in docs/AUDITING.md), not against this certificate alone.");
  w.text("4. A document's SHA-256 (sha256sum file.pdf) must appear among the document hashes of its milestone.");
  return doc.save();
}
