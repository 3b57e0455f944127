"use server";

import { staffAction } from "@/lib/actions/safe-action";
import { ok } from "@/lib/actions/result";
import { dbFailure, notFoundOrRefused } from "@/lib/workspace/db-errors";
import { organizationSettingsSchema, type OrganizationSettings } from "../schemas";

/**
 * An admin renames the organization or changes how it writes numbers, money and dates.
 * RLS lets only its admins update the row ("Organizations are editable by their admins"),
 * triggers refuse an unknown time zone and a currency change while commissions exist, and
 * the organization's audit trigger records the before and after.
 */
export const updateOrganizationSettings = staffAction(
  { schema: organizationSettingsSchema, roles: ["admin"] },
  async (input, { supabase, orgId }) => {
    const { error, count } = await supabase
      .from("organizations")
      .update(
        { name: input.name, locale: input.locale, currency: input.currency, time_zone: input.time_zone },
        { count: "exact" },
      )
      .eq("id", orgId);
    if (error) return dbFailure(error);
    if (count !== 1) return notFoundOrRefused();
    return ok<OrganizationSettings>(input);
  },
);
