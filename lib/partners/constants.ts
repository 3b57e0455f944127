/** One list per idea, shared by SQL checks (same values), schemas, filters and badges. */
export const PARTNER_STATUSES = ["prospect", "onboarding", "active", "paused", "churned"] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const PARTNER_TIERS = ["registered", "silver", "gold", "platinum"] as const;
export type PartnerTier = (typeof PARTNER_TIERS)[number];

export const STATUS_LABELS: Record<PartnerStatus, string> = {
  prospect: "Prospect",
  onboarding: "Onboarding",
  active: "Active",
  paused: "Paused",
  churned: "Churned",
};

export const TIER_LABELS: Record<PartnerTier, string> = {
  registered: "Registered",
  silver: "Silver",
  gold: "Gold",
  platinum: "Platinum",
};
