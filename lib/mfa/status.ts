import "server-only";
import { cache } from "react";
import { createClient } from "@/lib/supabase/server";
import { outageOr } from "@/lib/supabase/unreachable";
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
 * Where the signed-in person stands with two-factor sign-in, from the one function the
 * database answers below aal2 (public.my_mfa_status): the app reads it to ask for a code
 * or to lead to setting up a factor, since below aal2 every other read comes back empty.
 */
export const getMfaStatus = cache(async (): Promise<MfaStatus> => {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("my_mfa_status");
  if (error) throw outageOr(error);
  const rows = data ?? [];
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
