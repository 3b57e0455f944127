/**
 * Where the app is served from, as the browser sees it. The configured site URL
 * (NEXT_PUBLIC_SITE_URL) wins where it is set; otherwise the request's own Host (and
 * X-Forwarded-Host / X-Forwarded-Proto from the proxy in front). A browser cannot forge
 * Host or Origin on behalf of another site, which is all the origin check relies on.
 */

export function configuredSiteUrl(): URL | undefined {
  const value = process.env.NEXT_PUBLIC_SITE_URL;
  if (!value) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Whether the browser reached the app over https (directly, through a TLS-terminating proxy, or by configuration). */
export function isHttpsRequest(headers: Headers, requestUrl?: URL, siteUrl = configuredSiteUrl()): boolean {
  if (siteUrl?.protocol === "https:") return true;
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return requestUrl?.protocol === "https:";
}

/** The host the browser addressed, as the app sees it. */
export function requestHost(headers: Headers): string | undefined {
  return (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim().toLowerCase() || undefined;
}

const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isMutatingMethod(method: string): boolean {
  return MUTATING_METHODS.has(method.toUpperCase());
}

/**
 * Why a state-changing request must be refused as cross-origin, or null when it came
 * from the app's own pages. Fetch metadata first: a browser that sends Sec-Fetch-Site
 * says exactly where the request came from, and only `same-origin` passes (`same-site`
 * is a sibling subdomain or another port, which SameSite=Lax cookies do not stop).
 * Without it, the Origin must be the app's: the site URL, or the host the request
 * addressed. No Origin at all is refused: every browser sends one on a POST.
 */
export function crossOriginRefusal(headers: Headers, siteUrl = configuredSiteUrl()): string | null {
  const fetchSite = headers.get("sec-fetch-site")?.toLowerCase();
  if (fetchSite) return fetchSite === "same-origin" ? null : `a ${fetchSite} request`;
  const origin = headers.get("origin");
  if (!origin || origin === "null") return "a request without an origin";
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return "a request with a malformed origin";
  }
  if (siteUrl && parsed.origin === siteUrl.origin) return null;
  const host = requestHost(headers);
  if (host && parsed.host.toLowerCase() === host) return null;
  return `a request from ${parsed.origin}`;
}
