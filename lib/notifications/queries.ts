import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { describeNotification } from "./describe";
import { isNotificationEventType } from "./event-types";
import { notificationHref } from "./links";

export type NotificationItem = {
  id: string;
  title: string;
  detail: string;
  href: string;
  occurredAt: string;
  read: boolean;
};

export type NotificationList = { items: NotificationItem[]; unread: number };

/**
 * The caller's newest notifications and how many are unread. RLS returns only their own;
 * partner names come through RLS too, so a partner no longer visible is left unnamed.
 */
export async function listNotifications(
  supabase: ServerClient,
  options: { limit: number; currency: string },
): Promise<NotificationList> {
  const [list, unread] = await Promise.all([
    supabase
      .from("notifications")
      .select("id, audience, event_type, partner_id, source_table, payload, event_count, occurred_at, read_at")
      .order("created_at", { ascending: false })
      .limit(options.limit),
    supabase.from("notifications").select("id", { count: "exact", head: true }).is("read_at", null),
  ]);
  if (list.error) throw list.error;
  if (unread.error) throw unread.error;
  const rows = list.data ?? [];
  const partnerIds = [...new Set(rows.map((row) => row.partner_id).filter((id): id is string => Boolean(id)))];
  const names = new Map<string, string>();
  if (partnerIds.length) {
    // Partner users read partners only through the partner-safe function, staff the table.
    const forPartnerUser = rows.some((row) => row.audience === "partner");
    const partners = forPartnerUser
      ? await supabase.rpc("portal_partners").select("id, name").in("id", partnerIds)
      : await supabase.from("partners").select("id, name").in("id", partnerIds);
    if (partners.error) throw partners.error;
    for (const partner of partners.data ?? []) names.set(partner.id, partner.name);
  }
  const items = rows.map((row): NotificationItem => {
    const partnerName = row.partner_id ? (names.get(row.partner_id) ?? null) : null;
    const { title, detail } = describeNotification(row, { partnerName, currency: options.currency });
    return {
      id: row.id,
      title,
      detail,
      href: isNotificationEventType(row.event_type)
        ? notificationHref({
            audience: row.audience === "partner" ? "partner" : "staff",
            eventType: row.event_type,
            partnerId: row.partner_id,
            sourceTable: row.source_table,
            eventCount: row.event_count,
          })
        : "/",
      occurredAt: row.occurred_at,
      read: row.read_at !== null,
    };
  });
  return { items, unread: unread.count ?? 0 };
}

/** Marks the caller's notifications read: the named ones, or all. RLS keeps it to their own. */
export async function markNotificationsRead(
  supabase: ServerClient,
  input: { ids: string[] } | { all: true },
): Promise<number> {
  let query = supabase
    .from("notifications")
    .update({ read_at: new Date().toISOString() }, { count: "exact" })
    .is("read_at", null);
  if ("ids" in input) query = query.in("id", input.ids);
  const { error, count } = await query;
  if (error) throw error;
  return count ?? 0;
}
