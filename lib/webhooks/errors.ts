import type { PostgrestError } from "@supabase/supabase-js";

/** What an admin reads when the database refuses a webhook change. */
export function webhookError(error: PostgrestError, fallback: string): string {
  if (error.code === "42501") return "Only admins manage webhooks.";
  if (error.code === "P0002") return "This webhook endpoint no longer exists.";
  if (error.code === "23514") return "The URL or the events are not valid.";
  return fallback;
}
