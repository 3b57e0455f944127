import { z } from "zod";
import { signLink } from "@/lib/http/signed-link";

/** What an unsubscribe link carries: the person, the org, and the event type (`*` for digests). */
export const unsubscribeTokenSchema = z.object({
  u: z.uuid(),
  o: z.uuid(),
  t: z.string().min(1).max(64),
});
export type UnsubscribeToken = z.output<typeof unsubscribeTokenSchema>;

export const UNSUBSCRIBE_PURPOSE = "unsubscribe";
const TTL_SECONDS = 90 * 24 * 3600;

export function unsubscribeToken(data: UnsubscribeToken, key = process.env.LINK_SIGNING_KEY ?? ""): string {
  return signLink(UNSUBSCRIBE_PURPOSE, data, TTL_SECONDS, key);
}

/** The page a person opens (a button, so a mail scanner following the link changes nothing) and the RFC 8058 POST target. */
export function unsubscribeUrls(origin: string, token: string): { page: string; oneClick: string } {
  const query = `token=${encodeURIComponent(token)}`;
  return { page: `${origin}/unsubscribe?${query}`, oneClick: `${origin}/api/unsubscribe?${query}` };
}
