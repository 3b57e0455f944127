import { beforeAll, describe, expect, it } from "vitest";
import { ACTIVITY_EVENT_TYPES, ACTIVITY_SOURCE_TABLES } from "@/lib/activity/constants";
import { AUDIT_ACTIONS, AUDIT_ACTOR_TYPES } from "@/lib/audit/constants";
import { COMMISSION_STATUSES } from "@/lib/commissions/constants";
import { CONSTRAINT_MESSAGES } from "@/lib/db/constraint-messages";
import { DOCUMENT_TYPES, DOCUMENT_VISIBILITIES } from "@/lib/documents/constants";
import { STAFF_ROLES } from "@/lib/orgs/roles";
import { PARTNER_STATUSES, PARTNER_TIERS } from "@/lib/partners/constants";
import { NOTIFICATION_EVENT_TYPES } from "@/lib/notifications/event-types";
import { NOTIFICATION_ROLES } from "@/lib/notifications/roles";
import { PORTAL_SECTIONS } from "@/lib/portal/sections";
import { REFERRAL_STATUSES } from "@/lib/referrals/constants";
import { RESOURCE_KINDS } from "@/lib/resources/constants";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/tasks/constants";
import { TRAINING_KINDS, TRAINING_STATUSES } from "@/lib/training/constants";
import { translateDbError } from "@/lib/db/errors";
import { sql } from "../support/db";
import { insertChild } from "./support/partner-rows";
import { createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("constraint-names");
});

async function publicConstraints(types: string[]): Promise<string[]> {
  const rows = await sql<{ name: string }>(
    `select conname as name from pg_constraint
     where connamespace = 'public'::regnamespace and contype = any ($1::"char"[])
     union
     select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid
     where c.relnamespace = 'public'::regnamespace and i.indisunique
       and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
       and 'u' = any ($1::"char"[])`,
    [types],
  );
  return rows.map((row) => row.name).sort();
}

describe("one translator names every constraint", () => {
  it("has a sentence for every check, unique, foreign-key and exclusion constraint in public", async () => {
    const missing = (await publicConstraints(["c", "u", "f", "x"])).filter((name) => !(name in CONSTRAINT_MESSAGES));
    expect(missing, "add these to lib/db/constraint-messages.ts").toEqual([]);
  });

  it("names no constraint that does not exist", async () => {
    const existing = new Set(await publicConstraints(["c", "u", "f", "x", "p"]));
    const stale = Object.keys(CONSTRAINT_MESSAGES).filter((name) => !existing.has(name));
    expect(stale, "remove these from lib/db/constraint-messages.ts").toEqual([]);
  });

  it("leaves no table check with a number Postgres chose", async () => {
    const numbered = await sql<{ name: string }>(
      `select conname as name from pg_constraint c join pg_class t on t.oid = c.conrelid
       where c.connamespace = 'public'::regnamespace and c.contype = 'c'
         and c.conname ~ ('^' || t.relname || '_check[0-9]*$')`,
    );
    expect(numbered.map((row) => row.name)).toEqual([]);
  });
});

