import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { StaffContext } from "@/lib/auth/staff-context";

/** How an invitation names the admin who sent it: their display name, else their email. */
export async function inviterName(supabase: ServerClient, staff: StaffContext): Promise<string> {
  const { data } = await supabase.from("profiles").select("display_name").eq("id", staff.userId).maybeSingle();
  return data?.display_name?.trim() || staff.email;
}
