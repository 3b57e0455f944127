import { parseCookieHeader, serializeCookieHeader, type CookieOptions } from "@supabase/ssr";

/**
 * How the auth cookies are written, by the server, proxy and browser clients alike.
 *
 * - SameSite=Lax: sent on top-level navigations from email links, never on another
 *   site's form posts or fetches. It does not stop a same-site page (a sibling
 *   subdomain): route handlers check the origin for that (lib/http/request-origin.ts).
 * - Secure whenever the site is served over https, so the session never travels in clear.
 * - Not HttpOnly, and it cannot be: @supabase/ssr's browser client reads and refreshes
 *   the session from document.cookie. What stands in for it: a CSP that runs only our
 *   own nonced scripts (proxy.ts), an access token that lives an hour, refresh tokens
 *   that rotate and revoke the session when replayed, and RLS on every row.
 * - A life that matches the session's: the auth server ends a session at its timebox
 *   ([auth.sessions] timebox), so a cookie kept longer only keeps dead tokens around.
 *   @supabase/ssr writes 400 days whatever cookieOptions say, so each client passes its
 *   writes through withSessionLife.
 */

export const DEFAULT_SESSION_TIMEBOX_HOURS = 720;

/** AUTH_SESSION_TIMEBOX_HOURS, which next.config.ts copies into the build; 0 keeps @supabase/ssr's default. */
export function sessionCookieMaxAge(): number | undefined {
  const hours = Number(process.env.AUTH_SESSION_TIMEBOX_HOURS ?? DEFAULT_SESSION_TIMEBOX_HOURS);
  if (!Number.isFinite(hours) || hours < 0) return DEFAULT_SESSION_TIMEBOX_HOURS * 3600;
  return hours === 0 ? undefined : Math.round(hours * 3600);
}

export function authCookieOptions(secure: boolean): CookieOptions {
  return { path: "/", sameSite: "lax", secure, httpOnly: false };
}

/** A write's options with the session's life; a removal (Max-Age 0) stays a removal. */
export function withSessionLife(options: CookieOptions): CookieOptions {
  const maxAge = sessionCookieMaxAge();
  if (options.maxAge === 0 || maxAge === undefined) return options;
  return { ...options, maxAge };
}

/** The browser client's cookie options and methods: document.cookie, written with the session's life. */
export function browserCookieConfig() {
  return {
    cookieOptions: authCookieOptions(window.location.protocol === "https:"),
    cookies: {
      getAll: () => parseCookieHeader(document.cookie),
      setAll: (cookies: { name: string; value: string; options: CookieOptions }[]) => {
        for (const { name, value, options } of cookies)
          document.cookie = serializeCookieHeader(name, value, withSessionLife(options));
      },
    },
  };
}
