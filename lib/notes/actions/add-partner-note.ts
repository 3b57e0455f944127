"use server";

import { ok } from "@/lib/actions/result";
import { staffAction } from "@/lib/actions/safe-action";
import { EDITORS } from "@/lib/orgs/roles";
import { dbFailure } from "@/lib/workspace/db-errors";
import { revalidateWorkspace } from "@/lib/workspace/revalidate";
import { addPartnerNoteSchema } from "../schemas";

/** Through add_partner_note(): the note and its note.added event in one transaction, as the caller. */
export const addPartnerNote = staffAction(
  { schema: addPartnerNoteSchema, roles: EDITORS },
  async ({ partnerId, body }, { supabase }) => {
    const { data, error } = await supabase.rpc("add_partner_note", { p_partner_id: partnerId, p_body: body });
    if (error) return dbFailure(error);
    revalidateWorkspace(partnerId);
    return ok({ id: data.id });
  },
);
