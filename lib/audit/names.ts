import "server-only";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { AuditEntryFacts, AuditLookup } from "./describe";
import { PERSON_FIELDS } from "./labels";

type Person = { name: string; email: string | null };
export type AuditNames = { people: Map<string, Person>; partners: Map<string, string>; lookup: AuditLookup };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idsIn(entries: readonly AuditEntryFacts[]) {
  const people = new Set<string>();
  const partners = new Set<string>();
  for (const entry of entries) {
    if (entry.actor_id) people.add(entry.actor_id);
    if (entry.partner_id) partners.add(entry.partner_id);
    for (const side of [entry.before, entry.after, entry.metadata]) {
      if (!side || typeof side !== "object" || Array.isArray(side)) continue;
      for (const [key, value] of Object.entries(side as Record<string, unknown>)) {
        if (typeof value !== "string" || !UUID.test(value)) continue;
        if (PERSON_FIELDS.has(key)) people.add(value);
        else if (key === "partner_id") partners.add(value);
      }
      // A partner user's own row names them by its id.
      const id = (side as Record<string, unknown>).id;
      if (entry.resource_type === "partner_user" && typeof id === "string" && UUID.test(id)) people.add(id);
    }
  }
  return { people: [...people], partners: [...partners] };
}

/**
 * Names for the people and partners a page of entries mentions, read as the admin (RLS:
 * staff of the org through profiles, partner users of the org, the org's partners). Anyone
 * the admin can no longer see reads as "a former member".
 */
export async function loadAuditNames(
  supabase: ServerClient,
  orgId: string,
  entries: readonly AuditEntryFacts[],
): Promise<AuditNames> {
  const ids = idsIn(entries);
  const chunks = <T>(list: T[]) =>
    Array.from({ length: Math.ceil(list.length / 200) }, (_, i) => list.slice(i * 200, i * 200 + 200));
  const [profiles, partnerUsers, partners] = await Promise.all([
    Promise.all(
      chunks(ids.people).map((chunk) => supabase.from("profiles").select("id, display_name, email").in("id", chunk)),
    ),
    Promise.all(
      chunks(ids.people).map((chunk) =>
        supabase.from("partner_users").select("id, name, email").eq("org_id", orgId).in("id", chunk),
      ),
    ),
    Promise.all(
      chunks(ids.partners).map((chunk) =>
        supabase.from("partners").select("id, name").eq("org_id", orgId).in("id", chunk),
      ),
    ),
  ]);
  const people = new Map<string, Person>();
  for (const { data } of profiles)
    for (const row of data ?? [])
      people.set(row.id, { name: row.display_name || row.email || "a member", email: row.email });
  for (const { data } of partnerUsers)
    for (const row of data ?? [])
      if (!people.has(row.id)) people.set(row.id, { name: row.name || row.email, email: row.email });
  const partnerNames = new Map<string, string>();
  for (const { data } of partners) for (const row of data ?? []) partnerNames.set(row.id, row.name);
  return {
    people,
    partners: partnerNames,
    lookup: {
      person: (id) => people.get(id)?.name ?? null,
      partner: (id) => partnerNames.get(id) ?? null,
    },
  };
}
