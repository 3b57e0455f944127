import "server-only";
import { createServerClient } from "@supabase/ssr";
import { cookies } from "next/headers";
import type { Database } from "@/lib/database.types";
import { clientHeaders } from "@/lib/http/client-address";
import { withSessionLife } from "./cookie-options";
import { supabasePublicKey, supabaseUrl } from "./env";
import { requestCookieOptions } from "./server-cookie-options";

/**
 * A client acting as the signed-in user (their cookies, so RLS applies), for server
 * components, server actions and route handlers. Make one per request. Every request carries
 * the person's own address and user agent (x-client-ip, x-client-ua), so audit entries name
 * them rather than the app server.
 */
export async function createClient() {
  const cookieStore = await cookies();
  return createServerClient<Database>(supabaseUrl(), supabasePublicKey(), {
    global: { headers: await clientHeaders() },
    cookieOptions: await requestCookieOptions(),
    cookies: {
      getAll() {
        return cookieStore.getAll();
      },
      setAll(cookiesToSet) {
        try {
          for (const { name, value, options } of cookiesToSet) cookieStore.set(name, value, withSessionLife(options));
        } catch {
          // Server components cannot set cookies; proxy.ts refreshes the session instead.
        }
      },
    },
  });
}
