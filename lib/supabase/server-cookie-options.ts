import "server-only";
import type { CookieOptions } from "@supabase/ssr";
import { cookies, headers } from "next/headers";
import { isHttpsRequest } from "@/lib/http/request-origin";
import { authCookieOptions, withSessionLife } from "./cookie-options";

/** The auth cookies' options for the request being served (Secure when it came over https). */
async function requestCookieOptions() {
  return authCookieOptions(isHttpsRequest(await headers()));
}

/**
 * The cookie options and methods of every server client on this request's cookies (the
 * user's client and the auth-only one alike), written with the session's life.
 */
export async function requestCookieConfig() {
  const cookieStore = await cookies();
  return {
    cookieOptions: await requestCookieOptions(),
    cookies: {
      getAll() {
        return cookieStore.getAll();
      },
      setAll(cookiesToSet: { name: string; value: string; options: CookieOptions }[]) {
        try {
          for (const { name, value, options } of cookiesToSet) cookieStore.set(name, value, withSessionLife(options));
        } catch {
          // Server components cannot set cookies; proxy.ts refreshes the session instead.
        }
      },
    },
  };
}
