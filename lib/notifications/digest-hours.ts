import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { BUILT_IN_DIGEST_HOUR, hourLabel } from "./digest-hour-label";

export type DigestHours = { own: number | null; orgDefault: number | null };

/** The caller's own hour and the organization's default (RLS: everyone of the org reads the default). */
export async function readDigestHours(
  supabase: ServerClient,
  orgId: string,
  userId: string | null,
): Promise<DigestHours> {
  const { data, error } = await supabase.from("notification_digest_hours").select("user_id, hour").eq("org_id", orgId);
  if (error) throw error;
  const rows = data ?? [];
  return {
    own: userId ? (rows.find((row) => row.user_id === userId)?.hour ?? null) : null,
    orgDefault: rows.find((row) => row.user_id === null)?.hour ?? null,
  };
}

/**
 * Sets the caller's hour (or, for an admin, the organization's with userId null), or removes
 * it for `default`. Update first, insert when there is none, as preferences do.
 */
export async function saveDigestHour(
  supabase: ServerClient,
  target: { orgId: string; userId: string | null },
  hour: number | "default",
): Promise<{ ok: true } | { ok: false; code: string | undefined }> {
  const table = () => supabase.from("notification_digest_hours");
  if (hour === "default") {
    const query = table().delete().eq("org_id", target.orgId);
    const { error } = await (target.userId ? query.eq("user_id", target.userId) : query.is("user_id", null));
    return error ? { ok: false, code: error.code } : { ok: true };
  }
  const update = () => {
    const query = table().update({ hour }).eq("org_id", target.orgId);
    return (target.userId ? query.eq("user_id", target.userId) : query.is("user_id", null)).select("id");
  };
  const updated = await update();
  if (updated.error) return { ok: false, code: updated.error.code };
  if (updated.data.length > 0) return { ok: true };
  const inserted = await table().insert({ org_id: target.orgId, user_id: target.userId, hour });
  if (!inserted.error) return { ok: true };
  if (inserted.error.code === "23505") {
    const again = await update();
    return again.error ? { ok: false, code: again.error.code } : { ok: true };
  }
  return { ok: false, code: inserted.error.code };
}

/** What the select offers when nothing is chosen at this level. */
export function digestHourFallback(hours: DigestHours, level: "person" | "org"): string {
  if (level === "person" && hours.orgDefault !== null) return `Organization default: ${hourLabel(hours.orgDefault)}`;
  return `Default: ${hourLabel(BUILT_IN_DIGEST_HOUR)}`;
}
