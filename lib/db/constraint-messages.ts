/**
 * Every named rule in the public schema, with the form field it is about and what the
 * person who broke it should read. Keyed by the exact constraint (or unique index) name
 * Postgres reports; tests/db compares the keys with pg_constraint both ways, so a new
 * constraint without a sentence here, or a sentence for one that is gone, fails the build.
 * `field: null` is a rule no form field can break (the app writes the value itself).
 */
export type ConstraintMessage = { field: string | null; message: string };

const TOO_LONG = (limit: string) => `Use at most ${limit} characters`;
const VALID_EMAIL = "Enter a valid email address";
const WEB_LINK = "Enter a link starting with http:// or https://";
const INTERNAL = "The change breaks one of Partnerdesk's rules and was not saved. Reload and try again.";

export const CONSTRAINT_MESSAGES: Record<string, ConstraintMessage> = {
  // organizations
  organizations_currency_check: { field: "currency", message: "Use a three-letter currency code, like EUR" },
  organizations_locale_format: { field: "locale", message: "Use a locale such as en-US or de-DE" },
  organizations_name_check: { field: "name", message: "Enter a name of 1 to 200 characters" },
  organizations_slug_check: {
    field: "slug",
    message: "Use lowercase letters, digits and single dashes, at most 63 characters",
  },
  organizations_slug_key: { field: "slug", message: "Another organization already uses that slug" },
  // people
  profiles_avatar_url_check: { field: "avatar_url", message: WEB_LINK },
  profiles_display_name_check: { field: "display_name", message: TOO_LONG("200") },
  profiles_email_check: { field: "email", message: VALID_EMAIL },
  profiles_id_fkey: { field: null, message: "This person no longer has an account." },
  org_members_org_id_fkey: { field: null, message: "This organization no longer exists." },
  org_members_role_check: { field: "role", message: "Choose a role" },
  org_members_user_id_fkey: { field: "userId", message: "This person no longer has an account." },
  org_members_pkey: { field: "email", message: "This person is already a member of this organization." },
  // partners
  partners_commission_rate_check: { field: "commission_rate", message: "Use a percentage from 0 to 100" },
  partners_external_id_check: { field: "external_id", message: "Use an external id of 1 to 200 characters" },
  partners_id_org_id_key: { field: null, message: INTERNAL },
  partners_name_check: { field: "name", message: "Enter a name of 1 to 200 characters" },
  partners_org_id_external_id_key: { field: "external_id", message: "Another partner already uses that external id" },
  partners_org_id_fkey: { field: null, message: "This organization no longer exists." },
  partners_owner_id_fkey: { field: "owner_id", message: "The owner must be a staff member of this organization" },
  partners_primary_contact_email_check: { field: "primary_contact_email", message: VALID_EMAIL },
  partners_primary_contact_name_check: { field: "primary_contact_name", message: TOO_LONG("200") },
  partners_region_check: { field: "region", message: "Use a region of 1 to 100 characters" },
  partners_status_check: { field: "status", message: "Choose a status" },
  partners_tags_check: { field: "tags", message: "A tag cannot be empty" },
  partners_tier_check: { field: "tier", message: "Choose a tier" },
  partners_website_check: { field: "website", message: WEB_LINK },
  // partner users and their grants
  partner_users_deactivated_at_when_inactive: { field: null, message: INTERNAL },
  partner_users_email_check: { field: "email", message: VALID_EMAIL },
  partner_users_id_fkey: { field: "email", message: "This person no longer has an account." },
  partner_users_id_org_id_key: { field: null, message: INTERNAL },
  partner_users_name_check: { field: "name", message: TOO_LONG("200") },
  partner_users_org_id_fkey: { field: null, message: "This organization no longer exists." },
  partner_users_pkey: { field: "email", message: "This person already has a portal account." },
  partner_access_ends_after_start: { field: "endsOn", message: "The end must be after the start" },
  partner_access_partner_id_org_id_fkey: { field: "partnerId", message: "Choose a partner of this organization" },
  partner_access_partner_user_id_org_id_fkey: {
    field: "partnerUserId",
    message: "Choose a partner user of this organization",
  },
  partner_access_partner_user_id_partner_id_key: {
    field: "partnerId",
    message: "This person already has access to that partner",
  },
  partner_access_scope_check: { field: "scope", message: "Choose the sections" },
  // partner children
  partner_notes_author_id_fkey: { field: null, message: "Your account no longer exists." },
  partner_notes_body_check: { field: "body", message: "Write 1 to 10,000 characters" },
  partner_notes_partner_id_org_id_fkey: { field: null, message: "This partner no longer exists." },
  partner_referrals_actual_value_check: { field: "actual_value", message: "Use a value of 0 or more" },
  partner_referrals_closed_after_referred: {
    field: "closed_at",
    message: "The close date cannot be before the referral date",
  },
  partner_referrals_client_email_check: { field: "client_email", message: VALID_EMAIL },
  partner_referrals_client_name_check: {
    field: "client_name",
    message: "Enter the client's name (up to 200 characters)",
  },
  partner_referrals_estimated_value_check: { field: "estimated_value", message: "Use a value of 0 or more" },
  partner_referrals_id_partner_id_key: { field: null, message: INTERNAL },
  partner_referrals_partner_id_org_id_fkey: { field: null, message: "This partner no longer exists." },
  partner_referrals_status_check: { field: "status", message: "Choose a status" },
  partner_commissions_amount_check: { field: "amount", message: "The amount must be above 0" },
  partner_commissions_due_after_earned: { field: "due_at", message: "The due date cannot be before the earned date" },
  partner_commissions_paid_at_when_paid: { field: null, message: INTERNAL },
  partner_commissions_voided_at_when_void: { field: null, message: INTERNAL },
  partner_commissions_currency_check: { field: null, message: "The organization's currency is not a valid code." },
  partner_commissions_description_check: { field: "description", message: TOO_LONG("1,000") },
  partner_commissions_partner_id_org_id_fkey: { field: null, message: "This partner no longer exists." },
  partner_commissions_referral_id_partner_id_fkey: {
    field: "referral_id",
    message: "Choose a referral of this partner",
  },
  partner_commissions_status_check: { field: "status", message: "Choose a status" },
  partner_tasks_assignee_id_fkey: {
    field: "assignee_id",
    message: "The assignee must be a staff member of this organization",
  },
  partner_tasks_completed_at_when_done: { field: null, message: INTERNAL },
  partner_tasks_description_check: { field: "description", message: TOO_LONG("10,000") },
  partner_tasks_partner_id_org_id_fkey: { field: null, message: "This partner no longer exists." },
  partner_tasks_priority_check: { field: "priority", message: "Choose a priority" },
  partner_tasks_status_check: { field: "status", message: "Choose a status" },
  partner_tasks_title_check: { field: "title", message: "Enter a title of 1 to 300 characters" },
  partner_documents_document_type_check: { field: "document_type", message: "Choose a type" },
  partner_documents_owner_id_fkey: {
    field: "owner_id",
    message: "The owner must be a staff member of this organization",
  },
  partner_documents_partner_id_org_id_fkey: { field: null, message: "This partner no longer exists." },
  partner_documents_tags_check: { field: "tags", message: "A tag cannot be empty" },
  partner_documents_title_check: { field: "title", message: "Enter a title of 1 to 300 characters" },
  partner_documents_url_check: { field: "url", message: WEB_LINK },
  partner_documents_visibility_check: { field: "visibility", message: "Choose who can see it" },
  partner_training_expires_after_completed: {
    field: "expires_on",
    message: "The expiry date cannot be before the completion date",
  },
  partner_training_completed_on_when_finished: { field: "completed_on", message: "Enter the day it was completed" },
  partner_training_kind_check: { field: "kind", message: "Choose a course or a certification" },
  partner_training_name_check: { field: "name", message: "Enter a name of 1 to 300 characters" },
  partner_training_partner_id_org_id_fkey: { field: null, message: "This partner no longer exists." },
  partner_training_status_check: { field: "status", message: "Choose a status" },
  partner_resources_description_check: { field: "description", message: TOO_LONG("2,000") },
  partner_resources_kind_check: { field: "kind", message: "Choose a kind" },
  partner_resources_min_tier_check: { field: "min_tier", message: "Choose a tier" },
  partner_resources_org_id_fkey: { field: null, message: "This organization no longer exists." },
  partner_resources_title_check: { field: "title", message: "Enter a title of 1 to 300 characters" },
  partner_resources_url_check: { field: "url", message: WEB_LINK },
  // written by triggers and definer functions only
  partner_activity_log_creation_once_idx: { field: null, message: INTERNAL },
  partner_activity_log_event_type_check: { field: null, message: INTERNAL },
  partner_activity_log_partner_id_org_id_fkey: { field: null, message: "This partner no longer exists." },
  partner_activity_log_payload_check: { field: null, message: INTERNAL },
  partner_activity_log_source_table_check: { field: null, message: INTERNAL },
  audit_log_action_check: { field: null, message: INTERNAL },
  audit_log_actor_type_check: { field: null, message: INTERNAL },
  partner_stats_commission_earned_check: { field: null, message: INTERNAL },
  partner_stats_commission_owed_check: { field: null, message: INTERNAL },
  partner_stats_commission_paid_check: { field: null, message: INTERNAL },
  partner_stats_open_tasks_check: { field: null, message: INTERNAL },
  partner_stats_overdue_tasks_check: { field: null, message: INTERNAL },
  partner_stats_partner_id_fkey: { field: null, message: "This partner no longer exists." },
  partner_stats_pipeline_value_check: { field: null, message: INTERNAL },
  partner_stats_referrals_in_progress_check: { field: null, message: INTERNAL },
  partner_stats_referrals_lost_check: { field: null, message: INTERNAL },
  partner_stats_referrals_qualified_check: { field: null, message: INTERNAL },
  partner_stats_referrals_submitted_check: { field: null, message: INTERNAL },
  partner_stats_referrals_won_check: { field: null, message: INTERNAL },
  partner_stats_won_value_check: { field: null, message: INTERNAL },
  partner_metric_buckets_key: { field: null, message: INTERNAL },
  partner_metric_buckets_org_id_fkey: { field: null, message: "This organization no longer exists." },
  user_preferences_partner_directory_layout_check: { field: null, message: "That layout could not be saved." },
  user_preferences_settings_check: { field: null, message: "Those settings could not be saved." },
  user_preferences_user_id_fkey: { field: null, message: "Your account no longer exists." },
};
