"use server";

import { ok } from "@/lib/actions/result";
import { userAction } from "@/lib/actions/safe-action";
import type { Json } from "@/lib/database.types";
import { directoryLayoutSchema, readDirectoryLayout } from "../directory-layout";

/**
 * Merges a change into the caller's saved directory layout. Any signed-in person may
 * keep their own layout (viewers too); RLS limits the row to its owner.
 */
export const saveDirectoryLayout = userAction(directoryLayoutSchema.partial(), async (change, { supabase, userId }) => {
  const { data: current, error: readError } = await supabase
    .from("user_preferences")
    .select("partner_directory_layout")
    .eq("user_id", userId)
    .maybeSingle();
  if (readError) throw readError;
  const layout = { ...readDirectoryLayout(current?.partner_directory_layout ?? {}), ...change };
  // Update, or insert the first time: an upsert would also try to update user_id, which
  // the table's column grants rightly refuse.
  const value = layout as NonNullable<Json>;
  const { error } = current
    ? await supabase.from("user_preferences").update({ partner_directory_layout: value }).eq("user_id", userId)
    : await supabase.from("user_preferences").insert({ user_id: userId, partner_directory_layout: value });
  if (error) throw error;
  return ok(layout);
});
