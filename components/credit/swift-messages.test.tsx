import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { AnchoredSwiftExport } from "@/lib/credits/swift-messages";
import { swiftMessages } from "@/lib/swift/messages";
import { swiftFileSha256, verifySwiftMessage } from "@/lib/swift/verify";
import { sampleTerms } from "@/lib/terms/sample";
import { mt798Application } from "@/lib/swift/mt798";
import { SwiftMessages } from "./swift-messages";

// The SWIFT tab shows each file's SHA-256 beside the one its milestone anchored, and says whether
// they match; a milestone from before hashes were recorded says so with its date.

const [mt700] = swiftMessages({
  reference: "TT-2026-000042",
  creditNumber: "MTB/LC/2026/0042",
  dateOfIssue: "2026-12-01",
  standby: false,
  issuingBank: { name: "Merchant Trade Bank", bic: "MTBKSGSG" },
  advisingBank: { name: "Rotterdam Commerce Bank", bic: "RCBKNL2R500" },
  steps: [{ seq: 2, on: "2026-12-01", kind: "issued", terms: sampleTerms({}, new Date("2026-12-01T00:00:00Z")), bankConditions: null }],
});
const hash = swiftFileSha256(mt700!.text);
const shown = (swiftMessages: unknown, on = "2026-12-01") => {
  const anchored = { ...verifySwiftMessage(mt700!.text, { content: swiftMessages === undefined ? {} : { swiftMessages } }), milestoneOn: on };
  return renderToStaticMarkup(<SwiftMessages creditId="c1" messages={[{ ...mt700!, anchored } as AnchoredSwiftExport]} />);
};

describe("SwiftMessages: the anchored hash", () => {
  it("shows the file's SHA-256 and that it matches the anchored issuance", () => {
    const markup = shown([{ type: "MT700", sha256: hash }]);
    expect(markup).toContain('data-swift-anchored="matches"');
    expect(markup).toContain(hash);
    expect(markup).toContain("Matches the anchored issuance");
  });

  it("says when the file is not the one its milestone recorded, showing both hashes", () => {
    const other = `0x${"ab".repeat(32)}`;
    const markup = shown([{ type: "MT700", sha256: other }]);
    expect(markup).toContain('data-swift-anchored="differs"');
    expect(markup).toContain(other);
    expect(markup).toContain(hash);
    expect(markup).toContain("Does not match milestone 2");
  });

  it("says a milestone from before hashes were recorded has none, with its date", () => {
    const markup = shown(undefined, "2026-10-14");
    expect(markup).toContain('data-swift-anchored="notRecorded"');
    expect(markup).toContain("Not recorded (milestone of 2026-10-14, before message hashes were recorded)");
    expect(markup).not.toContain("Matches");
  });
});

describe("SwiftMessages: the MT798 application", () => {
  const application = mt798Application({
    reference: "TT-2026-000042",
    terms: sampleTerms({}, new Date("2026-12-01T00:00:00Z")),
    applicant: { name: "Lion City Engineering Pte Ltd", bic: "LCENSGS1" },
    issuingBank: { name: "Merchant Trade Bank", bic: "MTBKSGSG" },
    advisingBank: { name: "Rotterdam Commerce Bank", bic: "RCBKNL2R500" },
    createdAt: "2026-12-01T09:30:00.000Z",
  });

  it("before issuance (no message yet) shows the application with its downloads, and names the index's fields", () => {
    const markup = renderToStaticMarkup(<SwiftMessages creditId="c1" messages={[]} application={application} />);
    expect(markup).toContain('data-swift-message="mt798-application"');
    expect(markup).toContain('href="/api/v1/credits/c1/application/mt798?download=fin"');
    expect(markup).toContain("No SWIFT messages yet");
    expect(markup).toContain("25F Text purpose");
    expect(markup).toContain("32B Currency code, amount");
  });

  it("shows no application card to whoever the server gave none", () => {
    expect(renderToStaticMarkup(<SwiftMessages creditId="c1" messages={[]} />)).not.toContain("mt798");
  });
});
