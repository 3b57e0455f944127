"use server";

import { ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { EDITORS } from "@/lib/orgs/roles";
import { dbFailure } from "@/lib/workspace/db-errors";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import { createDocumentSchema } from "../schemas";

export const createDocument = staffAction(
  { schema: createDocumentSchema, roles: EDITORS },
  async ({ partnerId, ...document }, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partner_documents")
      .insert({ ...document, partner_id: partnerId, org_id: orgId })
      .select("id")
      .single();
    if (error) return dbFailure(error);
    revalidateWorkspace(partnerId);
    return ok({ id: data.id });
  },
);
