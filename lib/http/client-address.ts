import "server-only";
import { isIP } from "node:net";
import { headers } from "next/headers";

/**
 * Who is asking, as far as the app can know. Next gives a server action no socket address,
 * and any client can send any X-Forwarded-For, so the address is read from exactly one
 * header: the one the deployment's own proxy sets and overwrites (TRUSTED_PROXY_HEADER, e.g.
 * `x-vercel-forwarded-for` on Vercel, `x-real-ip` behind nginx). Its first entry is the
 * client. With no trusted header configured the address is unknown (null): every client then
 * looks alike, so the per-address limits are skipped rather than shared by everyone, and
 * only the per-account ones apply.
 */
export async function clientAddress(): Promise<string | null> {
  const name = process.env.TRUSTED_PROXY_HEADER?.trim().toLowerCase();
  if (!name) return null;
  const value = (await headers()).get(name);
  const first = value?.split(",")[0]?.trim();
  // Anything but an address (a misconfigured proxy) counts as unknown, never as a key.
  return first && isIP(first) ? first : null;
}

/** The browser's user agent, for audit entries; it is what the client says, nothing more. */
export async function clientUserAgent(): Promise<string | null> {
  const value = (await headers()).get("user-agent");
  return value ? value.slice(0, 512) : null;
}

/** Headers the API servers read to record and limit the person rather than the app server. */
export async function clientHeaders(): Promise<Record<string, string>> {
  const [address, userAgent] = await Promise.all([clientAddress(), clientUserAgent()]);
  const sent: Record<string, string> = {};
  if (address) sent["x-client-ip"] = address;
  if (userAgent) sent["x-client-ua"] = userAgent;
  return sent;
}
