/** Whether an organization's requirement (none, admins, staff) covers a member of this role; as private.mfa_applies. */
export function mfaApplies(required: string, role: string): boolean {
  return required === "staff" || (required === "admins" && role === "admin");
}

export const MFA_NEEDED =
  "Your organization requires two-factor sign-in. Set up an authenticator app in Security settings, then try again.";

export const REQUIREMENT_LABELS: Record<string, string> = {
  none: "Not required",
  admins: "Required for admins",
  staff: "Required for all staff",
};

type StepInput = { aal: "aal1" | "aal2"; hasVerifiedFactor: boolean; memberships: { allowed: boolean }[] };

/**
 * What the admin area must do first: ask for the code (the person has an authenticator),
 * lead to set-up (every organization they belong to requires one they lack), or nothing.
 */
export function mfaStep(status: StepInput): "code" | "setup" | null {
  if (status.aal === "aal2") return null;
  if (status.hasVerifiedFactor) return "code";
  if (status.memberships.length > 0 && status.memberships.every((membership) => !membership.allowed)) return "setup";
  return null;
}
