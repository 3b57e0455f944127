import type { PackedRows } from "./directory-row-pack";
import type { DirectoryRow } from "./directory-types";

/** One hero metric as the server wrote it: the full figure, and a short one for a phone's third of the width. */
export type HeroMetricValue = { label: string; full: string; short: string };

/**
 * How many partners match and the hero metrics, formatted on the server (Node's and the
 * browser's number formats differ, so the browser shows these strings as they come).
 * `totalIsEstimate`: a text search matched so many partners that counting them all would
 * walk every match; the total is then the planner's estimate and the money is left out.
 */
export type DirectorySummary = {
  total: number;
  /** The total as the page writes it ("52,000"; the page puts "about" before an estimate). */
  totalLabel: string;
  totalIsEstimate: boolean;
  metrics: HeroMetricValue[] | null;
  /** Why the metrics are not shown, when they are not. */
  metricsHidden: string | null;
};

/** What the directory shows for one view: a page of rows and the summary of every match. */
export type DirectoryData = { rows: DirectoryRow[]; summary: DirectorySummary };

/** DirectoryData as the first render sends it to the screen: the rows packed (directory-row-pack.ts). */
export type PackedDirectoryData = { rows: PackedRows; summary: DirectorySummary };