describe("a refused write lands at its own field", () => {
  it("blames the due date, not the paid date, for a commission due before it was earned", async () => {
    const result = await world.people.admin.client.from("partner_commissions").insert({
      org_id: world.org.id,
      partner_id: world.partners.granted,
      amount: 100,
      currency: world.org.currency,
      earned_at: "2026-03-10T12:00:00Z",
      due_at: "2026-03-01T12:00:00Z",
    });
    expect(result.error?.code).toBe("23514");
    expect(translateDbError(result.error!)).toMatchObject({
      constraint: "partner_commissions_due_after_earned",
      field: "due_at",
      message: "The due date cannot be before the earned date",
    });
  });

  it("knows the paid-date rule by its own name", async () => {
    const result = await world.people.admin.client.from("partner_commissions").insert({
      org_id: world.org.id,
      partner_id: world.partners.granted,
      amount: 100,
      currency: world.org.currency,
      earned_at: "2026-03-10T12:00:00Z",
      paid_at: "2026-03-11T12:00:00Z",
    });
    expect(result.error?.code).toBe("23514");
    expect(translateDbError(result.error!).constraint).toBe("partner_commissions_paid_at_when_paid");
  });

  it("puts a referral closed before it was referred at closed_at, and a bad rate at commission_rate", async () => {
    const referral = await world.people.member.client.from("partner_referrals").insert({
      org_id: world.org.id,
      partner_id: world.partners.granted,
      client_name: "Backwards Inc",
      referred_at: "2026-03-10T12:00:00Z",
      closed_at: "2026-03-01T12:00:00Z",
    });
    expect(translateDbError(referral.error!)).toMatchObject({ field: "closed_at" });

    const partner = await world.people.member.client
      .from("partners")
      .update({ commission_rate: 101 })
      .eq("id", world.partners.granted);
    expect(translateDbError(partner.error!)).toMatchObject({
      field: "commission_rate",
      message: "Use a percentage from 0 to 100",
    });
  });

  it("knows a trigger's refusal by its code and whole message", async () => {
    const commission = await insertChild("partner_commissions", world.partners.granted, { status: "pending" });
    await sql(`update public.partner_commissions set status = 'approved' where id = $1`, [commission.id]);
    const result = await world.people.admin.client
      .from("partner_commissions")
      .update({ amount: 999 })
      .eq("id", commission.id);
    expect(translateDbError(result.error!)).toMatchObject({
      field: "amount",
      kind: "refused",
      message: "The amount of a approved commission cannot change. Only pending commissions can change amount.",
    });

    const owner = await world.people.member.client
      .from("partners")
      .update({ owner_id: world.people.stranger.id })
      .eq("id", world.partners.granted);
    expect(translateDbError(owner.error!)).toMatchObject({ field: "owner_id" });
  });

  it("control: an allowed write still succeeds", async () => {
    const result = await world.people.member.client
      .from("partners")
      .update({ commission_rate: 12.5 })
      .eq("id", world.partners.granted)
      .select("commission_rate")
      .single();
    expect(result.error).toBeNull();
    expect(Number(result.data?.commission_rate)).toBe(12.5);
  });
});

/** Every SQL list of a vocabulary, and the one TypeScript list it must equal. */
const CHECKED_COLUMNS: [table: string, column: string, list: readonly string[]][] = [
  ["partners", "status", PARTNER_STATUSES],
  ["partners", "tier", PARTNER_TIERS],
  ["partner_resources", "min_tier", PARTNER_TIERS],
  ["partner_resources", "kind", RESOURCE_KINDS],
  ["partner_referrals", "status", REFERRAL_STATUSES],
  ["partner_commissions", "status", COMMISSION_STATUSES],
  ["partner_tasks", "status", TASK_STATUSES],
  ["partner_tasks", "priority", TASK_PRIORITIES],
  ["partner_documents", "document_type", DOCUMENT_TYPES],
  ["partner_documents", "visibility", DOCUMENT_VISIBILITIES],
  ["partner_training", "status", TRAINING_STATUSES],
  ["partner_training", "kind", TRAINING_KINDS],
  ["org_members", "role", STAFF_ROLES],
  ["notification_preferences", "role", NOTIFICATION_ROLES],
  ["partner_access", "scope", PORTAL_SECTIONS],
  ["partner_activity_log", "event_type", ACTIVITY_EVENT_TYPES],
  ["partner_activity_log", "source_table", ACTIVITY_SOURCE_TABLES],
  ["audit_log", "actor_type", AUDIT_ACTOR_TYPES],
];

// Notification event types are the activity log's plus the time-based ones (lib/notifications).
const VOCABULARIES: readonly (readonly string[])[] = [
  ...CHECKED_COLUMNS.map(([, , list]) => list),
  NOTIFICATION_EVENT_TYPES,
];

