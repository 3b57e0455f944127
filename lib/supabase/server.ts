import "server-only";
import { createServerClient } from "@supabase/ssr";
import type { Database } from "@/lib/database.types";
import { clientHeaders } from "@/lib/http/client-address";
import { supabasePublicKey, supabaseUrl } from "./env";
import { requestCookieConfig } from "./server-cookie-options";

/**
 * A client acting as the signed-in user (their cookies, so RLS applies), for server
 * components, server actions and route handlers. Make one per request. Every request carries
 * the person's own address and user agent (x-client-ip, x-client-ua), so audit entries name
 * them rather than the app server.
 */
export async function createClient() {
  return createServerClient<Database>(supabaseUrl(), supabasePublicKey(), {
    global: { headers: await clientHeaders() },
    ...(await requestCookieConfig()),
  });
}
