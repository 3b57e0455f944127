import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { Database } from "@/lib/database.types";
import { orgFormatter, type OrgFormat, type OrgFormatter } from "@/lib/format/org-format";
import type { DirectorySummary, HeroMetricValue } from "../directory-data";
import type { DirectoryFilter } from "../directory-params";
import { directoryFilterArgs } from "./directory-filter-args";

/** Above this many matches a text search's count is estimated and its money left out. */
export const EXACT_SEARCH_LIMIT = 10_000;

export type DirectorySummaryRow = Database["public"]["Functions"]["partner_directory_summary"]["Returns"][number];

/**
 * How many partners match the filter and the hero metrics, in one call
 * (partner_directory_summary(): the metric buckets, or the matching partners' stats for a
 * search of up to EXACT_SEARCH_LIMIT matches). Undefined when RLS shows nothing.
 */
export async function readDirectorySummary(
  supabase: ServerClient,
  orgId: string,
  filter: DirectoryFilter,
): Promise<DirectorySummaryRow | undefined> {
  const { data, error } = await supabase.rpc("partner_directory_summary", {
    p_org_id: orgId,
    ...directoryFilterArgs(filter),
    p_exact_limit: EXACT_SEARCH_LIMIT,
  });
  if (error) throw error;
  return data?.[0];
}

/** The summary as the screen shows it, formatted here on the server in the org's locale. */
export function directorySummaryOf(row: DirectorySummaryRow | undefined, org: OrgFormat): DirectorySummary {
  const format = orgFormatter(org);
  const estimated = Boolean(row?.matching_is_estimate);
  const total = estimated ? roughly(Number(row?.matching_partners ?? 0)) : Number(row?.matching_partners ?? 0);
  return {
    total,
    totalLabel: format.number(total),
    totalIsEstimate: estimated,
    metrics: estimated || !row ? null : heroMetricValues(row, format),
    metricsHidden: estimated
      ? `The metrics are summed for searches of up to ${format.number(EXACT_SEARCH_LIMIT)} partners. Narrow the search to see them.`
      : null,
  };
}

/** An estimate shown to two significant figures: "about 52,000", not a precise-looking 51,873. */
function roughly(value: number): number {
  if (value < 100) return value;
  const unit = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / unit) * unit;
}

function heroMetricValues(
  row: { active_partners: number | null; pipeline_value: number | null; owed_commission: number | null },
  format: OrgFormatter,
): HeroMetricValue[] {
  const money = (label: string, amount: number) => ({
    label,
    full: format.compactMoney(amount, { above: 1_000_000 }),
    // A phone's third of the width fits "$809.7K", not "$809,687.50".
    short: format.compactMoney(amount, { above: 10_000 }),
  });
  const active = format.number(Number(row.active_partners ?? 0));
  return [
    { label: "Active partners", full: active, short: active },
    money("Pipeline value", Number(row.pipeline_value ?? 0)),
    money("Owed commission", Number(row.owed_commission ?? 0)),
  ];
}
