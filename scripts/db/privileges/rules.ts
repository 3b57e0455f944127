import { objectKind, objectSchema, RELATION_KINDS, type Grant } from "./model";

/** Tables that are written only by triggers and definer functions (DESIGN.md: append-only). */
export const APPEND_ONLY_TABLES = ["table public.partner_activity_log", "table public.audit_log"];

type Rule = { name: string; breaks: (grant: Grant) => boolean };

const isRelation = (grant: Grant) =>
  (RELATION_KINDS as readonly string[]).includes(objectKind(grant.object)) || objectKind(grant.object) === "sequence";

/**
 * Rules no grant may break, whatever the expected table says. The comparer names the rule a
 * difference breaks, and the expected table itself is checked against them.
 */
export const RULES: Rule[] = [
  {
    name: "append-only tables grant nothing but SELECT, to every API role",
    breaks: (grant) => APPEND_ONLY_TABLES.includes(grant.object) && grant.privilege !== "SELECT",
  },
  {
    name: "no private function is executable by anon or PUBLIC",
    breaks: (grant) =>
      objectKind(grant.object) === "function" &&
      objectSchema(grant.object) === "private" &&
      (grant.role === "anon" || grant.role === "PUBLIC"),
  },
  {
    name: "anon and authenticated never hold TRUNCATE, TRIGGER, REFERENCES or MAINTAIN",
    breaks: (grant) =>
      (grant.role === "anon" || grant.role === "authenticated") &&
      ["TRUNCATE", "TRIGGER", "REFERENCES", "MAINTAIN"].includes(grant.privilege),
  },
  {
    name: "anon holds nothing on any table, view or sequence",
    breaks: (grant) => grant.role === "anon" && isRelation(grant),
  },
];

/** A function EXECUTE grant that no line of the table opens breaks this one. */
export const CLOSED_FUNCTIONS_RULE = "functions are closed by default: this one is not in the expected table";

export function brokenRule(grant: Grant): string | undefined {
  return RULES.find((rule) => rule.breaks(grant))?.name;
}
