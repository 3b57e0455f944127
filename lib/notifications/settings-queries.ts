import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { PreferenceRow } from "@/components/notifications/preference-table";
import { DELIVERY_LABELS, isDelivery } from "./deliveries";
import { NOTIFICATION_EVENT_LABELS, isNotificationEventType } from "./event-types";
import { NOTIFICATION_ROLE_PLURALS, isNotificationRole, type NotificationRole } from "./roles";

const label = (eventType: string) =>
  isNotificationEventType(eventType) ? NOTIFICATION_EVENT_LABELS[eventType] : eventType;
const words = (delivery: string | null) => (delivery && isDelivery(delivery) ? DELIVERY_LABELS[delivery] : "—");

/** "Organization default for managers", or "Organization default" when it is for everyone. */
function orgDefaultName(role: string | null): string {
  return isNotificationRole(role)
    ? `Organization default for ${NOTIFICATION_ROLE_PLURALS[role]}`
    : "Organization default";
}

const MY_SOURCES: Record<string, (row: { org_default_role: string | null }) => string> = {
  mine: () => "Your choice",
  org_role: (row) => orgDefaultName(row.org_default_role),
  org: () => "Organization default",
  built_in: () => "Your role's default",
};

/** The caller's own settings in an org, as the settings table shows them. */
export async function mySettingsRows(supabase: ServerClient, orgId: string): Promise<PreferenceRow[]> {
  const { data, error } = await supabase.rpc("my_notification_settings", { p_org_id: orgId });
  if (error) throw error;
  return data.map((row) => ({
    eventType: row.event_type,
    label: label(row.event_type),
    chosen: row.source === "mine" && isDelivery(row.delivery) ? row.delivery : null,
    fallback: row.org_default
      ? `${orgDefaultName(row.org_default_role)}: ${words(row.org_default)}`
      : `Your role's default: ${words(row.built_in)}`,
    source: (MY_SOURCES[row.source] ?? MY_SOURCES.built_in!)(row),
  }));
}

/** The org's defaults for everyone, for its admins. */
export async function orgDefaultRows(supabase: ServerClient, orgId: string): Promise<PreferenceRow[]> {
  const { data, error } = await supabase.rpc("org_notification_defaults", { p_org_id: orgId });
  if (error) throw error;
  return data.map((row) => ({
    eventType: row.event_type,
    label: label(row.event_type),
    chosen: isDelivery(row.org_default) ? row.org_default : null,
    fallback: "Each role's default",
    audiences:
      row.audiences.includes("partner") && row.audiences.includes("staff")
        ? "Staff and partner users"
        : row.audiences.includes("partner")
          ? "Partner users"
          : "Staff",
  }));
}

/** The org's defaults for one role, for its admins. */
export async function orgRoleDefaultRows(
  supabase: ServerClient,
  orgId: string,
  role: NotificationRole,
): Promise<PreferenceRow[]> {
  const { data, error } = await supabase.rpc("org_role_notification_defaults", { p_org_id: orgId, p_role: role });
  if (error) throw error;
  const plural = NOTIFICATION_ROLE_PLURALS[role];
  return data.map((row) => ({
    eventType: row.event_type,
    label: label(row.event_type),
    chosen: isDelivery(row.role_default) ? row.role_default : null,
    fallback: row.everyone_default
      ? `Organization default for everyone: ${words(row.everyone_default)}`
      : `Built-in for ${plural}: ${words(row.built_in)}`,
    // The select already names the fallback; only a value set here is worth a second line.
    source: row.role_default ? `Set for ${plural}` : undefined,
  }));
}
