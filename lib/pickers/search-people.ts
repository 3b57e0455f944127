import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { containsPattern, type PickerOption, type PickerQuery } from "./schemas";

type Profile = { display_name: string | null; email: string | null };

function orOf(pattern: string, columns: string[]): string {
  return columns.map((column) => `${column}.ilike.${pattern}`).join(",");
}

/** Partner users of the org whose name or email contains the term, by email. */
export async function searchPartnerUsers(
  supabase: ServerClient,
  orgId: string,
  query: PickerQuery & { activeOnly?: boolean },
): Promise<PickerOption[]> {
  let request = supabase.from("partner_users").select("id, name, email, is_active").eq("org_id", orgId);
  const pattern = containsPattern(query.q);
  if (pattern) request = request.or(orOf(pattern, ["email", "name"]));
  if (query.activeOnly) request = request.eq("is_active", true);
  const { data, error } = await request.order("email").order("id").limit(query.limit);
  if (error) throw error;
  return (data ?? []).map((user) => ({
    id: user.id,
    label: user.name ? `${user.name} (${user.email})` : user.email,
    detail: user.is_active ? "partner user" : "partner user · deactivated",
  }));
}

/** Staff of the org whose display name or email contains the term, A to Z by name (then email, for those without one). */
export async function searchStaff(supabase: ServerClient, orgId: string, query: PickerQuery): Promise<PickerOption[]> {
  let request = supabase.from("org_members").select("user_id, profiles!inner(display_name, email)").eq("org_id", orgId);
  const pattern = containsPattern(query.q);
  if (pattern) request = request.or(orOf(pattern, ["display_name", "email"]), { referencedTable: "profiles" });
  const { data, error } = await request
    .order("profiles(display_name)", { nullsFirst: false })
    .order("profiles(email)")
    .order("user_id")
    .limit(query.limit);
  if (error) throw error;
  return (data ?? [])
    .map((member) => staffChoice(member.user_id, member.profiles as Profile))
    .sort((a, b) => a.label.localeCompare(b.label));
}

function staffChoice(id: string, profile: Profile): PickerOption {
  const name = profile.display_name || profile.email || "Unnamed";
  return {
    id,
    label: profile.email && name !== profile.email ? `${name} (${profile.email})` : name,
    detail: "staff",
    name,
  };
}

/** One staff member as a choice, for an owner or assignee picker that arrives with them chosen (null when RLS hides them). */
export async function staffOption(supabase: ServerClient, orgId: string, id: string): Promise<PickerOption | null> {
  const { data, error } = await supabase
    .from("org_members")
    .select("user_id, profiles!inner(display_name, email)")
    .eq("org_id", orgId)
    .eq("user_id", id)
    .maybeSingle();
  if (error) throw error;
  return data ? staffChoice(data.user_id, data.profiles as Profile) : null;
}

/** Anyone who may appear as an actor in the audit log: staff first, then partner users, each capped at the limit. */
export async function searchActors(supabase: ServerClient, orgId: string, query: PickerQuery): Promise<PickerOption[]> {
  const [staff, partnerUsers] = await Promise.all([
    searchStaff(supabase, orgId, query),
    searchPartnerUsers(supabase, orgId, query),
  ]);
  return [...staff, ...partnerUsers].slice(0, query.limit);
}

/** The label of one actor (staff or partner user) for a filter that arrives with it chosen. */
export async function actorOption(supabase: ServerClient, orgId: string, id: string): Promise<PickerOption | null> {
  const [member, partnerUser] = await Promise.all([
    supabase
      .from("org_members")
      .select("user_id, profiles!inner(display_name, email)")
      .eq("org_id", orgId)
      .eq("user_id", id)
      .maybeSingle(),
    supabase.from("partner_users").select("id, name, email").eq("org_id", orgId).eq("id", id).maybeSingle(),
  ]);
  if (member.error) throw member.error;
  if (partnerUser.error) throw partnerUser.error;
  if (member.data) {
    const profile = member.data.profiles as Profile;
    return { id, label: profile.display_name || profile.email || "Unnamed", detail: "staff" };
  }
  if (partnerUser.data) return { id, label: partnerUser.data.name ?? partnerUser.data.email, detail: "partner user" };
  return null;
}
