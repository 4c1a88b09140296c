import { describe, expect, it } from "vitest";
import { describeContent, listLabels, SNIFF_BYTES, sniffMediaType } from "./sniff";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))));

describe("sniffMediaType", () => {
  it.each([
    ["PDF", bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "application/pdf"],
    ["PNG", bytes([0x89], "PNG\r\n\x1a\n", [0, 0, 0, 13], "IHDR"), "image/png"],
    ["JPEG (JFIF)", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF\0"), "image/jpeg"],
    ["JPEG (Exif)", bytes([0xff, 0xd8, 0xff, 0xe1], "..Exif"), "image/jpeg"],
    ["TIFF little-endian", bytes("II*\0", [8, 0, 0, 0]), "image/tiff"],
    ["TIFF big-endian", bytes("MM\0*", [0, 0, 0, 8]), "image/tiff"],
    ["BigTIFF", bytes("II+\0", [8, 0, 0, 0]), "image/tiff"],
    ["WebP", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "), "image/webp"],
  ])("recognises %s", (_name, head, expected) => {
    expect(sniffMediaType(head)).toBe(expected);
  });

  it.each([
    ["a Windows program", bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0])],
    ["an ELF program", bytes([0x7f], "ELF", [2, 1, 1, 0])],
    ["a shell script", bytes("#!/bin/sh\nrm -rf /")],
    ["a ZIP archive", bytes("PK", [3, 4, 20, 0])],
    ["HTML", bytes("<!doctype html><script>")],
    ["a RIFF file that is not WebP (WAV)", bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt ")],
    ["a PDF signature not at the start", bytes(" %PDF-1.7")],
    ["a truncated PNG signature", bytes([0x89], "PNG")],
    ["TIFF-like bytes with the wrong magic", bytes("II*\x01")],
    ["nothing", bytes()],
  ])("refuses %s", (_name, head) => {
    expect(sniffMediaType(head)).toBeNull();
  });

  it("decides from SNIFF_BYTES bytes, which cover the longest signature", () => {
    expect(SNIFF_BYTES).toBeGreaterThanOrEqual(12);
    expect(sniffMediaType(bytes("RIFF", [0, 0, 0, 0], "WEBP").subarray(0, SNIFF_BYTES))).toBe("image/webp");
  });
});

describe("describeContent", () => {
  it.each([
    [bytes("MZ", [0x90, 0]), "a Windows program"],
    [bytes([0x7f], "ELF", [2, 1]), "a Linux program (ELF)"],
    [bytes("#!/usr/bin/env python"), "a script"],
    [bytes("PK", [3, 4, 20, 0]), "a ZIP archive (or Word/Excel file)"],
    [bytes("GIF89a"), "a GIF image"],
    [bytes("  <html><body>"), "HTML or XML"],
    [bytes("Invoice 42, total 100"), "plain text"],
    [bytes([0x00, 0x01, 0xfe, 0x80]), "not in a format we recognise"],
    [bytes(), "empty"],
    [bytes("RIFF", [0, 0, 0, 0], "WEBP"), "a WebP image"],
    [bytes("%PDF-1.4"), "a PDF document"],
  ])("names %s", (head, expected) => {
    expect(describeContent(head)).toBe(expected);
  });
});

describe("listLabels", () => {
  it("joins labels in plain English", () => {
    expect(listLabels(["application/pdf", "image/png", "image/jpeg", "image/tiff"])).toBe("PDF, PNG, JPEG and TIFF");
    expect(listLabels(["application/pdf", "image/png"])).toBe("PDF and PNG");
    expect(listLabels(["application/pdf"])).toBe("PDF");
  });
});
