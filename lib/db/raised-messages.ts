/**
 * Refusals raised by triggers and functions (state machines, the last admin, people
 * checked against their org), keyed by their SQLSTATE and the whole message as the SQL
 * writes it. Patterns are anchored: a message that changes in SQL stops matching and
 * falls back to the generic sentence, instead of matching some other rule by a fragment.
 */
export type RaisedMessage = {
  code: string;
  pattern: RegExp;
  /** The form field, or how to read it from the message when the SQL names it. */
  field: string | null | ((match: RegExpExecArray) => string);
  message: (match: RegExpExecArray, hint: string | null) => string;
  /** The record is missing or out of the caller's sight: HTTP 404, not a refusal. */
  notFound?: boolean;
};

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
const withHint = (text: string, hint: string | null) => `${sentence(text)}${hint ? ` ${hint}` : ""}`;

export const RAISED_MESSAGES: RaisedMessage[] = [
  {
    // private.check_person_columns(): "<table>_<column>_staff: the <who> must be staff of the organization".
    code: "23503",
    pattern:
      /^[a-z_]+?_(owner_id|assignee_id|author_id|created_by|granted_by|revoked_by)_staff: the (.+) must be staff of the organization$/,
    field: (match) => match[1]!,
    message: (match) => `The ${match[2]} must be a staff member of this organization`,
  },
  {
    code: "23503",
    pattern: /^owner "(.+)" is not staff of this organization$/,
    field: "owner_email",
    message: (match) => `${match[1]} is not staff of this organization`,
  },
  {
    code: "23514",
    pattern: /^an organization keeps at least one admin$/,
    field: "role",
    message: (match, hint) => withHint(match[0], hint),
  },
  {
    code: "23514",
    pattern: /^a commission cannot go from (\w+) to (\w+)$/,
    field: "status",
    message: (match, hint) => withHint(match[0], hint),
  },
  {
    code: "23514",
    pattern: /^the amount of a (\w+) commission cannot change$/,
    field: "amount",
    message: (match, hint) => withHint(match[0], hint),
  },
  {
    code: "23514",
    pattern: /^a (\w+) commission cannot change$/,
    field: null,
    message: (match, hint) => withHint(match[0], hint),
  },
  {
    code: "23514",
    pattern: /^only pending commissions can be deleted \(this one is (\w+)\)$/,
    field: null,
    message: (match, hint) => withHint(match[0], hint),
  },
  {
    code: "23514",
    pattern: /^commission currency (\w+) differs from the organization's currency (\w+)$/,
    field: null,
    message: (match) => sentence(match[0]),
  },
  {
    code: "23514",
    pattern: /^the currency cannot change while the organization has commissions$/,
    field: "currency",
    message: (match) => sentence(match[0]),
  },
  {
    code: "23P01",
    pattern: /^this person is staff and cannot also be a partner user$/,
    field: "email",
    message: (match) => sentence(match[0]),
  },
  {
    code: "23P01",
    pattern: /^this person is a partner user and cannot also be staff$/,
    field: "email",
    message: (match) => sentence(match[0]),
  },
  {
    code: "23505",
    pattern: /^external_id "(.+)" appears more than once$/,
    field: "external_id",
    message: (match) => sentence(match[0]),
  },
  {
    code: "22023",
    pattern: /^unknown time zone "(.+)"$/,
    field: "time_zone",
    message: (match) => `"${match[1]}" is not a time zone`,
  },
  {
    code: "22023",
    pattern: /^give at least one grant$/,
    field: "grants",
    message: () => "Give at least one partner",
  },
  {
    code: "42501",
    pattern: /^(.+)\.(.+) cannot be changed$/,
    field: null,
    message: (_match, hint) => `This link between records cannot be changed.${hint ? ` ${hint}` : ""}`,
  },
  {
    code: "42501",
    pattern: /^(access grants|partner users) are never deleted$/,
    field: null,
    message: (match, hint) => withHint(match[0], hint),
  },
  {
    code: "PT404",
    pattern: /^partner not found$/,
    field: null,
    message: () => "This partner does not exist, or you cannot see it.",
    notFound: true,
  },
];
