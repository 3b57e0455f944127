"use client";

import { createBrowserClient } from "@supabase/ssr";
import type { Database } from "@/lib/database.types";
import { browserCookieConfig } from "./cookie-options";
import { supabasePublicKey, supabaseUrl } from "./env";

/** A browser client acting as the signed-in user. createBrowserClient reuses one instance. */
export function createClient() {
  return createBrowserClient<Database>(supabaseUrl(), supabasePublicKey(), browserCookieConfig());
}
