import "server-only";
import { headers } from "next/headers";

/**
 * Where links in emails point: the configured site URL. A request's Origin or Host is the
 * caller's to choose, so trusting it would let anyone have the app mail a link to a host of
 * their own (the auth server's redirect allow-list only narrows the damage). Without a
 * configured site URL (local development) it falls back to the request's own host.
 */
export async function siteOrigin(): Promise<string> {
  const configured = process.env.NEXT_PUBLIC_SITE_URL;
  if (configured) return new URL(configured).origin;
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host");
  if (host) return `${list.get("x-forwarded-proto") ?? "http"}://${host}`;
  return "http://localhost:3000";
}
