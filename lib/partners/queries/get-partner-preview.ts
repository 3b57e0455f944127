import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import { DIRECTORY_ROW_SELECT, type ActivityItem, type DirectoryRow, type PartnerPreview } from "../directory-types";

/** The quick-preview panel: the partner, its roll-ups and its latest activity. */
export async function getPartnerPreview(
  supabase: ServerClient,
  orgId: string,
  partnerId: string,
): Promise<PartnerPreview | null> {
  const [partner, rollups, activity] = await Promise.all([
    supabase.from("partners").select(DIRECTORY_ROW_SELECT).eq("org_id", orgId).eq("id", partnerId).maybeSingle(),
    supabase.rpc("partner_rollups", { p_partner_id: partnerId }).maybeSingle(),
    supabase
      .from("partner_activity_log")
      .select("id, event_type, occurred_at, payload, actor_id")
      .eq("org_id", orgId)
      .eq("partner_id", partnerId)
      .order("occurred_at", { ascending: false })
      .limit(6),
  ]);
  if (partner.error) throw partner.error;
  if (!partner.data) return null;
  if (rollups.error) throw rollups.error;
  if (activity.error) throw activity.error;
  const r = rollups.data;
  return {
    partner: partner.data as unknown as DirectoryRow,
    rollups: r
      ? {
          referralsOpen: r.referrals_open,
          referralsWon: r.referrals_won,
          referralsTotal: r.referrals_total,
          pipelineValue: Number(r.pipeline_value),
          wonValue: Number(r.won_value),
          commissionOwed: Number(r.commission_owed),
          commissionPaid: Number(r.commission_paid),
          openTasks: r.open_tasks,
          overdueTasks: r.overdue_tasks,
        }
      : null,
    activity: (activity.data ?? []) as ActivityItem[],
  };
}
