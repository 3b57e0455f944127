import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { ACTIVE_ORG_COOKIE, isStaffRole, type StaffRole } from "@/lib/orgs/roles";
import { getCurrentUser } from "./current-user";
import { getStaffSession } from "./staff-session";

export type Organization = {
  id: string;
  name: string;
  slug: string;
  currency: string;
  time_zone: string;
  locale: string;
  /** Who must sign in with a second factor: none, admins or staff. */
  mfa_required: string;
};
export type Membership = { org: Organization; role: StaffRole };

export type StaffContext = {
  userId: string;
  email: string;
  memberships: Membership[];
  /** The org this request works in: the cookie's choice if the user is still a member of it. */
  org: Organization;
  role: StaffRole;
};

/**
 * Who the signed-in staff member is and which org they work in, or null for anyone
 * who is not staff. The active org comes from a cookie, but only counts while the
 * database still lists the user as a member of it: the orgs this session may act in
 * (the same rows the org_members policy shows), from the one session call.
 */
export const getStaffContext = cache(async (): Promise<StaffContext | null> => {
  const user = await getCurrentUser();
  if (!user) return null;
  const memberships: Membership[] = (await getStaffSession())
    .filter((row) => row.allowed && isStaffRole(row.role))
    .map((row) => ({
      org: {
        id: row.org_id,
        name: row.org_name,
        slug: row.org_slug,
        currency: row.currency,
        time_zone: row.time_zone,
        locale: row.locale,
        mfa_required: row.mfa_required,
      },
      role: row.role as StaffRole,
    }));
  if (memberships.length === 0) return null;
  const chosen = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  const active = memberships.find((membership) => membership.org.id === chosen) ?? memberships[0]!;
  return { userId: user.id, email: user.email ?? "", memberships, org: active.org, role: active.role };
});
