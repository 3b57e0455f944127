import "server-only";
import { headers } from "next/headers";

/** Where links in emails should point: the app's own origin as the browser sees it. */
export async function siteOrigin(): Promise<string> {
  const list = await headers();
  const origin = list.get("origin");
  if (origin) return origin;
  const host = list.get("x-forwarded-host") ?? list.get("host");
  if (host) return `${list.get("x-forwarded-proto") ?? "http"}://${host}`;
  return process.env.NEXT_PUBLIC_SITE_URL ?? "http://localhost:3000";
}
