"use server";

import { staffAction } from "@/lib/actions/safe-action";
import { EDITORS } from "@/lib/orgs/roles";
import { deletePartnerRow } from "@/lib/workspace/delete-partner-row";
import { documentIdSchema } from "../schemas";

export const deleteDocument = staffAction(
  { schema: documentIdSchema, roles: EDITORS },
  async ({ documentId }, { supabase, orgId }) => deletePartnerRow(supabase, "partner_documents", documentId, orgId),
);
