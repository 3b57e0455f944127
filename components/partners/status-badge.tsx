import { Badge, type BadgeTone } from "@/components/ui/badge";
import { STATUS_LABELS, type PartnerStatus } from "@/lib/partners/constants";

const TONES: Record<PartnerStatus, BadgeTone> = {
  prospect: "slate",
  onboarding: "blue",
  active: "green",
  paused: "amber",
  churned: "red",
};

export function StatusBadge({ status }: { status: PartnerStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
