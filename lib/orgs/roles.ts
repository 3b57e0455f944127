/** Staff roles, most powerful first. The database decides; these mirror it for the UI. */
export const STAFF_ROLES = ["admin", "manager", "member", "viewer"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** "editors" and "leads" as DESIGN.md's permission matrix names them. */
export const EDITORS: readonly StaffRole[] = ["admin", "manager", "member"];
export const LEADS: readonly StaffRole[] = ["admin", "manager"];

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

export const ACTIVE_ORG_COOKIE = "pd-active-org";
