import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { testEnv } from "../../support/env";
import { mintUserJwt } from "../../support/jwt";

const noSession = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };

/** supabase-js signed in as `userId`: PostgREST sees role `authenticated` and `sub` = userId. */
export async function clientAs(userId: string): Promise<SupabaseClient> {
  const token = await mintUserJwt(userId);
  return createClient(testEnv.apiUrl, testEnv.anonKey, {
    global: { headers: { Authorization: `Bearer ${token}` } },
    auth: noSession,
  });
}

/** supabase-js with the anon key alone: role `anon`. */
export function anonClient(): SupabaseClient {
  return createClient(testEnv.apiUrl, testEnv.anonKey, { auth: noSession });
}

/** supabase-js with the service role key: bypasses RLS, but not grants or triggers. */
export function serviceClient(): SupabaseClient {
  return createClient(testEnv.apiUrl, testEnv.serviceRoleKey, { auth: noSession });
}
