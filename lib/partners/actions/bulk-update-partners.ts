"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { EDITORS } from "@/lib/orgs/roles";
import { partnerWriteErrorMessage } from "../db-errors";
import { bulkUpdatePartnersSchema } from "../bulk-schemas";
import { applyDirectoryFilter } from "../queries/apply-directory-filter";

/**
 * Bulk status, owner, archive or restore (also used for one partner): one set-based UPDATE for all targeted partners, not a
 * round trip per row. Rows that already have the value are left out, so the count is
 * how many actually changed (and no empty activity events are written).
 */
export const bulkUpdatePartners = staffAction(
  { schema: bulkUpdatePartnersSchema, roles: EDITORS },
  async ({ target, change }, { supabase, orgId }) => {
    const values =
      change.kind === "status"
        ? { status: change.status }
        : change.kind === "owner"
          ? { owner_id: change.ownerId }
          : change.kind === "archive"
            ? { archived_at: new Date().toISOString() }
            : { archived_at: null };

    let query = supabase.from("partners").update(values, { count: "exact" }).eq("org_id", orgId);
    query = target.kind === "ids" ? query.in("id", target.ids) : applyDirectoryFilter(query, target.filter);
    if (change.kind === "status") query = query.neq("status", change.status);
    if (change.kind === "owner")
      query = change.ownerId
        ? query.or(`owner_id.is.null,owner_id.neq.${change.ownerId}`)
        : query.not("owner_id", "is", null);
    if (change.kind === "archive") query = query.is("archived_at", null);
    if (change.kind === "restore") query = query.not("archived_at", "is", null);

    const { count, error } = await query;
    if (error) return fail(partnerWriteErrorMessage(error));
    revalidatePath("/admin/partners", "layout");
    return ok({ changed: count ?? 0 });
  },
);
