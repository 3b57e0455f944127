import type { OrgFormatter } from "@/lib/format/org-format";
import {
  DAY_FIELDS,
  HIDDEN_FIELDS,
  MONEY_FIELDS,
  PERSON_FIELDS,
  RESOURCE_LABELS,
  fieldLabel,
  humanize,
  optionLabel,
} from "./labels";

/** The parts of an audit_log row a reader's sentence is made from. */
export type AuditEntryFacts = {
  action: string;
  actor_id: string | null;
  actor_type: string;
  resource_type: string;
  partner_id: string | null;
  before: unknown;
  after: unknown;
  metadata: unknown;
};

/** Names the admin may read, by id (people and partners); null when unknown or gone. */
export type AuditLookup = { person: (id: string) => string | null; partner: (id: string) => string | null };

/** One field before and after, in words. An empty side reads "—". */
export type ReadableChange = { field: string; label: string; before: string; after: string };
export type ReadableEntry = { actor: string; sentence: string; changes: ReadableChange[] };

type Row = Record<string, unknown>;
const EMPTY = "—";

const asRow = (value: unknown): Row | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Row) : null;
const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
const str = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");

/** "Northwind Traders" → "Northwind Traders'", "Acme" → "Acme's". */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** A label inside a sentence: "Contact email" → "contact email", but "URL" stays. */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function listWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** One stored value in words: option labels, names for ids, money, days and instants the org's way. */
export function showField(
  resource: string,
  field: string,
  value: unknown,
  row: Row,
  lookup: AuditLookup,
  format: OrgFormatter,
): string {
  if (isEmpty(value)) return EMPTY;
  if (Array.isArray(value)) return value.map((item) => optionLabel(resource, field, str(item)) ?? str(item)).join(", ");
  if (typeof value === "boolean") return value ? "Yes" : "No";
  const text = str(value);
  if (!text) return JSON.stringify(value);
  const option = optionLabel(resource, field, text);
  if (option) return option;
  if (PERSON_FIELDS.has(field)) return lookup.person(text) ?? "a former member";
  if (field === "partner_id") return lookup.partner(text) ?? "a deleted partner";
  if (field === "referral_id") return "a referral";
  if (MONEY_FIELDS.has(field)) return format.money(text, str(row.currency) || undefined);
  if (field === "commission_rate") return `${format.number(text)} %`;
  if (DAY_FIELDS.has(field)) return format.day(text);
  if (field.endsWith("_at") && !Number.isNaN(Date.parse(text))) return format.dateTime(text);
  return text;
}

function changedFields(entry: AuditEntryFacts, before: Row | null, after: Row | null): string[] {
  const meta = asRow(entry.metadata);
  const listed = Array.isArray(meta?.changed) ? (meta.changed as unknown[]).map(str) : null;
  const keys =
    listed ??
    [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
      (key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]),
    );
  return keys.filter((key) => !HIDDEN_FIELDS.has(key));
}

/** The fields a reader compares: what changed on an update, what was set on a create or a delete. */
export function readableChanges(entry: AuditEntryFacts, lookup: AuditLookup, format: OrgFormatter): ReadableChange[] {
  const before = asRow(entry.before);
  const after = asRow(entry.after);
  const resource = entry.resource_type;
  const show = (side: Row | null, field: string) =>
    side ? showField(resource, field, side[field], side, lookup, format) : EMPTY;
  const toChange = (field: string): ReadableChange => ({
    field,
    label: fieldLabel(resource, field),
    before: show(before, field),
    after: show(after, field),
  });
  if (before && after) return changedFields(entry, before, after).map(toChange);
  // A create or a delete: the fields that held something.
  return Object.keys(after ?? before ?? {})
    .filter((field) => !HIDDEN_FIELDS.has(field) && field !== "partner_id")
    .map(toChange)
    .filter((change) => (after ? change.after : change.before) !== EMPTY);
}

function actorName(entry: AuditEntryFacts, lookup: AuditLookup): string {
  if (entry.actor_id) return lookup.person(entry.actor_id) ?? "A former member";
  if (entry.actor_type === "service") return "A server task";
  return "The system";
}

