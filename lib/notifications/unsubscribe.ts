import "server-only";
import { createAdminClient } from "@/lib/supabase/admin";
import type { UnsubscribeToken } from "./email/unsubscribe-link";

/** Applies a verified unsubscribe link: that kind of email stops, the bell stays. */
export async function applyUnsubscribe(token: UnsubscribeToken): Promise<number> {
  const { data, error } = await createAdminClient().rpc("unsubscribe_email", {
    p_user_id: token.u,
    p_org_id: token.o,
    p_event_type: token.t,
  });
  if (error) throw error;
  return data ?? 0;
}
