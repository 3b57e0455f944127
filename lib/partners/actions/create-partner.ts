"use server";

import { revalidatePath } from "next/cache";
import { fail, ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { refusalFieldErrors, translateDbError } from "@/lib/db/errors";
import { EDITORS } from "@/lib/orgs/roles";
import { numberSignsOf } from "@/lib/validation/number-signs";
import { partnerWriteErrorMessage } from "../db-errors";
import { partnerFieldsSchemaFor } from "../schemas";

/**
 * One new partner, typed in a form. It parses with the schema every CSV row is checked
 * with, and inserts as the caller, so the insert policy (editors) and the triggers
 * (owner is staff, created_by, activity, audit) decide exactly as for an import.
 */
export const createPartner = staffAction(
  { schema: (staff) => partnerFieldsSchemaFor(numberSignsOf(staff.org.locale)), roles: EDITORS },
  async (input, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partners")
      .insert({ ...input, org_id: orgId })
      .select("id")
      .single();
    if (error) return fail(partnerWriteErrorMessage(error), refusalFieldErrors(translateDbError(error)));
    revalidatePath("/admin/partners");
    return ok({ id: data.id });
  },
);
