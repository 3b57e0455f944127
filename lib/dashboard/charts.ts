import type { DashboardData } from "./queries";

/** How a column's values are written: on the page in the org's format, in CSV as plain numbers. */
export type ColumnKind = "text" | "date" | "count" | "money" | "share" | "days" | "instant";
export type ChartColumn = { key: string; label: string; kind: ColumnKind };
export type ChartTable = {
  id: ChartId;
  title: string;
  description: string;
  columns: ChartColumn[];
  rows: Record<string, string | number | null>[];
};

export const CHART_IDS = ["tiles", "trend", "funnel", "service-levels", "top-won", "top-referrals", "quiet"] as const;
/** Dashboard charts (each with a CSV download), and the partner trend of the workspace and portal. */
export type ChartId = (typeof CHART_IDS)[number] | "partner-trend";

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * Every chart of the dashboard as a table: the page renders these (the chart's accessible
 * table) and the CSV route writes the very same rows, so a download matches what is shown.
 */
export function dashboardTables(data: DashboardData): ChartTable[] {
  const tiles: [string, string, ColumnKind][] = [
    ["new_referrals", "New referrals", "count"],
    ["pipeline_value", "Pipeline value (at period end)", "money"],
    ["won_referrals", "Won referrals", "count"],
    ["won_value", "Won value", "money"],
    ["win_rate", "Win rate", "share"],
    ["commission_earned", "Commission earned", "money"],
    ["commission_approved", "Commission approved", "money"],
    ["commission_paid", "Commission paid", "money"],
    ["commission_owed", "Commission owed (at period end)", "money"],
    ["active_partners", "Active partners", "count"],
    ["new_partners", "New partners", "count"],
  ];
  const current = data.current as Record<string, unknown> | null;
  const previous = data.previous as Record<string, unknown> | null;
  const byBoard = (board: string) => data.leaders.filter((row) => row.board === board);
  return [
    {
      id: "tiles",
      title: "Headline figures",
      description: "This period against the previous one of the same length.",
      columns: [
        { key: "metric", label: "Metric", kind: "text" },
        { key: "current", label: "This period", kind: "text" },
        { key: "previous", label: "Previous period", kind: "text" },
      ],
      rows: tiles.map(([key, label, kind]) => ({
        key,
        kind,
        metric: label,
        current: num(current?.[key]),
        previous: num(previous?.[key]),
      })),
    },
    {
      id: "trend",
      title: "Over time",
      description: "Referrals and commissions per period; owed is what was still owed at each period's end.",
      columns: [
        { key: "bucket", label: "Period", kind: "date" },
        { key: "referrals_submitted", label: "Referrals submitted", kind: "count" },
        { key: "referrals_won", label: "Referrals won", kind: "count" },
        { key: "won_value", label: "Won value", kind: "money" },
        { key: "commission_earned", label: "Commission earned", kind: "money" },
        { key: "commission_paid", label: "Commission paid", kind: "money" },
        { key: "commission_owed", label: "Owed at end", kind: "money" },
      ],
      rows: data.series.map((row) => ({ ...row })),
    },
    {
      id: "funnel",
      title: "Pipeline funnel",
      description: "Referrals submitted in the period, by the furthest stage they reached.",
      columns: [
        { key: "stage", label: "Stage", kind: "text" },
        { key: "referrals", label: "Referrals", kind: "count" },
        { key: "estimated_value", label: "Estimated value", kind: "money" },
        { key: "conversion", label: "Conversion", kind: "share" },
      ],
      rows: data.funnel.map((row) => ({
        stage: STAGE_LABELS[row.stage] ?? row.stage,
        referrals: row.referrals,
        estimated_value: row.estimated_value,
        conversion: num(row.conversion),
      })),
    },
    {
      id: "service-levels",
      title: "Service levels",
      description: "How fast referrals move, and whether commissions are paid on time.",
      columns: [
        { key: "measure", label: "Measure", kind: "text" },
        { key: "value", label: "Value", kind: "text" },
        { key: "basis", label: "Out of", kind: "count" },
      ],
      rows: data.levels
        ? [
            {
              measure: "Median days to qualify",
              kind: "days",
              value: num(data.levels.median_days_to_qualify),
              basis: data.levels.qualified_referrals,
            },
            {
              measure: "Median days to close",
              kind: "days",
              value: num(data.levels.median_days_to_close),
              basis: data.levels.closed_referrals,
            },
            {
              measure: "Commissions paid by their due date",
              kind: "share",
              value: num(data.levels.paid_on_time_share),
              basis: data.levels.commissions_due,
            },
            {
              measure: "Overdue commissions now",
              kind: "money",
              value: num(data.levels.overdue_commission_amount),
              basis: data.levels.overdue_commissions,
            },
            { measure: "Overdue tasks now", kind: "count", value: data.levels.overdue_tasks, basis: null },
          ]
        : [],
    },
    {
      id: "top-won",
      title: "Top partners by won value",
      description: "Won value of referrals closed in the period.",
      columns: [
        { key: "rank", label: "#", kind: "count" },
        { key: "partner_name", label: "Partner", kind: "text" },
        { key: "won_value", label: "Won value", kind: "money" },
        { key: "referrals", label: "Won referrals", kind: "count" },
      ],
      rows: byBoard("won_value").map((row) => ({ ...row })),
    },
    {
      id: "top-referrals",
      title: "Top partners by new referrals",
      description: "Referrals submitted in the period.",
      columns: [
        { key: "rank", label: "#", kind: "count" },
        { key: "partner_name", label: "Partner", kind: "text" },
        { key: "referrals", label: "New referrals", kind: "count" },
      ],
      rows: byBoard("new_referrals").map((row) => ({ ...row })),
    },
    {
      id: "quiet",
      title: "Partners gone quiet",
      description: "No referral in the 90 days up to the period's end.",
      columns: [
        { key: "partner_name", label: "Partner", kind: "text" },
        { key: "last_referred_at", label: "Last referral", kind: "instant" },
      ],
      rows: byBoard("quiet").map((row) => ({ ...row })),
    },
  ];
}

export const STAGE_LABELS: Record<string, string> = {
  submitted: "Submitted",
  qualified: "Qualified",
  in_progress: "In progress",
  won: "Won",
  lost: "Lost",
};
