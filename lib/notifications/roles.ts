import { STAFF_ROLES } from "@/lib/orgs/roles";

/**
 * The roles notification defaults are kept per: the staff roles, and partner for partner users
 * (notification_preferences.role; the same list as its check constraint).
 */
export const NOTIFICATION_ROLES = [...STAFF_ROLES, "partner"] as const;
export type NotificationRole = (typeof NOTIFICATION_ROLES)[number];

/** Who a role's defaults are for, in the plural the settings pages use ("organization default for managers"). */
export const NOTIFICATION_ROLE_PLURALS: Record<NotificationRole, string> = {
  admin: "admins",
  manager: "managers",
  member: "members",
  viewer: "viewers",
  partner: "partner users",
};

export function isNotificationRole(value: unknown): value is NotificationRole {
  return typeof value === "string" && (NOTIFICATION_ROLES as readonly string[]).includes(value);
}
