import { describe, expect, it } from "vitest";
import { examinationDeadline } from "./banking-days";
import { EXAMINATION_DAYS, eucpExaminationDeadline, representationDueOn } from "./eucp-clock";

// 2026-12: Tue 1, Wed 2, Thu 3, Fri 4, Sat 5, Sun 6, Mon 7, Tue 8, Wed 9, Thu 10, Fri 11, Mon 14, Tue 15 ...

describe("eUCP examination clock: from the notice of completeness (art. e7(a)(i))", () => {
  it("counts five banking days from the banking day following the notice, not from the first record", () => {
    // Records arrived on Tuesday 1 December; the notice of completeness on Thursday 3.
    expect(eucpExaminationDeadline({ noticeOn: "2026-12-03" })).toBe("2026-12-10");
    expect(eucpExaminationDeadline({ noticeOn: "2026-12-03" })).not.toBe(examinationDeadline("2026-12-01"));
    expect(EXAMINATION_DAYS).toBe(5);
  });

  it("counts a notice received on a closed day from the next banking day, and skips the bank's holidays", () => {
    expect(eucpExaminationDeadline({ noticeOn: "2026-12-05" })).toBe("2026-12-14"); // Saturday: as Monday 7
    expect(eucpExaminationDeadline({ noticeOn: "2026-12-03", holidays: ["2026-12-08"] })).toBe("2026-12-11");
  });

  it("agrees with UCP 600 art. 14(b) when nothing is suspended: the notice day is the day of presentation", () => {
    for (const day of ["2026-12-01", "2026-12-04", "2026-12-06", "2026-12-24"]) {
      expect(eucpExaminationDeadline({ noticeOn: day, holidays: ["2026-12-25"] })).toBe(examinationDeadline(day, ["2026-12-25"]));
    }
  });
});

describe("eUCP examination clock: suspended for a corrupted record (art. e12(b)(i))", () => {
  it("stops on the day of the request and resumes the banking day after the re-presentation", () => {
    // Notice Thu 3; Fri 4 and Mon 7 are used; asked on Tue 8; re-presented Mon 14: three days left from Tue 15.
    expect(eucpExaminationDeadline({ noticeOn: "2026-12-03", suspensions: [{ from: "2026-12-08", to: "2026-12-14", dueOn: "2027-01-07" }] })).toBe("2026-12-17");
  });

  it("uses no day when asked on the notice's own day: the whole period runs from the re-presentation", () => {
    expect(eucpExaminationDeadline({ noticeOn: "2026-12-03", suspensions: [{ from: "2026-12-03", to: "2026-12-04", dueOn: "2027-01-02" }] })).toBe("2026-12-11");
  });

  it("while the record is awaited, shows the latest deadline: as if re-presented on the last day allowed", () => {
    const awaited = eucpExaminationDeadline({ noticeOn: "2026-12-03", suspensions: [{ from: "2026-12-08", to: null, dueOn: "2027-01-07" }] });
    expect(awaited).toBe("2027-01-12"); // Thu 7 Jan, then Fri 8, Mon 11, Tue 12
  });

  it("adds up several suspensions, one after the other", () => {
    const deadline = eucpExaminationDeadline({
      noticeOn: "2026-12-03",
      suspensions: [
        { from: "2026-12-07", to: "2026-12-08", dueOn: "2027-01-06" }, // Fri 4 used: 4 left from Wed 9
        { from: "2026-12-10", to: "2026-12-11", dueOn: "2027-01-09" }, // Wed 9 used: 3 left from Mon 14
      ],
    });
    expect(deadline).toBe("2026-12-16");
  });

  it("does not revive a time for examination that had already run out", () => {
    expect(eucpExaminationDeadline({ noticeOn: "2026-12-03", suspensions: [{ from: "2026-12-14", to: "2026-12-20", dueOn: "2027-01-13" }] })).toBe("2026-12-10");
  });
});

describe("the last day to re-present (art. e12(b)(iii))", () => {
  it("is thirty calendar days after the request, or the expiry date when that comes first", () => {
    expect(representationDueOn("2026-12-08", "2027-06-30")).toBe("2027-01-07");
    expect(representationDueOn("2026-12-08", "2026-12-20")).toBe("2026-12-20");
    expect(representationDueOn("2026-12-21", "2026-12-20")).toBe("2026-12-21");
  });
});
