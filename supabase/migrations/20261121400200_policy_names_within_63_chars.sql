-- Postgres keeps 63 bytes of an identifier and silently cuts the rest, so some policy
-- sentences ended mid-word ("...to partner users with the re"). They get names that fit.
alter policy "Partners are visible to staff and to partner users granted them" on public.partners
  rename to "Partners are visible to staff and to their partner users";
alter policy "Grants are visible to staff and to the partner user holding the" on public.partner_access
  rename to "Grants are visible to staff and to the partner user holding it";
alter policy "Referrals are visible to staff and to partner users with the re" on public.partner_referrals
  rename to "Referrals are visible to staff and, by scope, to partner users";
alter policy "Commissions are visible to staff and to partner users with the " on public.partner_commissions
  rename to "Commissions are visible to staff and, by scope, to partners";
alter policy "Documents are visible to staff, shared ones to partner users wi" on public.partner_documents
  rename to "Documents are visible to staff, shared ones to partner users";
alter policy "Training is visible to staff and to partner users with the trai" on public.partner_training
  rename to "Training is visible to staff and, by scope, to partner users";
alter policy "Resources are visible to staff and to partner users at or above" on public.partner_resources
  rename to "Resources are visible to staff and to partner users by tier";
