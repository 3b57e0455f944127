import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { PreferenceRow } from "@/components/notifications/preference-table";
import { DELIVERY_LABELS, isDelivery } from "./deliveries";
import { NOTIFICATION_EVENT_LABELS, isNotificationEventType } from "./event-types";

const label = (eventType: string) =>
  isNotificationEventType(eventType) ? NOTIFICATION_EVENT_LABELS[eventType] : eventType;
const words = (delivery: string | null) => (delivery && isDelivery(delivery) ? DELIVERY_LABELS[delivery] : "—");

/** The caller's own settings in an org, as the settings table shows them. */
export async function mySettingsRows(supabase: ServerClient, orgId: string): Promise<PreferenceRow[]> {
  const { data, error } = await supabase.rpc("my_notification_settings", { p_org_id: orgId });
  if (error) throw error;
  return data.map((row) => ({
    eventType: row.event_type,
    label: label(row.event_type),
    chosen: row.source === "mine" && isDelivery(row.delivery) ? row.delivery : null,
    fallback: row.org_default ? `Organization default: ${words(row.org_default)}` : `Default: ${words(row.built_in)}`,
  }));
}

/** The org's defaults, for its admins. */
export async function orgDefaultRows(supabase: ServerClient, orgId: string): Promise<PreferenceRow[]> {
  const { data, error } = await supabase.rpc("org_notification_defaults", { p_org_id: orgId });
  if (error) throw error;
  return data.map((row) => {
    const builtIns = [
      row.staff_built_in ? `staff: ${words(row.staff_built_in)}` : null,
      row.partner_built_in ? `partner users: ${words(row.partner_built_in)}` : null,
    ].filter(Boolean);
    return {
      eventType: row.event_type,
      label: label(row.event_type),
      chosen: isDelivery(row.org_default) ? row.org_default : null,
      fallback: `Built-in (${builtIns.join("; ")})`,
      audiences:
        row.audiences.includes("partner") && row.audiences.includes("staff")
          ? "Staff and partner users"
          : row.audiences.includes("partner")
            ? "Partner users"
            : "Staff",
    };
  });
}
