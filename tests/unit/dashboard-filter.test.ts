import { describe, expect, it } from "vitest";
import { dashboardSearch, parseDashboardFilter, periodDays } from "@/lib/dashboard/filter";

// 03:30 UTC on 1 March is still 28 February in New York: "today" is the org's day, not UTC's.
const NOW = new Date("2026-03-01T03:30:00Z");
const TZ = "America/New_York";

describe("dashboard filter", () => {
  it("resolves presets against today in the org's time zone", () => {
    expect(parseDashboardFilter({}, TZ, NOW)).toMatchObject({ fromDay: "2025-03-01", toDay: "2026-02-28" });
    expect(parseDashboardFilter({ period: "last-30-days" }, TZ, NOW)).toMatchObject({
      fromDay: "2026-01-30",
      toDay: "2026-02-28",
    });
    expect(parseDashboardFilter({ period: "year-to-date" }, TZ, NOW)).toMatchObject({ fromDay: "2026-01-01" });
    expect(parseDashboardFilter({ period: "last-30-days" }, "UTC", NOW)).toMatchObject({ toDay: "2026-03-01" });
  });

  it("takes a custom range, swapped when reversed, and drops what is not a day", () => {
    expect(parseDashboardFilter({ period: "custom", from: "2026-02-10", to: "2026-01-05" }, TZ, NOW)).toMatchObject({
      fromDay: "2026-01-05",
      toDay: "2026-02-10",
    });
    expect(parseDashboardFilter({ period: "custom", from: "2026-02-30", to: "2026-02-10" }, TZ, NOW)).toMatchObject({
      fromDay: "2026-01-30",
      toDay: "2026-02-10",
    });
  });

  it("ignores unknown values instead of failing the page", () => {
    const filter = parseDashboardFilter(
      { period: "forever", bucket: "day", owner: "nobody", region: "", tier: ["gold", "wood"], status: "active" },
      TZ,
      NOW,
    );
    expect(filter).toMatchObject({ period: "last-12-months", bucket: "month", owner: undefined, region: undefined });
    expect(filter.tier).toEqual([]);
    expect(filter.status).toEqual(["active"]);
  });

  it("writes the filter back as the URL it came from", () => {
    const query = { period: "custom", from: "2026-01-01", to: "2026-01-31", bucket: "week", tier: ["gold", "silver"] };
    const filter = parseDashboardFilter(query, TZ, NOW);
    expect(dashboardSearch(filter)).toBe(
      "?period=custom&from=2026-01-01&to=2026-01-31&bucket=week&tier=gold&tier=silver",
    );
    expect(periodDays(filter)).toBe(31);
  });
});
