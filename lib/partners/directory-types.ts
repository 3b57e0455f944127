import type { PartnerStatus, PartnerTier } from "./constants";

/** One partner as the directory shows it. `updated_at` is the version used for concurrency checks. */
export type DirectoryRow = {
  id: string;
  name: string;
  status: PartnerStatus;
  tier: PartnerTier;
  owner_id: string | null;
  owner: { display_name: string | null; email: string | null } | null;
  region: string | null;
  primary_contact_name: string | null;
  primary_contact_email: string | null;
  commission_rate: number | null;
  tags: string[];
  /** Left out of the grid's rows (DIRECTORY_GRID_SELECT): no column shows them; the preview reads them from its own render. */
  website?: string | null;
  external_id?: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  /** Program-order sort keys (generated from status and tier); selected so a search's rows can sort by them. */
  status_rank?: number | null;
  tier_rank?: number | null;
};

/** A partner with every field the directory knows: the preview, an edit's answer and the CSV export. */
export const DIRECTORY_ROW_SELECT =
  "id, name, status, tier, status_rank, tier_rank, owner_id, region, website, primary_contact_name, primary_contact_email, commission_rate, tags, external_id, archived_at, created_at, updated_at, owner:profiles!partners_owner_id_fkey(display_name, email)";

/**
 * A page of the grid: the fields its columns, cards, sort cursors and edits read, and no more.
 * Every byte here is paid per row twice over on the first render (the rows travel as the
 * screen's data), so a field no column shows stays out.
 */
export const DIRECTORY_GRID_SELECT =
  "id, name, status, tier, status_rank, tier_rank, owner_id, region, primary_contact_name, primary_contact_email, commission_rate, tags, archived_at, created_at, updated_at, owner:profiles!partners_owner_id_fkey(display_name, email)";

/** `matchingPartners`: every partner the filter matches, the grid's aria-rowcount and the pager's total. */
export type DirectoryMetrics = {
  activePartners: number;
  pipelineValue: number;
  owedCommission: number;
  matchingPartners: number;
};

export type OwnerOption = { id: string; name: string; email: string | null };

export type ActivityItem = {
  id: string;
  event_type: string;
  occurred_at: string;
  payload: Record<string, unknown>;
  actor_id: string | null;
};

export type PartnerPreview = {
  partner: DirectoryRow;
  rollups: {
    referralsOpen: number;
    referralsWon: number;
    referralsTotal: number;
    pipelineValue: number;
    wonValue: number;
    commissionOwed: number;
    commissionPaid: number;
    openTasks: number;
    overdueTasks: number;
  } | null;
  activity: ActivityItem[];
};

/** The grid's answer for one view: a page of rows and how many partners match in all. */
export type DirectoryPage = { rows: DirectoryRow[]; total: number; totalIsEstimate: boolean };
