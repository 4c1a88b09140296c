import { describe, expect, it } from "vitest";
import { isCutOff, isTimeZone, localDateTime, presentationDay } from "./presentation-day";

describe("presentationDay", () => {
  const shanghai = { timeZone: "Asia/Shanghai", cutOff: null, holidays: [] };

  it("dates a presentation by the receiving bank's calendar, not UTC's", () => {
    // Friday 11 December 2026, 07:30 in Shanghai, is still Thursday in UTC.
    const at = new Date("2026-12-10T23:30:00Z");
    expect(localDateTime(at, "Asia/Shanghai")).toEqual({ date: "2026-12-11", time: "07:30" });
    expect(presentationDay(at, shanghai)).toBe("2026-12-11");
    expect(presentationDay(at, { ...shanghai, timeZone: "UTC" })).toBe("2026-12-10");
    // Thursday evening in New York is Friday in UTC.
    expect(presentationDay(new Date("2026-12-11T02:00:00Z"), { ...shanghai, timeZone: "America/New_York" })).toBe("2026-12-10");
  });

  it("moves a presentation received after the cut-off to the next banking day, over a weekend", () => {
    const hours = { ...shanghai, cutOff: "16:00" };
    expect(presentationDay(new Date("2026-12-11T07:59:00Z"), hours)).toBe("2026-12-11"); // 15:59 Friday
    expect(presentationDay(new Date("2026-12-11T08:00:00Z"), hours)).toBe("2026-12-14"); // 16:00 Friday: Monday
  });

  it("moves one received on a closed day to the next banking day: weekends and the bank's holidays", () => {
    expect(presentationDay(new Date("2026-12-12T03:00:00Z"), shanghai)).toBe("2026-12-14"); // Saturday
    expect(presentationDay(new Date("2026-12-14T03:00:00Z"), { ...shanghai, holidays: ["2026-12-14"] })).toBe("2026-12-15");
  });
});

describe("banking hours input", () => {
  it("knows IANA time zones and refuses anything else", () => {
    for (const zone of ["UTC", "Asia/Singapore", "Europe/Amsterdam", "America/Argentina/Buenos_Aires"]) expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ["Mars/Olympus", "", "Asia/Singapore; DROP", "+08:00"]) expect(isTimeZone(zone), zone).toBe(false);
  });

  it("reads cut-off times on a 24-hour clock", () => {
    for (const time of ["00:00", "09:30", "16:00", "23:59"]) expect(isCutOff(time), time).toBe(true);
    for (const time of ["24:00", "9:30", "16:60", "4pm", ""]) expect(isCutOff(time), time).toBe(false);
  });
});
