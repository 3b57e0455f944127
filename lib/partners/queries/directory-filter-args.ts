import type { Database } from "@/lib/database.types";
import type { DirectoryFilter } from "../directory-params";

type DirectoryFunctions = Database["public"]["Functions"];
type FilterArgKey = "p_status" | "p_tier" | "p_owner_id" | "p_region" | "p_search" | "p_include_archived";

/** What partner_directory_page() and partner_directory_summary() both take to narrow the partners. */
export type DirectoryFilterArgs = Pick<DirectoryFunctions["partner_directory_page"]["Args"], FilterArgKey> &
  Pick<DirectoryFunctions["partner_directory_summary"]["Args"], FilterArgKey>;

/**
 * The directory filter as those functions' arguments, so the page and its count always
 * narrow alike. An empty choice is left out: the function reads a missing argument as "any".
 */
export function directoryFilterArgs(filter: DirectoryFilter): DirectoryFilterArgs {
  return {
    p_status: filter.status.length ? filter.status : undefined,
    p_tier: filter.tier.length ? filter.tier : undefined,
    p_owner_id: filter.owner ?? undefined,
    p_region: filter.region ?? undefined,
    p_search: filter.q || undefined,
    p_include_archived: filter.archived,
  };
}
