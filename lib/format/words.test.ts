import { describe, expect, it } from "vitest";
import { count, examinationCountdown, findingsSummary } from "./words";

describe("count", () => {
  it("says one thing or several things, never thing(s)", () => {
    expect(count(1, "finding")).toBe("1 finding");
    expect(count(0, "finding")).toBe("0 findings");
    expect(count(2, "discrepancy", "discrepancies")).toBe("2 discrepancies");
    expect(count(12_500, "milestone")).toBe("12,500 milestones");
  });
});

describe("findingsSummary", () => {
  const one = [{ dismissed: false }, { dismissed: true }];

  it("counts findings as open only while the bank examines, and never dismissed ones", () => {
    expect(findingsSummary("PRESENTED", one)).toBe("1 open finding");
    expect(findingsSummary("PRESENTED", [...one, { dismissed: false }])).toBe("2 open findings");
    expect(findingsSummary("PRESENTED", [{ dismissed: true }])).toBeNull();
  });

  it("speaks of notified, waived and refused discrepancies afterwards (bug 9: '1 open finding(s)' after waiver and payment)", () => {
    expect(findingsSummary("DISCREPANT", one)).toBe("1 discrepancy notified");
    expect(findingsSummary("WAIVED", one)).toBe("1 discrepancy waived");
    expect(findingsSummary("PAID", one)).toBe("1 discrepancy waived");
    expect(findingsSummary("REFUSED", [{ dismissed: false }, { dismissed: false }])).toBe("refused for 2 discrepancies");
    for (const status of ["DISCREPANT", "WAIVED", "PAYMENT_PENDING", "PAID", "REFUSED"] as const) expect(findingsSummary(status, one)).not.toMatch(/open|\(s\)/);
    expect(findingsSummary("COMPLIANT", [{ dismissed: true }])).toBeNull();
  });
});

describe("examinationCountdown", () => {
  it("counts banking days and shows the deadline in the app's date format", () => {
    expect(examinationCountdown(3, new Date("2026-12-04T00:00:00Z"))).toBe("3 banking days left: decide by 4 Dec 2026 (the fifth banking day after presentation).");
    expect(examinationCountdown(1, "2026-12-04")).toBe("1 banking day left: decide by 4 Dec 2026 (the fifth banking day after presentation).");
    expect(examinationCountdown(-1, "2026-12-04")).toBe("Overdue by 1 banking day: the deadline was 4 Dec 2026.");
  });
});
