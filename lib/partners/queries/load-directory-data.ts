import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { OrgFormat } from "@/lib/format/org-format";
import type { DirectoryData } from "../directory-data";
import type { DirectoryView } from "../directory-params";
import type { DirectoryRow } from "../directory-types";
import { directorySummaryOf, readDirectorySummary, type DirectorySummaryRow } from "./get-directory-summary";
import { listDirectoryPartners } from "./list-directory-partners";

/** One view as the database answered it: the rows, and the summary unless it was left out (or RLS showed none). */
export type DirectoryRead = { rows: DirectoryRow[]; summary: DirectorySummaryRow | undefined };

/** The rows and (unless `withSummary` is false) the summary of one view, read in parallel as the user. */
export async function readDirectory(
  supabase: ServerClient,
  orgId: string,
  view: DirectoryView,
  { withSummary = true }: { withSummary?: boolean } = {},
): Promise<DirectoryRead> {
  const [rows, summary] = await Promise.all([
    listDirectoryPartners(supabase, orgId, view),
    withSummary ? readDirectorySummary(supabase, orgId, view.filter) : undefined,
  ]);
  return { rows, summary };
}

/** The rows and the summary of one view: what the page renders first and the route answers after. */
export async function loadDirectoryData(
  supabase: ServerClient,
  orgId: string,
  org: OrgFormat,
  view: DirectoryView,
): Promise<DirectoryData> {
  const read = await readDirectory(supabase, orgId, view);
  return { rows: read.rows, summary: directorySummaryOf(read.summary, org) };
}