const quoted = (text: string) => [...text.matchAll(/'([^']*)'/g)].map((match) => match[1]!);

describe("status, tier, event and audit lists exist once", () => {
  it.each(CHECKED_COLUMNS)("%s.%s's check lists exactly the TypeScript list", async (table, column, list) => {
    const rows = await sql<{ definition: string }>(
      `select pg_get_constraintdef(c.oid) as definition
         from pg_constraint c
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
        where c.conrelid = format('public.%I', $1::text)::regclass and c.contype = 'c' and a.attname = $2
          and array_length(c.conkey, 1) = 1`,
      [table, column],
    );
    const listed = rows.flatMap((row) => quoted(row.definition));
    expect(listed.sort()).toEqual([...list].sort());
  });

  it("every list of values in a function body belongs to one vocabulary", async () => {
    const functions = await sql<{ name: string; body: string }>(
      `select n.nspname || '.' || p.proname as name, p.prosrc as body
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('public', 'private')`,
    );
    const problems: string[] = [];
    let compared = 0;
    for (const fn of functions) {
      for (const match of fn.body.matchAll(/(?:\bin\s*\(|array\s*\[)((?:\s*'[^']*'\s*,?)+)[)\]]/gi)) {
        const values = quoted(match[1]!);
        const related = VOCABULARIES.filter((list) => values.filter((value) => list.includes(value)).length >= 2);
        if (related.length === 0) continue;
        compared++;
        if (!related.some((list) => values.every((value) => list.includes(value))))
          problems.push(`${fn.name}: ${values.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
    // The stats triggers, the directory metrics and the portal summaries list statuses.
    expect(compared).toBeGreaterThan(5);
  });

  it("AUDIT_ACTIONS holds every action the audit trigger and the definer functions write", async () => {
    const triggers = await sql<{ table: string; resource: string; type: number }>(
      `select c.relname as table, split_part(encode(t.tgargs, 'escape'), '\\000', 1) as resource, t.tgtype as type
         from pg_trigger t join pg_proc p on p.oid = t.tgfoid join pg_class c on c.oid = t.tgrelid
        where p.proname = 'audit_row'`,
    );
    expect(triggers.length).toBeGreaterThan(5);
    // Grants and memberships always get an action of their own (granted, revoked, added, ...).
    const ownActions = new Set(["partner_access", "org_members"]);
    const written = new Set<string>();
    for (const trigger of triggers) {
      if (ownActions.has(trigger.table)) continue;
      if (trigger.type & 4) written.add(`${trigger.resource}.created`);
      if (trigger.type & 16) written.add(`${trigger.resource}.updated`);
      if (trigger.type & 8) written.add(`${trigger.resource}.deleted`);
    }
    const bodies = await sql<{ name: string; body: string }>(
      `select p.proname as name, p.prosrc as body from pg_proc p
        where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
          and p.proname <> 'write_audit' and (p.proname = 'audit_row' or p.prosrc like '%write_audit(%')`,
    );
    for (const { name, body } of bodies) {
      const literals =
        name === "audit_row"
          ? quoted(body)
          : [
              ...[...body.matchAll(/write_audit\(\s*[^,]+,\s*'([^']+)'/g)].map((match) => match[1]!),
              // Triggers that choose the action first (audit_org_invitation) assign it.
              ...[...body.matchAll(/\baction\s*:=\s*'([^']+)'/g)].map((match) => match[1]!),
              ...[...body.matchAll(/\bin\s*\(([^)]*)\)/g)].flatMap((match) => quoted(match[1]!)),
            ];
      for (const literal of literals) if (/^[a-z_]+(\.[a-z_]+)+$/.test(literal)) written.add(literal);
    }
    expect([...AUDIT_ACTIONS].sort()).toEqual([...written].sort());
  });
});
