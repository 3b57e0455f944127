import { signedLinkRoute } from "@/lib/actions/safe-route";
import { UNSUBSCRIBE_PURPOSE, unsubscribeTokenSchema } from "@/lib/notifications/email/unsubscribe-link";
import { applyUnsubscribe } from "@/lib/notifications/unsubscribe";

export const dynamic = "force-dynamic";

/**
 * RFC 8058 one-click unsubscribe: a mail client POSTs `List-Unsubscribe=One-Click` here,
 * and the page's button posts the same. The signed token is the whole authority; no
 * session is needed. A browser (the page's form) is sent back to the page to read the outcome.
 */
export const POST = signedLinkRoute(
  { purpose: UNSUBSCRIBE_PURPOSE, schema: unsubscribeTokenSchema },
  async (token, { request }) => {
    await applyUnsubscribe(token);
    if (request.headers.get("accept")?.includes("text/html")) {
      const back = new URL("/unsubscribe", request.url);
      back.searchParams.set("token", request.nextUrl.searchParams.get("token") ?? "");
      back.searchParams.set("done", "1");
      return Response.redirect(back, 303);
    }
    return Response.json({ ok: true });
  },
);
