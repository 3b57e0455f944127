import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { ChartTable } from "@/lib/dashboard/charts";
import type { Database } from "@/lib/database.types";
import { todayIn } from "@/lib/format/day-range";

export type TrendRow = Database["public"]["Functions"]["partner_monthly_trend"]["Returns"][number];

/** The twelve months up to today (this one included), as days in a time zone. */
export function lastTwelveMonths(timeZone: string, now = new Date()): { from: string; to: string } {
  const today = todayIn(timeZone, now);
  const start = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 12, 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}

/**
 * Monthly trend of one partner, or of every partner the caller sees (per partner and in
 * total), computed in SQL; RLS and the grant's scope decide what counts.
 */
export async function loadPartnerTrend(
  supabase: ServerClient,
  range: { from: string; to: string },
  partnerId?: string,
): Promise<TrendRow[]> {
  const { data, error } = await supabase.rpc("partner_monthly_trend", {
    p_from: range.from,
    p_to: range.to,
    ...(partnerId ? { p_partner_id: partnerId } : {}),
  });
  if (error) throw error;
  return data ?? [];
}

/** A trend as a table; without the commissions section its columns are left out, not zeroed. */
export function trendTable(
  rows: TrendRow[],
  options: { title: string; description: string; referrals: boolean; commissions: boolean },
): ChartTable {
  return {
    id: "partner-trend",
    title: options.title,
    description: options.description,
    columns: [
      { key: "month", label: "Month", kind: "date" },
      ...(options.referrals
        ? ([
            { key: "referrals", label: "Referrals", kind: "count" },
            { key: "won_referrals", label: "Won", kind: "count" },
            { key: "won_value", label: "Won value", kind: "money" },
          ] as const)
        : []),
      ...(options.commissions
        ? ([
            { key: "commission_earned", label: "Commission earned", kind: "money" },
            { key: "commission_paid", label: "Commission paid", kind: "money" },
            { key: "commission_owed", label: "Owed at month end", kind: "money" },
          ] as const)
        : []),
    ],
    rows: rows.map((row) => ({
      month: row.month,
      referrals: row.referrals,
      won_referrals: row.won_referrals,
      won_value: row.won_value,
      commission_earned: row.commission_earned,
      commission_paid: row.commission_paid,
      commission_owed: row.commission_owed,
    })),
  };
}
