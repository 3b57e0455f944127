import type { SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "@/lib/database.types";

export type ActivityEvent = Pick<
  Database["public"]["Tables"]["partner_activity_log"]["Row"],
  "id" | "event_type" | "occurred_at" | "actor_id" | "payload" | "partner_visible" | "source_table" | "source_id"
>;

export type ActivityCursor = { occurredAt: string; id: string };
export type ActivityPage = { events: ActivityEvent[]; next: ActivityCursor | null };

export const ACTIVITY_PAGE_SIZE = 50;
const COLUMNS = "id, event_type, occurred_at, actor_id, payload, partner_visible, source_table, source_id";

/**
 * One page of a partner's timeline, newest first, keyset-paginated on (occurred_at, id)
 * so page 200 costs what page 1 does. Runs with whichever client it is given (the server
 * one for the first render, the browser one for "load more" and polling): RLS decides.
 */
export async function listActivity(
  supabase: SupabaseClient<Database>,
  options: { partnerId: string; orgId: string; filter?: string | null; before?: ActivityCursor | null; limit?: number },
): Promise<ActivityPage> {
  const limit = options.limit ?? ACTIVITY_PAGE_SIZE;
  let query = supabase
    .from("partner_activity_log")
    .select(COLUMNS)
    .eq("partner_id", options.partnerId)
    .eq("org_id", options.orgId)
    .order("occurred_at", { ascending: false })
    .order("id", { ascending: false })
    .limit(limit + 1);
  if (options.filter?.endsWith(".*")) query = query.like("event_type", `${options.filter.slice(0, -1)}%`);
  else if (options.filter) query = query.eq("event_type", options.filter);
  if (options.before) {
    const at = JSON.stringify(options.before.occurredAt);
    query = query.or(`occurred_at.lt.${at},and(occurred_at.eq.${at},id.lt.${options.before.id})`);
  }
  const { data, error } = await query;
  if (error) throw error;
  const events = data.slice(0, limit);
  const last = events.at(-1);
  return { events, next: data.length > limit && last ? { occurredAt: last.occurred_at, id: last.id } : null };
}
