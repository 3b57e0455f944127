"use server";

import { ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { EDITORS } from "@/lib/orgs/roles";
import { dbFailure, notFoundOrRefused } from "@/lib/workspace/db-errors";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import { updateDocumentSchema } from "../schemas";

export const updateDocument = staffAction(
  { schema: updateDocumentSchema, roles: EDITORS },
  async ({ documentId, ...document }, { supabase, orgId }) => {
    const { data, error } = await supabase
      .from("partner_documents")
      .update(document)
      .eq("id", documentId)
      .eq("org_id", orgId)
      .select("partner_id");
    if (error) return dbFailure(error);
    if (!data[0]) return notFoundOrRefused();
    revalidateWorkspace(data[0].partner_id);
    return ok(null);
  },
);
