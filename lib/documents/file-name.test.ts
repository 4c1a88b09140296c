import { describe, expect, it } from "vitest";
import { contentDisposition, safeFileName } from "./file-name";

describe("safeFileName", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["..\\..\\Windows\\System32\\evil.dll", "evil.dll"],
    ["C:\\Users\\ana\\Desktop\\Invoice 42.pdf", "Invoice 42.pdf"],
    ["/var/tmp/", "document"],
    ["", "document"],
    ["...", "document"],
    [".htaccess", "htaccess"],
    ["..hidden.pdf", "hidden.pdf"],
    ["bill\r\nSet-Cookie: a=b.pdf", "bill Set-Cookie_ a=b.pdf"],
    ["tab\tand   spaces .pdf", "tab and spaces.pdf"],
    ["what?<is>*this|\".pdf", "what__is__this__.pdf"],
    ["Facture n°12 – été.pdf", "Facture n°12 – été.pdf"],
    ["trailing dots...", "trailing dots"],
  ])("%j → %j", (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it("removes bidi overrides that would disguise an extension", () => {
    // Displays as "invoiceexe.pdf" in a browser, but is invoice<RLO>fdp.exe.
    expect(safeFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(safeFileName("a\u200Bb\uFEFF.pdf")).toBe("ab.pdf");
  });

  it("normalises to NFC so the same name always compares equal", () => {
    expect(safeFileName("e\u0301te\u0301.pdf")).toBe("\u00e9t\u00e9.pdf");
  });

  it("limits the length, keeping the extension and whole characters", () => {
    const long = safeFileName(`${"📄".repeat(300)}.pdf`);
    expect(Array.from(long)).toHaveLength(150);
    expect(long.endsWith("📄.pdf")).toBe(true);
    expect(long).not.toMatch(/[\ud800-\udbff]\.pdf$/);
  });

  describe("with the sniffed media type", () => {
    it.each([
      ["invoice.pdf", "application/pdf", "invoice.pdf"],
      ["INVOICE.PDF", "application/pdf", "INVOICE.PDF"],
      ["scan.jpeg", "image/jpeg", "scan.jpeg"],
      ["scan.JPG", "image/jpeg", "scan.JPG"],
      ["page.tif", "image/tiff", "page.tif"],
      // The bytes decide: a wrong but plausible extension is replaced…
      ["invoice.exe", "application/pdf", "invoice.pdf"],
      ["photo.png", "image/jpeg", "photo.jpg"],
      // …and a name without one (or with a number for one) gets the right one added.
      ["passwd", "application/pdf", "passwd.pdf"],
      ["Bill of Lading No. 12.5", "application/pdf", "Bill of Lading No. 12.5.pdf"],
      ["", "image/png", "document.png"],
      ["../../", "application/pdf", "document.pdf"],
    ])("%j as %s → %j", (input, mediaType, expected) => {
      expect(safeFileName(input, mediaType)).toBe(expected);
    });
  });

  it("is idempotent", () => {
    for (const name of ["../../etc/passwd", "Facture été.pdf", "what?.pdf", `${"x".repeat(400)}.pdf`, "invoice\u202Efdp.exe"]) {
      const once = safeFileName(name, "application/pdf");
      expect(safeFileName(once, "application/pdf")).toBe(once);
    }
  });
});

describe("contentDisposition", () => {
  it("quotes a plain ASCII name with no extended parameter", () => {
    expect(contentDisposition("Invoice 42.pdf")).toBe('attachment; filename="Invoice 42.pdf"');
    expect(contentDisposition("scan.png", "inline")).toBe('inline; filename="scan.png"');
  });

  it("adds filename* with the exact UTF-8 name and an ASCII fallback (RFC 6266 / 5987)", () => {
    expect(contentDisposition("Facture été.pdf")).toBe(`attachment; filename="Facture ete.pdf"; filename*=UTF-8''Facture%20%C3%A9t%C3%A9.pdf`);
    expect(contentDisposition("発票.pdf")).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E7%99%BA%E7%A5%A8.pdf`);
  });

  it("percent-encodes the characters RFC 5987 does not allow bare", () => {
    const header = contentDisposition("a'b(c)d~e%f é.pdf");
    expect(header).toContain(`filename*=UTF-8''a%27b%28c%29d~e%25f%20%C3%A9.pdf`);
    // A literal % in the fallback could be percent-decoded by some clients: replaced.
    expect(header).toContain(`filename="a'b(c)d~e_f e.pdf"`);
  });

  it("cannot be broken out of: no quotes, backslashes or line breaks reach the header", () => {
    const header = contentDisposition('evil"; filename="x.exe\r\nSet-Cookie: a=b\\.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).not.toContain("\\");
    expect(header.startsWith('attachment; filename="')).toBe(true);
  });

  it("round-trips the UTF-8 name through decodeURIComponent", () => {
    const name = "Connaissement (copie) №7 – 發票 📄.pdf";
    const encoded = /filename\*=UTF-8''(.+)$/.exec(contentDisposition(name))?.[1];
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(encoded!)).toBe(name);
  });
});
