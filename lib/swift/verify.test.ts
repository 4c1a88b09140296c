import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sampleTerms } from "@/lib/terms/sample";
import { swiftMessages } from "./messages";
import { finFileType, recordedSwiftMessages, swiftFileSha256, verifySwiftMessage } from "./verify";

// A milestone records the SHA-256 of each FIN file its step produced; a bank checks the file it
// received against it (docs/SWIFT.md, Recorded hashes).

const [mt700] = swiftMessages({
  reference: "TT-2026-000042",
  creditNumber: "MTB/LC/2026/0042",
  dateOfIssue: "2026-12-01",
  standby: false,
  issuingBank: { name: "Merchant Trade Bank", bic: "MTBKSGSG" },
  advisingBank: { name: "Rotterdam Commerce Bank", bic: "RCBKNL2R500" },
  steps: [{ seq: 2, on: "2026-12-01", kind: "issued", terms: sampleTerms({}, new Date("2026-12-01T00:00:00Z")), bankConditions: null }],
});
const file = mt700!.text;
const bytes = new TextEncoder().encode(file);
const hash = swiftFileSha256(file);
const milestone = (swiftMessages?: unknown) => ({ content: { termsHash: "0xabc", recordedAt: "2026-12-01T09:00:00.000Z", ...(swiftMessages === undefined ? {} : { swiftMessages }) } });

describe("swiftFileSha256", () => {
  it("is the SHA-256 of the file's UTF-8 bytes, as sha256sum prints it, with 0x", () => {
    expect(hash).toBe(`0x${createHash("sha256").update(Buffer.from(file, "utf8")).digest("hex")}`);
    expect(swiftFileSha256(bytes)).toBe(hash);
  });
});

describe("verifySwiftMessage", () => {
  const recorded = [{ type: "MT700", sha256: hash }];

  it("matches the file its milestone recorded, as text or as bytes", () => {
    expect(verifySwiftMessage(file, milestone(recorded))).toEqual({ status: "matches", sha256: hash, recorded: recorded[0] });
    expect(verifySwiftMessage(bytes, milestone(recorded)).status).toBe("matches");
  });

  it("a file edited by one byte no longer matches, wherever the byte is", () => {
    for (const at of [0, 20, file.indexOf(":32B:") + 8, bytes.length - 1]) {
      const edited = bytes.slice();
      edited[at] = edited[at]! ^ 0x01;
      const check = verifySwiftMessage(edited, milestone(recorded));
      expect(check.status, `byte ${at}`).toBe("differs");
      expect(check).toMatchObject({ recorded: recorded[0] });
    }
  });

  it("with several messages on one milestone, compares with each and names the one of the file's type", () => {
    const two = [{ type: "MT754", sha256: `0x${"1".repeat(64)}` }, { type: "MT700", sha256: `0x${"2".repeat(64)}` }];
    expect(verifySwiftMessage(file, milestone(two))).toEqual({ status: "differs", sha256: hash, recorded: two[1] });
    expect(verifySwiftMessage(file, milestone([two[0], ...recorded])).status).toBe("matches");
  });

  it("has nothing to compare with on a milestone from before hashes were recorded, or one that recorded no message", () => {
    expect(verifySwiftMessage(file, milestone())).toEqual({ status: "notRecorded", sha256: hash, reason: "before" });
    expect(verifySwiftMessage(file, milestone([]))).toEqual({ status: "notRecorded", sha256: hash, reason: "notOnMilestone" });
  });
});

describe("recordedSwiftMessages and finFileType", () => {
  it("read a milestone's list (ignoring entries of another shape) and a file's main message type", () => {
    expect(recordedSwiftMessages({ swiftMessages: [{ type: "MT730", sha256: "0x01" }, { type: 7 }, null] })).toEqual([{ type: "MT730", sha256: "0x01" }]);
    expect(recordedSwiftMessages({ recordedAt: "2026-12-01" })).toBeNull();
    expect(recordedSwiftMessages(null)).toBeNull();
    expect(finFileType(file)).toBe("MT700");
    expect(finFileType("{1:F01MTBKSGSGAXXX0000000000}{2:O7341200261201RCBKNL2RA5000000000000261201N}")).toBe("MT734");
    expect(finFileType("not a FIN file")).toBeNull();
  });
});
