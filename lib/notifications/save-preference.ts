import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { Delivery } from "./deliveries";
import type { NotificationEventType } from "./event-types";
import type { NotificationRole } from "./roles";

/**
 * A person's own row (userId), or an organization default (userId null) for one role or, with
 * role null, for everyone.
 */
export type PreferenceTarget = {
  orgId: string;
  userId: string | null;
  role?: NotificationRole | null;
  eventType: NotificationEventType;
};

/**
 * Sets one preference row as the caller (RLS: their own row, or the org's default for an
 * admin), or deletes it for `default`. Update first, insert when there is none; a second
 * tab inserting at the same moment makes the insert collide, and the update then applies.
 */
export async function savePreference(
  supabase: ServerClient,
  target: PreferenceTarget,
  delivery: Delivery | "default",
): Promise<{ ok: true } | { ok: false; code: string | undefined }> {
  if (delivery === "default") {
    const query = supabase
      .from("notification_preferences")
      .delete()
      .eq("org_id", target.orgId)
      .eq("event_type", target.eventType);
    const { error } = await onlyTarget(query, target);
    return error ? { ok: false, code: error.code } : { ok: true };
  }
  const update = async () => {
    const query = supabase
      .from("notification_preferences")
      .update({ delivery })
      .eq("org_id", target.orgId)
      .eq("event_type", target.eventType);
    return onlyTarget(query, target).select("id");
  };
  const updated = await update();
  if (updated.error) return { ok: false, code: updated.error.code };
  if (updated.data.length > 0) return { ok: true };
  const inserted = await supabase.from("notification_preferences").insert({
    org_id: target.orgId,
    user_id: target.userId,
    role: target.userId ? null : (target.role ?? null),
    event_type: target.eventType,
    delivery,
  });
  if (!inserted.error) return { ok: true };
  if (inserted.error.code === "23505") {
    const again = await update();
    return again.error ? { ok: false, code: again.error.code } : { ok: true };
  }
  return { ok: false, code: inserted.error.code };
}

/** The one row a target names: an organization default for everyone must not match the per-role ones. */
function onlyTarget<Q extends { eq: (column: string, value: string) => Q; is: (column: string, value: null) => Q }>(
  query: Q,
  target: PreferenceTarget,
): Q {
  if (target.userId) return query.eq("user_id", target.userId);
  const defaults = query.is("user_id", null);
  return target.role ? defaults.eq("role", target.role) : defaults.is("role", null);
}

export function preferenceError(code: string | undefined): string {
  if (code === "42501") return "You cannot change this setting.";
  return "The setting could not be saved. Try again.";
}
