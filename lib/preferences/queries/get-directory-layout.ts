import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { readDirectoryLayout, type DirectoryLayout } from "../directory-layout";

export async function getDirectoryLayout(supabase: ServerClient, userId: string): Promise<DirectoryLayout> {
  const { data, error } = await supabase
    .from("user_preferences")
    .select("partner_directory_layout")
    .eq("user_id", userId)
    .maybeSingle();
  if (error) throw error;
  return readDirectoryLayout(data?.partner_directory_layout ?? {});
}