/** What the record is called in a sentence: "Northwind Traders", "referral Acme Corp". */
function subjectOf(entry: AuditEntryFacts, row: Row, lookup: AuditLookup, format: OrgFormatter): string {
  const partner = entry.partner_id ? lookup.partner(entry.partner_id) : null;
  const label = RESOURCE_LABELS[entry.resource_type] ?? humanize(entry.resource_type).toLowerCase();
  const named = (value: unknown) => (str(value) ? `${label} ${str(value)}` : `a ${label}`);
  switch (entry.resource_type) {
    case "partner":
      return str(row.name) || partner || "a partner";
    case "organization":
      return "the organization";
    case "org_member": {
      // A factor reset records no row, only whose factors went (metadata.member_id).
      const metadata = (entry.metadata ?? {}) as Row;
      return lookup.person(str(row.user_id) || str(metadata.member_id)) ?? "a former member";
    }
    case "org_invitation":
      return str(row.email) || "someone";
    case "partner_user":
      return `partner user ${str(row.name) || str(row.email) || lookup.person(str(row.id)) || ""}`.trim();
    case "partner_access":
      return `${lookup.person(str(row.partner_user_id)) ?? "a partner user"}'s access to ${partner ?? "a partner"}`;
    case "referral":
      return named(row.client_name);
    case "commission":
      return `the ${format.money(str(row.amount), str(row.currency) || undefined)} commission`;
    case "task":
    case "document":
    case "resource":
      return named(row.title);
    case "training":
      return named(row.name);
    case "note":
      return partner ? `a note on ${partner}` : "a note";
    default:
      return named("");
  }
}

const FOLLOWS_STATUS = new Set([
  "approved_at",
  "paid_at",
  "voided_at",
  "completed_at",
  "closed_at",
  "deactivated_at",
  "revoked_by",
]);

/** "the tier of …" where a possessive would not read well. */
const OF_FORM = new Set(["partner_access", "commission", "note", "organization"]);

function fieldOf(resource: string, subject: string, label: string): string {
  return OF_FORM.has(resource) ? `the ${label} of ${subject}` : `${possessive(subject)} ${label}`;
}

/** The entry as one sentence, with the fields compared side by side. */
export function describeAuditEntry(entry: AuditEntryFacts, lookup: AuditLookup, format: OrgFormatter): ReadableEntry {
  const before = asRow(entry.before);
  const after = asRow(entry.after);
  const row = { ...before, ...after };
  const actor = actorName(entry, lookup);
  const subject = subjectOf(entry, row, lookup, format);
  const changes = readableChanges(entry, lookup, format);
  const partner = entry.partner_id ? lookup.partner(entry.partner_id) : null;
  const say = (rest: string) => ({ actor, sentence: `${actor} ${rest}`, changes });
  const resource = entry.resource_type;
  const roleAfter = optionLabel("org_member", "role", str(after?.role)) ?? str(after?.role);

  switch (entry.action) {
    case "portal.sign_in":
      return say("signed in to the partner portal");
    case "portal.account_switched":
      return say(`switched to the account ${partner ?? "of a deleted partner"} in the partner portal`);
    case "partner.archived":
      return say(`archived ${subject}`);
    case "partner.restored":
      return say(`restored ${subject}`);
    case "partner.access.granted":
      return say(
        `gave ${lookup.person(str(row.partner_user_id)) ?? "a partner user"} portal access to ${partner ?? "a partner"}`,
      );
    case "partner.access.revoked":
      return say(`revoked ${subject}`);
    case "partner.access.restored":
      return say(`restored ${subject}`);
    case "partner_user.deactivated":
      return say(`deactivated ${subject}`);
    case "partner_user.reactivated":
      return say(`reactivated ${subject}`);
    case "org_member.added":
      return say(`added ${subject} to the organization as ${roleAfter || "a member"}`);
    case "org_member.removed":
      return say(`removed ${subject} from the organization`);
    case "org_member.mfa_reset":
      return say(`reset the two-factor sign-in of ${subject}`);
    case "org_invitation.created":
      return say(`invited ${subject}`);
    case "org_invitation.resent":
      return say(`sent the invitation of ${subject} again`);
    case "org_invitation.revoked":
      return say(`withdrew the invitation of ${subject}`);
    case "org_invitation.accepted":
      return say(`accepted the invitation to join as ${roleAfter || "a member"}`);
  }

  if (entry.action.endsWith(".created")) return say(`${resource === "commission" ? "recorded" : "added"} ${subject}`);
  if (entry.action.endsWith(".deleted")) return say(`deleted ${subject}`);
  // Stamps that follow a status (approved_at, completed_at, …) need no words of their own.
  const told = changes.some((change) => !FOLLOWS_STATUS.has(change.field))
    ? changes.filter((change) => !FOLLOWS_STATUS.has(change.field))
    : changes;
  if (told.length === 1 && before && after) {
    const [change] = told as [ReadableChange];
    const what = fieldOf(resource, subject, inSentence(change.label));
    if (change.before === EMPTY) return say(`set ${what} to ${change.after}`);
    if (change.after === EMPTY) return say(`cleared ${what} (was ${change.before})`);
    return say(`changed ${what} from ${change.before} to ${change.after}`);
  }
  if (told.length > 1)
    return say(`changed ${fieldOf(resource, subject, listWords(told.map((c) => inSentence(c.label))))}`);
  return say(`changed ${subject}`);
}
