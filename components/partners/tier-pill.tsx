import { Badge, type BadgeTone } from "@/components/ui/badge";
import { TIER_LABELS, type PartnerTier } from "@/lib/partners/constants";

const TONES: Record<PartnerTier, BadgeTone> = {
  registered: "slate",
  silver: "blue",
  gold: "yellow",
  platinum: "violet",
};

export function TierPill({ tier }: { tier: PartnerTier }) {
  return <Badge tone={TONES[tier]}>{TIER_LABELS[tier]}</Badge>;
}
