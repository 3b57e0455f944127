import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { childValues } from "./support/partner-rows";
import { readRow, token, type Row } from "./support/rows";
import { createAuthUser, createPartnerUser, createStaff, createWorld, type World } from "./support/world";

/**
 * Every column that names a person is checked against its row's organization: owners,
 * assignees, authors, creators, granters and revokers must be staff of it. The columns come
 * from the schema (foreign keys to profiles or auth.users, and the `*_by`/person names), so a
 * new one must be placed in CHECKED or EXEMPT here.
 *
 * The writes go through PostgREST as the service role, which may set any of these columns
 * (signed-in callers get theirs stamped), and, where editors may choose the person (owners,
 * assignees), as a member of the org too.
 */

let world: World;

/** Columns checked by a `<table>_verify_people` trigger. */
const CHECKED: Record<string, readonly string[]> = {
  partners: ["owner_id", "created_by"],
  partner_tasks: ["assignee_id", "created_by"],
  partner_documents: ["owner_id", "created_by"],
  partner_notes: ["author_id"],
  partner_referrals: ["created_by"],
  partner_commissions: ["created_by"],
  partner_training: ["created_by"],
  partner_resources: ["created_by"],
  partner_users: ["created_by"],
  partner_access: ["granted_by", "revoked_by"],
};

/** Person columns deliberately not checked against the row's organization, and why. */
const EXEMPT: Record<string, string> = {
  "profiles.id": "the person themselves",
  "user_preferences.user_id": "the person's own row",
  "partner_users.id": "the partner user themselves (never staff: a trigger)",
  "partner_access.partner_user_id": "a foreign key to (partner_users.id, org_id): same organization by construction",
  "org_members.user_id": "membership itself: who joins an organization is the invitation's rule",
  "org_members.created_by": "stamped from the caller by trigger, not writable through the API but by the service role",
  "organizations.created_by": "the organization's creator is not yet its member when it is created",
  "audit_log.actor_id": "written only by triggers and definer functions, from the caller",
  "partner_activity_log.actor_id": "written only by triggers, from the caller",
  "partner_metric_buckets.owner_id": "a copy of partners.owner_id kept by triggers",
  "partner_month_buckets.owner_id": "a copy of partners.owner_id kept by triggers",
  "partner_day_counts.owner_id": "a copy of partners.owner_id kept by triggers",
  "org_invitations.invited_by": "written only by the admin's definer functions, from the caller",
  "org_invitations.revoked_by": "written only by the admin's definer functions, from the caller",
  "org_invitations.accepted_by": "the invitee, who is not yet staff until the accept makes them so",
  "notifications.user_id": "the recipient, written only by the runner from the event's recipients",
  "notification_preferences.user_id": "the person's own row (or null for the organization's default)",
  "notification_digest_hours.user_id": "the person's own row (or null for the organization's default)",
  "webhook_endpoints.created_by": "written only by the admin's definer function, from the caller",
};

async function personColumns(): Promise<string[]> {
  const rows = await sql<{ name: string }>(
    `select distinct c.relname || '.' || a.attname as name
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid and c.relkind = 'r'
       join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      where a.attnum > 0 and not a.attisdropped and a.attname <> 'org_id'
        and (a.attname ~ '_by$' or a.attname in ('owner_id', 'assignee_id', 'author_id', 'actor_id', 'user_id')
             or exists (select from pg_constraint k
                         where k.conrelid = c.oid and k.contype = 'f' and a.attnum = any (k.conkey)
                           and k.confrelid in ('public.profiles'::regclass, 'public.partner_users'::regclass, 'auth.users'::regclass)))
      order by 1`,
  );
  return rows.map((row) => row.name);
}

/** A fresh, valid row of `table` in our org, before the person column is set. */
async function rowFor(table: string): Promise<Row> {
  switch (table) {
    case "partners":
      return { org_id: world.org.id, name: `Checked ${token()}` };
    case "partner_resources":
      return { org_id: world.org.id, title: `Guide ${token()}`, url: "https://example.test/guide" };
    case "partner_users": {
      const email = `checked-${token()}@partner.test`;
      return { id: await createAuthUser(email, "Checked partner user"), org_id: world.org.id, email, name: "Checked" };
    }
    case "partner_access": {
      const user = await createPartnerUser(world.org.id, "checked");
      return {
        org_id: world.org.id,
        partner_id: world.partners.granted,
        partner_user_id: user.id,
        scope: ["referrals"],
      };
    }
    default:
      return childValues(table, world.partners.granted);
  }
}

