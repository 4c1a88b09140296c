import { describe, expect, it } from "vitest";
import { addBankingDays, addCalendarDays, bankingDaysLeft, calendarDaysBetween, examinationDeadline, isBankingDay, nextBankingDayFrom } from "./banking-days";

// November/December 2026: Mon 23, Fri 27, Sat 28, Mon 30 Nov; Fri 25 Dec; Fri 1 Jan 2027.

describe("examinationDeadline (UCP 600 art. 14b)", () => {
  it("is the fifth banking day following presentation, across a weekend", () => {
    expect(examinationDeadline("2026-11-23")).toBe("2026-11-30");
  });

  it("counts from the day after a Friday presentation", () => {
    expect(examinationDeadline("2026-11-27")).toBe("2026-12-04");
  });

  it("skips the bank's holidays as well as the weekend", () => {
    expect(examinationDeadline("2026-12-23", ["2026-12-25"])).toBe("2026-12-31");
    expect(examinationDeadline("2026-12-23", ["2026-12-25", "2026-12-28"])).toBe("2027-01-01");
    expect(examinationDeadline("2026-12-23", new Set(["2026-12-25", "2026-12-28", "2027-01-01"]))).toBe("2027-01-04");
  });

  it("treats documents presented on a Saturday as presented on the Monday", () => {
    expect(examinationDeadline("2026-11-28")).toBe("2026-12-07");
    expect(examinationDeadline("2026-11-29")).toBe("2026-12-07");
  });

  it("treats documents presented on a holiday as presented on the next banking day", () => {
    expect(examinationDeadline("2026-12-25", ["2026-12-25"])).toBe("2027-01-04");
    expect(examinationDeadline("2026-12-25", ["2026-12-25", "2027-01-01"])).toBe("2027-01-05");
  });

  it("takes Dates as UTC calendar days, for the presentation and the holidays", () => {
    expect(examinationDeadline(new Date("2026-11-27T23:30:00Z"), [new Date("2026-12-01T00:00:00Z")])).toBe("2026-12-07");
  });

  it("refuses something that is not a calendar date", () => {
    expect(() => examinationDeadline("2026-02-30")).toThrow(/Not a calendar date/);
    expect(() => examinationDeadline("yesterday")).toThrow(RangeError);
  });
});

describe("bankingDaysLeft", () => {
  it("counts the banking days after today up to the deadline", () => {
    expect(bankingDaysLeft("2026-12-04", "2026-11-30")).toBe(4);
    expect(bankingDaysLeft("2026-12-07", "2026-11-27")).toBe(6);
    expect(bankingDaysLeft("2026-12-07", "2026-11-28")).toBe(6);
    expect(bankingDaysLeft("2026-12-07", "2026-11-27", ["2026-12-01"])).toBe(5);
  });

  it("is 0 on the deadline itself", () => {
    expect(bankingDaysLeft("2026-12-04", "2026-12-04")).toBe(0);
  });

  it("is negative once the deadline has passed, and at least -1 even over a weekend", () => {
    expect(bankingDaysLeft("2026-12-04", "2026-12-05")).toBe(-1);
    expect(bankingDaysLeft("2026-12-04", "2026-12-06")).toBe(-1);
    expect(bankingDaysLeft("2026-12-04", "2026-12-08")).toBe(-2);
    expect(bankingDaysLeft("2026-12-04", "2026-12-08", ["2026-12-07"])).toBe(-1);
  });
});

describe("calendar helpers", () => {
  it("knows weekends and holidays are not banking days", () => {
    expect(isBankingDay("2026-11-27")).toBe(true);
    expect(isBankingDay("2026-11-28")).toBe(false);
    expect(isBankingDay("2026-12-25", ["2026-12-25"])).toBe(false);
  });

  it("moves to the next banking day only when the day is not one", () => {
    expect(nextBankingDayFrom("2026-11-27")).toBe("2026-11-27");
    expect(nextBankingDayFrom("2026-11-28")).toBe("2026-11-30");
  });

  it("adds calendar and banking days across month and year ends", () => {
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(addBankingDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addBankingDays("2026-12-31", 2)).toBe("2027-01-04");
    expect(calendarDaysBetween("2027-01-20", "2027-02-10")).toBe(21);
  });
});
