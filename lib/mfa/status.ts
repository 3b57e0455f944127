import "server-only";
import { cache } from "react";
import { getStaffSession } from "@/lib/auth/staff-session";
import type { MfaRequirement } from "./schemas";

export type MfaMembership = {
  orgId: string;
  orgName: string;
  role: string;
  required: MfaRequirement;
  /** The org's requirement covers this member's role. */
  applies: boolean;
  /** This session may act as staff of the org (the database's aal gate). */
  allowed: boolean;
};

export type MfaStatus = {
  hasVerifiedFactor: boolean;
  aal: "aal1" | "aal2";
  memberships: MfaMembership[];
};

/**
 * Where the signed-in person stands with two-factor sign-in, from the session function the
 * database answers below aal2 (public.my_staff_session): the app reads it to ask for a code
 * or to lead to setting up a factor, since below aal2 every other read comes back empty.
 */
export const getMfaStatus = cache(async (): Promise<MfaStatus> => {
  const rows = await getStaffSession();
  return {
    hasVerifiedFactor: rows.some((row) => row.has_verified_factor),
    aal: rows.some((row) => row.session_aal === "aal2") ? "aal2" : "aal1",
    memberships: rows.map((row) => ({
      orgId: row.org_id,
      orgName: row.org_name,
      role: row.role,
      required: row.mfa_required as MfaRequirement,
      applies: row.applies,
      allowed: row.allowed,
    })),
  };
});

export { mfaStep } from "./requirement";
