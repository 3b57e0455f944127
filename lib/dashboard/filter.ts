import { z } from "zod";
import { todayIn } from "@/lib/format/day-range";
import { isDay } from "@/lib/format/day-range";
import { PARTNER_STATUSES, PARTNER_TIERS } from "@/lib/partners/constants";

/** Period presets of the dashboard; "custom" takes from/to from the URL. */
export const PERIOD_PRESETS = ["last-30-days", "last-90-days", "last-12-months", "year-to-date", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const PRESET_LABELS: Record<PeriodPreset, string> = {
  "last-30-days": "Last 30 days",
  "last-90-days": "Last 90 days",
  "last-12-months": "Last 12 months",
  "year-to-date": "Year to date",
  custom: "Custom range",
};
export const BUCKETS = ["month", "week"] as const;
export type Bucket = (typeof BUCKETS)[number];

const many = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.enum(values)).max(values.length));
const day = z
  .string()
  .optional()
  .transform((value) => (value && isDay(value) ? value : undefined));

export const dashboardParamsSchema = z.object({
  period: z.enum(PERIOD_PRESETS).catch("last-12-months").default("last-12-months"),
  from: day,
  to: day,
  bucket: z.enum(BUCKETS).catch("month").default("month"),
  owner: z.string().uuid().optional().catch(undefined),
  region: z.string().trim().min(1).max(100).optional().catch(undefined),
  tier: many(PARTNER_TIERS).catch([]),
  status: many(PARTNER_STATUSES).catch([]),
});
export type DashboardParams = z.output<typeof dashboardParamsSchema>;

/** The filter with its period resolved to inclusive days in the org's time zone. */
export type DashboardFilter = DashboardParams & { fromDay: string; toDay: string };

function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Resolves a preset against today in the org's time zone; a custom range is swapped if reversed. */
export function resolveDashboardFilter(params: DashboardParams, timeZone: string, now = new Date()): DashboardFilter {
  const today = todayIn(timeZone, now);
  let fromDay: string;
  let toDay = today;
  switch (params.period) {
    case "last-30-days":
      fromDay = addDays(today, -29);
      break;
    case "last-90-days":
      fromDay = addDays(today, -89);
      break;
    case "year-to-date":
      fromDay = `${today.slice(0, 4)}-01-01`;
      break;
    case "custom":
      fromDay = params.from ?? addDays(today, -29);
      toDay = params.to ?? today;
      if (fromDay > toDay) [fromDay, toDay] = [toDay, fromDay];
      break;
    default: {
      // twelve months, this one included: from the first day of the month eleven months ago
      const start = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - 11, 1));
      fromDay = start.toISOString().slice(0, 10);
    }
  }
  return { ...params, fromDay, toDay };
}

export function parseDashboardFilter(
  query: Record<string, string | string[] | undefined>,
  timeZone: string,
  now = new Date(),
): DashboardFilter {
  return resolveDashboardFilter(dashboardParamsSchema.parse(query), timeZone, now);
}

/** The filter as a query string, for links, the form and the CSV downloads. */
export function dashboardSearch(filter: DashboardParams, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  params.set("period", filter.period);
  if (filter.period === "custom") {
    if (filter.from) params.set("from", filter.from);
    if (filter.to) params.set("to", filter.to);
  }
  if (filter.bucket !== "month") params.set("bucket", filter.bucket);
  if (filter.owner) params.set("owner", filter.owner);
  if (filter.region) params.set("region", filter.region);
  for (const tier of filter.tier) params.append("tier", tier);
  for (const status of filter.status) params.append("status", status);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `?${params.toString()}`;
}

/** How many days the period has, for "vs the previous N days". */
export function periodDays(filter: DashboardFilter): number {
  return (
    Math.round((Date.parse(`${filter.toDay}T00:00:00Z`) - Date.parse(`${filter.fromDay}T00:00:00Z`)) / 86_400_000) + 1
  );
}
