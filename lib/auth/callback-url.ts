/**
 * GoTrue's own email templates link to `redirect_to` (after /auth/v1/verify), so every
 * email the auth server sends asks to come back to /auth/callback, which completes
 * both kinds of link: `?code=` (PKCE) and `#access_token=` (admin invitations).
 */
export const AUTH_CALLBACK_PATH = "/auth/callback";

/** `<origin>/auth/callback`, with the page to open afterwards when one is named. */
export function authCallbackUrl(origin: string, next?: string): string {
  const url = new URL(AUTH_CALLBACK_PATH, origin);
  if (next) url.searchParams.set("next", next);
  return url.toString();
}

/**
 * The page a link's `redirect_to` asks for, as a path: the `next` of a callback URL, the
 * path of any other URL, nothing for the bare site root. The caller still passes it
 * through safeNextPath: this only reads, it does not vouch.
 */
export function nextFromRedirectTo(redirectTo: string | null | undefined): string | undefined {
  if (!redirectTo) return undefined;
  let url: URL;
  try {
    url = new URL(redirectTo);
  } catch {
    return undefined;
  }
  if (url.pathname === AUTH_CALLBACK_PATH) return url.searchParams.get("next") ?? undefined;
  return url.pathname === "/" ? undefined : `${url.pathname}${url.search}`;
}
