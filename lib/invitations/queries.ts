import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { isStaffRole, type StaffRole } from "@/lib/orgs/roles";
import { createAdminClient } from "@/lib/supabase/admin";

export type PendingInvitation = {
  id: string;
  email: string;
  role: StaffRole;
  inviterName: string | null;
  sentAt: string;
  expiresAt: string;
  expired: boolean;
};

/** Open invitations of the org (not accepted, not revoked), newest first; read as the admin through RLS. */
export async function listPendingInvitations(supabase: ServerClient, orgId: string): Promise<PendingInvitation[]> {
  const { data, error } = await supabase
    .from("org_invitations")
    .select("id, email, role, invited_by, sent_at, expires_at")
    .eq("org_id", orgId)
    .is("accepted_at", null)
    .is("revoked_at", null)
    .order("sent_at", { ascending: false });
  if (error) throw error;
  const inviterIds = [...new Set(data.map((row) => row.invited_by).filter((id): id is string => Boolean(id)))];
  const names = new Map<string, string>();
  if (inviterIds.length > 0) {
    const { data: profiles, error: profilesError } = await supabase
      .from("profiles")
      .select("id, display_name, email")
      .in("id", inviterIds);
    if (profilesError) throw profilesError;
    for (const profile of profiles) names.set(profile.id, profile.display_name ?? profile.email ?? "");
  }
  const now = Date.now();
  return data
    .filter((row) => isStaffRole(row.role))
    .map((row) => ({
      id: row.id,
      email: row.email,
      role: row.role as StaffRole,
      inviterName: row.invited_by ? (names.get(row.invited_by) ?? null) : null,
      sentAt: row.sent_at,
      expiresAt: row.expires_at,
      expired: new Date(row.expires_at).getTime() <= now,
    }));
}

export type InvitationStatus = "pending" | "expired" | "revoked" | "accepted";

export type InvitationForToken = {
  invitationId: string;
  orgId: string;
  orgName: string;
  email: string;
  role: StaffRole;
  inviterName: string | null;
  expiresAt: string;
  status: InvitationStatus;
  accountId: string | null;
  /** The account was made for an invitation and never signed in: the link may choose its first password. */
  setsPassword: boolean;
};

/**
 * The invitation behind a link, read with the service role (the person opening it may not
 * be signed in yet). Only the token's holder learns anything, and only about their own
 * invitation.
 */
export async function invitationForToken(token: string): Promise<InvitationForToken | null> {
  const { data, error } = await createAdminClient().rpc("org_invitation_for_token", { p_token: token });
  if (error) throw error;
  const row = data[0];
  if (!row || !isStaffRole(row.role)) return null;
  return {
    invitationId: row.invitation_id,
    orgId: row.org_id,
    orgName: row.org_name,
    email: row.email,
    role: row.role,
    inviterName: row.inviter_name,
    expiresAt: row.expires_at,
    status: row.status as InvitationStatus,
    accountId: row.account_id,
    setsPassword: row.sets_password,
  };
}
