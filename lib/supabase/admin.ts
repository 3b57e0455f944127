import "server-only";
import { createClient } from "@supabase/supabase-js";
import type { Database } from "@/lib/database.types";
import { supabaseSecretKey, supabaseUrl } from "./env";

/**
 * The service-role client bypasses RLS. Use it only where the user's own rights
 * cannot do the job (creating an auth user for an invitation), and only after the
 * action wrapper has checked the caller's role. Never import it from a component.
 */
export function createAdminClient() {
  return createClient<Database>(supabaseUrl(), supabaseSecretKey(), {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}
