import { Badge, type BadgeTone } from "@/components/ui/badge";
import {
  COMMISSION_STATUS_LABELS,
  REFERRAL_STATUS_LABELS,
  type CommissionStatus,
  type ReferralStatus,
} from "@/lib/portal/constants";

const REFERRAL_TONES: Record<ReferralStatus, BadgeTone> = {
  submitted: "slate",
  qualified: "blue",
  in_progress: "violet",
  won: "green",
  lost: "red",
};
const COMMISSION_TONES: Record<CommissionStatus, BadgeTone> = {
  pending: "amber",
  approved: "blue",
  paid: "green",
  void: "slate",
};

export function ReferralStatusBadge({ status }: { status: string }) {
  const known = status as ReferralStatus;
  return <Badge tone={REFERRAL_TONES[known] ?? "slate"}>{REFERRAL_STATUS_LABELS[known] ?? status}</Badge>;
}

export function CommissionStatusBadge({ status }: { status: string }) {
  const known = status as CommissionStatus;
  return <Badge tone={COMMISSION_TONES[known] ?? "slate"}>{COMMISSION_STATUS_LABELS[known] ?? status}</Badge>;
}
