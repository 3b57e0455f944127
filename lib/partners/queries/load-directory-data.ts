import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { OrgFormat } from "@/lib/format/org-format";
import type { DirectoryData } from "../directory-data";
import type { DirectoryView } from "../directory-params";
import { getDirectorySummary } from "./get-directory-summary";
import { listDirectoryPartners } from "./list-directory-partners";

/** The rows and the summary of one view, read in parallel: what the page renders first and the route answers after. */
export async function loadDirectoryData(
  supabase: ServerClient,
  orgId: string,
  org: OrgFormat,
  view: DirectoryView,
): Promise<DirectoryData> {
  const [rows, summary] = await Promise.all([
    listDirectoryPartners(supabase, orgId, view),
    getDirectorySummary(supabase, orgId, view.filter, org),
  ]);
  return { rows, summary };
}
