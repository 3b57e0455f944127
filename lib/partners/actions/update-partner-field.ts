"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { EDITORS } from "@/lib/orgs/roles";
import { refusalFieldErrors, translateDbError } from "@/lib/db/errors";
import { partnerWriteErrorMessage } from "../db-errors";
import { DIRECTORY_ROW_SELECT, type DirectoryRow } from "../directory-types";
import { partnerPatchSchemaFor } from "../schemas";
import { numberSignsOf } from "@/lib/validation/number-signs";

export type UpdatePartnerFieldResult =
  | { outcome: "updated"; partner: DirectoryRow }
  /** Someone else changed the row after the editor loaded it: nothing was written; here is the row now. */
  | { outcome: "conflict"; partner: DirectoryRow };

/**
 * An inline edit from the directory grid. Optimistic concurrency: the update only
 * matches the row at the version the editor saw (updated_at as loaded), so a change
 * made by someone else in between is never silently overwritten.
 */
export const updatePartnerField = staffAction(
  { schema: (staff) => partnerPatchSchemaFor(numberSignsOf(staff.org.locale)), roles: EDITORS },
  async (input, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partners")
      .update(input.changes)
      .eq("org_id", orgId)
      .eq("id", input.partnerId)
      .eq("updated_at", input.expectedUpdatedAt)
      .select(DIRECTORY_ROW_SELECT)
      .maybeSingle();
    if (error) return fail(partnerWriteErrorMessage(error), refusalFieldErrors(translateDbError(error), "changes."));
    if (data) {
      revalidatePath("/admin/partners");
      return ok<UpdatePartnerFieldResult>({ outcome: "updated", partner: data as unknown as DirectoryRow });
    }

    const { data: current, error: readError } = await supabase
      .from("partners")
      .select(DIRECTORY_ROW_SELECT)
      .eq("org_id", orgId)
      .eq("id", input.partnerId)
      .maybeSingle();
    if (readError) throw readError;
    if (!current) return fail("This partner no longer exists, or you can no longer see it.");
    return ok<UpdatePartnerFieldResult>({ outcome: "conflict", partner: current as unknown as DirectoryRow });
  },
);
