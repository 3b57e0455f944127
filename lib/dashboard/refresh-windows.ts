import "server-only";
import type { SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "@/lib/database.types";

/**
 * Moves the dashboard's kept leader windows when a month starts in an organization's time
 * zone. Until it runs, the page answers those periods from the monthly roll-ups (same figures,
 * slower), so a late run costs speed, never correctness.
 */
export async function refreshDashboardWindows(service: SupabaseClient<Database>): Promise<number> {
  const { data, error } = await service.rpc("refresh_dashboard_windows");
  if (error) throw new Error(`refresh_dashboard_windows failed: ${error.message}`);
  return data ?? 0;
}
