import { COMMISSION_STATUS_LABELS } from "@/lib/commissions/constants";
import type { OrgFormatter } from "@/lib/format/org-format";
import { PARTNER_TIERS, STATUS_LABELS, TIER_LABELS } from "@/lib/partners/constants";
import { REFERRAL_STATUS_LABELS } from "@/lib/referrals/constants";

/**
 * A partner-visible timeline event as the partner reads it in the portal: their own words
 * ("Referral Acme Corp moved to In progress", "Commission of €3,750.00 approved"), money and
 * dates the organization's way, and never a stored key, an id or a snake_case value.
 */
type Payload = Record<string, unknown>;

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value).trim() : "");

/** A stored option in words: its label, else the value made readable ("in_review" → "In review"). */
function label(labels: Record<string, string>, value: unknown): string {
  const key = text(value);
  if (labels[key]) return labels[key];
  const words = key.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function describeForPartner(event: { event_type: string; payload: unknown }, format: OrgFormatter): string {
  const payload = (event.payload && typeof event.payload === "object" ? event.payload : {}) as Payload;
  const currency = text(payload.currency) || undefined;
  const money = (value: unknown) => format.money(text(value), currency);
  const referral = text(payload.client_name) ? `Referral ${text(payload.client_name)}` : "A referral";
  const commission = text(payload.amount) ? `Commission of ${money(payload.amount)}` : "A commission";
  const worth = (value: unknown) => (text(value) && Number(text(value)) > 0 ? `, worth ${money(value)}` : "");

  switch (event.event_type) {
    case "partner.created":
    case "partner.imported":
      return "Your partner account was opened";
    case "partner.status_changed":
      return `Your partnership moved from ${label(STATUS_LABELS, payload.from)} to ${label(STATUS_LABELS, payload.to)}`;
    case "partner.tier_changed": {
      const up = PARTNER_TIERS.indexOf(text(payload.to) as never) > PARTNER_TIERS.indexOf(text(payload.from) as never);
      return `Your tier ${up ? "went up" : "changed"} from ${label(TIER_LABELS, payload.from)} to ${label(TIER_LABELS, payload.to)}`;
    }
    case "referral.created":
      return `${referral} was submitted${worth(payload.estimated_value)}`;
    case "referral.status_changed":
      return `${referral} moved to ${label(REFERRAL_STATUS_LABELS, payload.to)}`;
    case "referral.won":
      return `${referral} was won${worth(payload.actual_value)}`;
    case "referral.lost":
      return `${referral} was closed as lost`;
    case "commission.created":
      return `${commission} recorded${text(payload.status) && text(payload.status) !== "pending" ? ` as ${label(COMMISSION_STATUS_LABELS, payload.status).toLowerCase()}` : ""}`;
    case "commission.approved":
      return `${commission} approved`;
    case "commission.paid":
      return `${commission} paid`;
    case "commission.voided":
      return `${commission} voided`;
    case "document.added":
      return text(payload.title)
        ? `Document ${text(payload.title)} was shared with you`
        : "A document was shared with you";
    default:
      return "Your account was updated";
  }
}
