import { partnerRoute } from "@/lib/actions/safe-route";
import { DEFAULT_ORG_FORMAT } from "@/lib/format/org-format";
import { listNotifications, markNotificationsRead } from "@/lib/notifications/queries";
import { listNotificationsSchema, markNotificationsReadSchema } from "@/lib/notifications/schemas";
import { getPortalOrg } from "@/lib/portal/queries";

export const dynamic = "force-dynamic";

/** The portal bell: the partner user's own notifications (RLS), never business data. */
export const GET = partnerRoute({ schema: listNotificationsSchema }, async (input, { supabase }) => {
  const org = await getPortalOrg();
  return Response.json(await listNotifications(supabase, { limit: input.limit, org: org ?? DEFAULT_ORG_FORMAT }), {
    headers: { "Cache-Control": "no-store" },
  });
});

export const POST = partnerRoute(
  { schema: markNotificationsReadSchema, maxBytes: 16_384 },
  async (input, { supabase }) => Response.json({ marked: await markNotificationsRead(supabase, input) }),
);
