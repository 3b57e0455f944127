import "server-only";
import { createServerClient } from "@supabase/ssr";
import { cookies } from "next/headers";
import type { Database } from "@/lib/database.types";
import { withSessionLife } from "./cookie-options";
import { supabasePublicKey, supabaseUrl } from "./env";
import { requestCookieOptions } from "./server-cookie-options";

/**
 * A client acting as the signed-in user (their cookies, so RLS applies), for server
 * components, server actions and route handlers. Make one per request.
 */
export async function createClient() {
  const cookieStore = await cookies();
  return createServerClient<Database>(supabaseUrl(), supabasePublicKey(), {
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
