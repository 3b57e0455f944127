import { COMMISSION_STATUS_LABELS } from "@/lib/commissions/constants";
import { DOCUMENT_TYPE_LABELS } from "@/lib/documents/constants";
import { STATUS_LABELS, TIER_LABELS } from "@/lib/partners/constants";
import { SECTION_LABELS } from "@/lib/portal/constants";
import { REFERRAL_STATUS_LABELS } from "@/lib/referrals/constants";
import { TASK_PRIORITY_LABELS, TASK_STATUS_LABELS } from "@/lib/tasks/constants";
import { TRAINING_STATUS_LABELS } from "@/lib/training/constants";

/**
 * The words an audit entry is read in: what each kind of record is called, what each of its
 * columns is called, and how a stored option reads. Keys are audit_log.resource_type and the
 * column names of the row the entry recorded.
 */
export const RESOURCE_LABELS: Record<string, string> = {
  organization: "organization",
  org_member: "member",
  org_invitation: "invitation",
  partner: "partner",
  partner_user: "partner user",
  partner_access: "portal access",
  referral: "referral",
  commission: "commission",
  task: "task",
  document: "document",
  note: "note",
  training: "training",
  resource: "resource",
};

const ROLE_LABELS: Record<string, string> = { admin: "Admin", manager: "Manager", member: "Member", viewer: "Viewer" };

export const FIELD_LABELS: Record<string, Record<string, string>> = {
  organization: { name: "Name", slug: "Address name", currency: "Currency", time_zone: "Time zone", locale: "Locale" },
  org_member: { role: "Role", user_id: "Person" },
  partner: {
    name: "Name",
    status: "Status",
    tier: "Tier",
    owner_id: "Owner",
    region: "Region",
    website: "Website",
    primary_contact_name: "Contact name",
    primary_contact_email: "Contact email",
    commission_rate: "Commission rate",
    tags: "Tags",
    external_id: "External ID",
    archived_at: "Archived",
    created_by: "Created by",
  },
  partner_user: {
    name: "Name",
    email: "Email",
    is_active: "Active",
    deactivated_at: "Deactivated",
    created_by: "Invited by",
  },
  partner_access: {
    partner_user_id: "Partner user",
    partner_id: "Partner",
    scope: "Sections",
    granted_by: "Granted by",
    granted_at: "Granted",
    starts_at: "Starts",
    ends_at: "Ends",
    revoked_at: "Revoked",
    revoked_by: "Revoked by",
  },
  referral: {
    client_name: "Client",
    client_email: "Client email",
    status: "Status",
    estimated_value: "Estimated value",
    actual_value: "Actual value",
    referred_at: "Referred",
    closed_at: "Closed",
    created_by: "Created by",
  },
  commission: {
    amount: "Amount",
    currency: "Currency",
    status: "Status",
    description: "Description",
    referral_id: "Referral",
    earned_at: "Earned",
    due_at: "Due",
    approved_at: "Approved",
    paid_at: "Paid",
    voided_at: "Voided",
    created_by: "Created by",
  },
  task: {
    title: "Title",
    description: "Description",
    status: "Status",
    priority: "Priority",
    due_date: "Due",
    assignee_id: "Assignee",
    completed_at: "Completed",
    created_by: "Created by",
  },
  document: {
    title: "Title",
    document_type: "Type",
    url: "Link",
    tags: "Tags",
    visibility: "Visibility",
    owner_id: "Owner",
    created_by: "Created by",
  },
  note: { body: "Text", author_id: "Author" },
  training: {
    name: "Course or certification",
    kind: "Kind",
    status: "Status",
    completed_on: "Completed",
    expires_on: "Expires",
    created_by: "Created by",
  },
  resource: {
    title: "Title",
    description: "Description",
    url: "Link",
    kind: "Kind",
    min_tier: "Minimum tier",
    created_by: "Created by",
  },
};

/** Stored options and how they read, per resource and column. */
export const OPTION_LABELS: Record<string, Record<string, Record<string, string>>> = {
  organization: {},
  org_member: { role: ROLE_LABELS },
  partner: { status: STATUS_LABELS, tier: TIER_LABELS },
  partner_access: { scope: SECTION_LABELS },
  referral: { status: REFERRAL_STATUS_LABELS },
  commission: { status: COMMISSION_STATUS_LABELS },
  task: { status: TASK_STATUS_LABELS, priority: TASK_PRIORITY_LABELS },
  document: { document_type: DOCUMENT_TYPE_LABELS, visibility: { internal: "Internal", shared: "Shared" } },
  training: {
    status: TRAINING_STATUS_LABELS,
    kind: { course: "Course", certification: "Certification" },
  },
  resource: { min_tier: TIER_LABELS },
};

/** Columns that hold a person's id, shown as that person's name. */
export const PERSON_FIELDS = new Set([
  "owner_id",
  "assignee_id",
  "author_id",
  "user_id",
  "member_id",
  "partner_user_id",
  "granted_by",
  "revoked_by",
  "created_by",
]);
/** Money columns, shown in the row's currency (or the org's). */
export const MONEY_FIELDS = new Set(["amount", "estimated_value", "actual_value"]);
/** Calendar days rather than instants. */
export const DAY_FIELDS = new Set(["due_date", "completed_on", "expires_on"]);
/** Bookkeeping that says nothing a reader needs. */
export const HIDDEN_FIELDS = new Set(["id", "org_id", "created_at", "updated_at"]);

/** "primary_contact_email" → "Primary contact email", for a column no list names yet. */
export function humanize(key: string): string {
  const words = key.replace(/_id$/, "").replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(resource: string, field: string): string {
  return FIELD_LABELS[resource]?.[field] ?? humanize(field);
}

export function optionLabel(resource: string, field: string, value: string): string | undefined {
  return OPTION_LABELS[resource]?.[field]?.[value];
}
