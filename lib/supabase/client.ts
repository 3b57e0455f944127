"use client";

import { createBrowserClient } from "@supabase/ssr";
import type { Database } from "@/lib/database.types";
import { browserCookieConfig } from "./cookie-options";
import { supabasePublicKey, supabaseUrl } from "./env";

/** A browser client acting as the signed-in user. createBrowserClient reuses one instance. */
export function createClient() {
  return createBrowserClient<Database>(supabaseUrl(), supabasePublicKey(), browserCookieConfig());
}

/**
 * A client that leaves the URL alone when it starts, for the page that hands a link's
 * session to setSession itself (the default client would read the fragment as a PKCE
 * callback and refuse it). Its own instance, so the shared one keeps its defaults.
 */
export function createClientForLinkSession() {
  return createBrowserClient<Database>(supabaseUrl(), supabasePublicKey(), {
    ...browserCookieConfig(),
    isSingleton: false,
    auth: { detectSessionInUrl: false, autoRefreshToken: false },
  });
}
