import "server-only";
import { createClient } from "@/lib/supabase/server";
import type { Database } from "@/lib/database.types";

export type Task = Database["public"]["Tables"]["partner_tasks"]["Row"];

const TASK_LIMIT = 500;

/** A partner's tasks, open ones first (by due date), then the rest, newest first. */
export async function listPartnerTasks(
  partnerId: string,
  options: { openOnly?: boolean; limit?: number } = {},
): Promise<Task[]> {
  const supabase = await createClient();
  let query = supabase
    .from("partner_tasks")
    .select("*")
    .eq("partner_id", partnerId)
    .order("due_date", { ascending: true, nullsFirst: false })
    .order("created_at", { ascending: false })
    .limit(options.limit ?? TASK_LIMIT);
  if (options.openOnly) query = query.in("status", ["todo", "in_progress"]);
  const { data, error } = await query;
  if (error) throw error;
  return data;
}
