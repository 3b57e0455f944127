/** A series of a trend chart, told apart by shape as well as colour. */
export type ChartSeries = {
  key: string;
  label: string;
  type: "bar" | "line";
  /** at least 3:1 against white */
  color: string;
  hatched?: boolean;
  dash?: string;
  marker?: "filled" | "hollow";
};

// Tailwind's indigo-700, teal-700, amber-700 and slate-700: each at least 4.5:1 on white.
export const CHART_COLORS = { indigo: "#4338ca", teal: "#0f766e", amber: "#b45309", slate: "#334155" } as const;

export const REFERRAL_SERIES: ChartSeries[] = [
  { key: "referrals_submitted", label: "Referrals submitted", type: "bar", color: CHART_COLORS.indigo },
  { key: "referrals_won", label: "Referrals won", type: "bar", color: CHART_COLORS.teal, hatched: true },
];

export const MONEY_SERIES: ChartSeries[] = [
  { key: "won_value", label: "Won value", type: "line", color: CHART_COLORS.indigo },
  {
    key: "commission_earned",
    label: "Commission earned",
    type: "line",
    color: CHART_COLORS.teal,
    dash: "6 3",
    marker: "hollow",
  },
  { key: "commission_paid", label: "Commission paid", type: "line", color: CHART_COLORS.amber, dash: "2 3" },
  {
    key: "commission_owed",
    label: "Owed at end",
    type: "line",
    color: CHART_COLORS.slate,
    dash: "10 4",
    marker: "hollow",
  },
];

/** A partner's own trend (workspace overview, portal): what it referred and won, and its commission. */
export const PARTNER_REFERRAL_SERIES: ChartSeries[] = [
  { key: "referrals", label: "Referrals", type: "bar", color: CHART_COLORS.indigo },
  { key: "won_referrals", label: "Won", type: "bar", color: CHART_COLORS.teal, hatched: true },
];
export const PARTNER_WON_VALUE_SERIES: ChartSeries[] = [
  { key: "won_value", label: "Won value", type: "line", color: CHART_COLORS.indigo },
];
export const PARTNER_COMMISSION_SERIES: ChartSeries[] = [
  { key: "commission_earned", label: "Commission earned", type: "line", color: CHART_COLORS.teal },
  { key: "commission_paid", label: "Commission paid", type: "line", color: CHART_COLORS.amber, dash: "2 3" },
  {
    key: "commission_owed",
    label: "Owed at month end",
    type: "line",
    color: CHART_COLORS.slate,
    dash: "10 4",
    marker: "hollow",
  },
];
