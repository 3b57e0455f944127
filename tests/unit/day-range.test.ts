import { describe, expect, it } from "vitest";
import { dayIn, dayRangeIn, isDay, nextDay, startOfDayIn } from "@/lib/format/day-range";
import { formatTimestampIn } from "@/lib/csv/timestamp-in";

describe("startOfDayIn", () => {
  it("is local midnight in the org's zone, not UTC", () => {
    expect(startOfDayIn("2026-01-15", "America/New_York")).toBe("2026-01-15T05:00:00.000Z");
    expect(startOfDayIn("2026-07-15", "America/New_York")).toBe("2026-07-15T04:00:00.000Z");
    expect(startOfDayIn("2026-01-15", "Europe/Berlin")).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDayIn("2026-01-15", "Asia/Kolkata")).toBe("2026-01-14T18:30:00.000Z");
    expect(startOfDayIn("2026-01-15", "UTC")).toBe("2026-01-15T00:00:00.000Z");
  });

  it("handles the days clocks change", () => {
    // New York springs forward at 02:00 on 2026-03-08 and falls back on 2026-11-01: midnight is still EST / EDT.
    expect(startOfDayIn("2026-03-08", "America/New_York")).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDayIn("2026-03-09", "America/New_York")).toBe("2026-03-09T04:00:00.000Z");
    expect(startOfDayIn("2026-11-01", "America/New_York")).toBe("2026-11-01T04:00:00.000Z");
    expect(startOfDayIn("2026-11-02", "America/New_York")).toBe("2026-11-02T05:00:00.000Z");
    // Santiago skips midnight when DST starts (00:00 -> 01:00 on 2025-09-07): the day starts at 01:00 local.
    expect(startOfDayIn("2025-09-07", "America/Santiago")).toBe("2025-09-07T04:00:00.000Z");
    expect(dayIn("2025-09-07T04:00:00.000Z", "America/Santiago")).toBe("2025-09-07");
    expect(dayIn("2025-09-07T03:59:59.000Z", "America/Santiago")).toBe("2025-09-06");
  });

  it("refuses what is not a day", () => {
    expect(() => startOfDayIn("2026-02-30", "UTC")).toThrow(RangeError);
    expect(() => startOfDayIn("yesterday", "UTC")).toThrow(RangeError);
  });
});

describe("dayRangeIn", () => {
  it("turns inclusive days into a half-open range of instants", () => {
    expect(dayRangeIn({ from: "2026-03-01", to: "2026-03-31" }, "America/New_York")).toEqual({
      gte: "2026-03-01T05:00:00.000Z",
      lt: "2026-04-01T04:00:00.000Z",
    });
    expect(dayRangeIn({ to: "2026-12-31" }, "Europe/Berlin")).toEqual({
      gte: undefined,
      lt: "2026-12-31T23:00:00.000Z",
    });
    expect(dayRangeIn({}, "UTC")).toEqual({ gte: undefined, lt: undefined });
  });
});

describe("day helpers", () => {
  it("checks days and steps over month and year ends", () => {
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2026-02-29")).toBe(false);
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
  });
});

describe("formatTimestampIn", () => {
  it("writes an instant on the org's clock, sortable", () => {
    expect(formatTimestampIn("2031-01-15T05:00:00.000Z", "America/New_York")).toBe("2031-01-15 00:00:00");
    expect(formatTimestampIn("2031-07-15T04:00:00.000Z", "America/New_York")).toBe("2031-07-15 00:00:00");
    expect(formatTimestampIn("2031-01-15T05:00:00.000Z", "UTC")).toBe("2031-01-15 05:00:00");
  });
});
