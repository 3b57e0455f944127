import "server-only";
import { createClient } from "@/lib/supabase/server";
import type { Database } from "@/lib/database.types";
import { readAll } from "@/lib/paging/read-all";

export type Task = Database["public"]["Tables"]["partner_tasks"]["Row"];

/**
 * A partner's tasks, open ones first (by due date), then the rest, newest first. With a
 * `limit` (a card's preview) the first that many; without one every task, read range after
 * range, since the board filters and counts them all in the browser.
 */
export async function listPartnerTasks(
  partnerId: string,
  options: { openOnly?: boolean; limit?: number } = {},
): Promise<Task[]> {
  const supabase = await createClient();
  const query = (from: number, to: number) => {
    let request = supabase
      .from("partner_tasks")
      .select("*")
      .eq("partner_id", partnerId)
      .order("due_date", { ascending: true, nullsFirst: false })
      .order("created_at", { ascending: false })
      .order("id")
      .range(from, to);
    if (options.openOnly) request = request.in("status", ["todo", "in_progress"]);
    return request;
  };
  if (options.limit === undefined) return readAll(query);
  const { data, error } = await query(0, options.limit - 1);
  if (error) throw error;
  return data;
}
