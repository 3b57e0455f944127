import { staffRoute } from "@/lib/actions/safe-route";
import { listNotifications, markNotificationsRead } from "@/lib/notifications/queries";
import { listNotificationsSchema, markNotificationsReadSchema } from "@/lib/notifications/schemas";
import { STAFF_ROLES } from "@/lib/orgs/roles";

export const dynamic = "force-dynamic";

/** The admin bell: the caller's newest notifications and the unread count. Read marks are everyone's own, viewers' too. */
export const GET = staffRoute(
  { schema: listNotificationsSchema, roles: STAFF_ROLES },
  async (input, { supabase, staff }) =>
    Response.json(await listNotifications(supabase, { limit: input.limit, org: staff.org }), {
      headers: { "Cache-Control": "no-store" },
    }),
);

export const POST = staffRoute(
  { schema: markNotificationsReadSchema, roles: STAFF_ROLES, maxBytes: 16_384 },
  async (input, { supabase }) => Response.json({ marked: await markNotificationsRead(supabase, input) }),
);
