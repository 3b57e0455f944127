/** Portal sections a grant's scope can include (the overview is always included). Same values as partner_access.scope's check. */
export const PORTAL_SECTIONS = ["referrals", "commissions", "documents", "training", "activity"] as const;
export type PortalSection = (typeof PORTAL_SECTIONS)[number];
