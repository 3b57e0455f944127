import type { Request } from "./http";
import type { AuthSettings } from "./settings";

/** GoTrue's IsRedirectURLValid: same host as the site URL, or a match in the allow-list. */
export function isRedirectAllowed(settings: AuthSettings, candidate: string): boolean {
  if (candidate === "") return false;
  try {
    if (new URL(candidate).hostname === new URL(settings.siteUrl).hostname) return true;
  } catch {
    // not an absolute URL: only the allow-list can accept it
  }
  return settings.redirectAllowList.some((pattern) => pattern.test(candidate));
}

/** GoTrue's GetReferrer: `redirect_to` if allowed, else the Referer if allowed, else the site URL. */
export function referrer(settings: AuthSettings, request: Request, bodyValue?: string): string {
  const candidates = [request.query.get("redirect_to") ?? "", bodyValue ?? "", String(request.headers.referer ?? "")];
  return candidates.find((candidate) => isRedirectAllowed(settings, candidate)) ?? settings.siteUrl;
}

export function verifyUrl(settings: AuthSettings, hashedToken: string, type: string, redirectTo: string): string {
  const query = new URLSearchParams({ token: hashedToken, type, redirect_to: redirectTo });
  return `${settings.externalUrl}/verify?${query.toString()}`;
}