function withPerson(table: string, column: string, person: string, row: Row): Row {
  // revoked_by is only kept on a revoked grant
  return column === "revoked_by"
    ? { ...row, revoked_at: new Date().toISOString(), [column]: person }
    : { ...row, [column]: person };
}

const cases = Object.entries(CHECKED).flatMap(([table, columns]) => columns.map((column) => [table, column] as const));

beforeAll(async () => {
  world = await createWorld("people");
});

describe("person columns: found from the schema", () => {
  it("every column that names a person is checked or exempt with a reason", async () => {
    const known = [...cases.map(([table, column]) => `${table}.${column}`), ...Object.keys(EXEMPT)].sort();
    expect(await personColumns()).toEqual(known);
  });
});

describe("person columns: another tenant's admin or a partner user is refused, by name", () => {
  it.each(cases)(
    "%s.%s: the other org's admin and a partner user are refused with 23503 and the check's name",
    async (table, column) => {
      const name = `${table}_${column}_staff`;
      for (const person of [world.people.stranger.id, world.people.partner.id]) {
        const row = withPerson(table, column, person, await rowFor(table));
        const result = await world.service.from(table).insert(row);
        expect(result.error?.code).toBe("23503");
        expect(result.error?.message).toMatch(new RegExp(`^${name}: the .+ must be staff of the organization$`));
        if (row.id) expect(await readRow(table, { id: row.id })).toBeUndefined();
      }
    },
  );

  it.each(cases)("%s.%s: a staff member of the org is accepted (the control)", async (table, column) => {
    const row = withPerson(table, column, world.people.viewer.id, await rowFor(table));
    const result = await world.service.from(table).insert(row).select(column).single();
    expect(result.error).toBeNull();
    expect(result.data).toEqual({ [column]: world.people.viewer.id });
  });

  it.each([
    ["partners", "owner_id"],
    ["partner_tasks", "assignee_id"],
    ["partner_documents", "owner_id"],
  ] as const)(
    "an editor cannot set %s.%s to the other org's admin or a partner user, and can set a colleague",
    async (table, column) => {
      const created = await world.service
        .from(table)
        .insert(await rowFor(table))
        .select("id")
        .single();
      expect(created.error).toBeNull();
      const id = (created.data as { id: string }).id;
      const before = await readRow(table, { id });
      for (const person of [world.people.stranger.id, world.people.partner.id]) {
        const result = await world.people.member.client
          .from(table)
          .update({ [column]: person })
          .eq("id", id);
        expect(result.error?.code).toBe("23503");
        expect(result.error?.message).toContain(`${table}_${column}_staff`);
      }
      expect(await readRow(table, { id })).toEqual(before);
      const allowed = await world.people.member.client
        .from(table)
        .update({ [column]: world.people.manager.id })
        .eq("id", id);
      expect(allowed.error).toBeNull();
      expect(await readRow(table, { id })).toMatchObject({ [column]: world.people.manager.id });
    },
  );

  it("a document added by an editor names them as owner by default (the stamp passes its own check)", async () => {
    const values = await childValues("partner_documents", world.partners.granted);
    const result = await world.people.member.client
      .from("partner_documents")
      .insert(values)
      .select("owner_id, created_by")
      .single();
    expect(result.error).toBeNull();
    expect(result.data).toEqual({ owner_id: world.people.member.id, created_by: world.people.member.id });
  });

  it("a person who leaves the org later does not make their old rows unwritable", async () => {
    const leaver = await createStaff(world.org.id, "viewer", "leaver");
    const created = await world.service
      .from("partner_documents")
      .insert({ ...(await childValues("partner_documents", world.partners.granted)), owner_id: leaver.id })
      .select("id")
      .single();
    expect(created.error).toBeNull();
    const id = (created.data as { id: string }).id;
    await sql("delete from public.org_members where org_id = $1 and user_id = $2", [world.org.id, leaver.id]);
    const renamed = await world.people.member.client
      .from("partner_documents")
      .update({ title: "Renamed" })
      .eq("id", id);
    expect(renamed.error).toBeNull();
    expect(await readRow("partner_documents", { id })).toMatchObject({ title: "Renamed", owner_id: leaver.id });
  });
});
