import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";

export async function listMembers(supabase: ServerClient, orgId: string) {
  const { data, error } = await supabase
    .from("org_members")
    .select("user_id, role, created_at, profiles(display_name, email)")
    .eq("org_id", orgId)
    .order("created_at");
  if (error) throw error;
  return (data ?? []).map((row) => {
    const profile = row.profiles as { display_name: string | null; email: string | null } | null;
    return {
      userId: row.user_id,
      role: row.role,
      joinedAt: row.created_at,
      name: profile?.display_name ?? null,
      email: profile?.email ?? "",
    };
  });
}
