import { beforeAll, describe, expect, it } from "vitest";
import { adminPool, sql } from "../support/db";
import { insertChild } from "./support/partner-rows";
import { insertRow, token } from "./support/rows";
import { createWorld, type PersonaName, type World } from "./support/world";

/**
 * What each partner persona can read, column by column, compared with an allow-list.
 *
 * The tables and views come from the catalog (everything in `public` that `authenticated`
 * may select), so a new table is caught here the day it is added. Each persona selects
 * every one of them through PostgREST; the columns of the rows that come back are what
 * that persona reads. Security-definer functions bypass RLS, so the columns they return
 * (from the catalog) are held to an allow-list of their own.
 */

let world: World;

const PARTNER_PERSONAS = [
  "partner",
  "partnerOverview",
  "partnerReferrals",
  "partnerCommissions",
  "partnerDocuments",
  "partnerTraining",
  "partnerActivity",
  "partnerFuture",
  "partnerEnded",
  "partnerRevoked",
  "partnerInactive",
  "strangerPartner",
] as const satisfies readonly PersonaName[];
type PartnerPersona = (typeof PARTNER_PERSONAS)[number];

const OUT_OF_FORCE: readonly PartnerPersona[] = ["partnerFuture", "partnerEnded", "partnerRevoked", "partnerInactive"];

/**
 * Columns a partner user may read, per table; a table missing here must give them nothing.
 * The portal's sections (referrals, commissions, documents, training, resources, activity)
 * are read through the portal_*_rows() functions below, so no table is listed for them.
 */
const ALLOWED_COLUMNS: Record<string, readonly string[]> = {
  profiles: ["id", "email", "display_name", "avatar_url", "created_at", "updated_at"],
  user_preferences: ["user_id", "partner_directory_layout", "settings", "created_at", "updated_at"],
};

/** The tables behind the portal's sections: staff read them; partner users read none of their rows. */
const SECTION_TABLES = [
  "partner_referrals",
  "partner_commissions",
  "partner_documents",
  "partner_training",
  "partner_resources",
  "partner_activity_log",
] as const;

/** Columns that name the staff member who recorded, granted or revoked a row. */
const STAFF_PEOPLE = ["created_by", "granted_by", "revoked_by", "actor_id"] as const;

/** Security-definer functions `authenticated` may call, and the columns each returns. */
const MFA_STATUS_COLUMNS = [
  "org_id",
  "org_name",
  "role",
  "mfa_required",
  "applies",
  "has_verified_factor",
  "session_aal",
  "allowed",
];

const DEFINER_FUNCTIONS: Record<string, readonly string[]> = {
  portal_accounts: ["partner_id", "name", "scope"],
  portal_me: ["id", "name", "email", "is_active"],
  portal_partners: ["id", "org_id", "name", "status", "tier", "region", "website", "owner_id"],
  portal_organizations: ["id", "name", "currency", "time_zone", "locale"],
  // The portal's sections, partner-safe columns: no created_by, no actor_id.
  portal_referral_rows: [
    "id",
    "org_id",
    "partner_id",
    "client_name",
    "client_email",
    "status",
    "estimated_value",
    "actual_value",
    "referred_at",
    "closed_at",
    "created_at",
    "updated_at",
  ],
  portal_commission_rows: [
    "id",
    "org_id",
    "partner_id",
    "referral_id",
    "amount",
    "currency",
    "status",
    "description",
    "earned_at",
    "due_at",
    "approved_at",
    "paid_at",
    "voided_at",
    "created_at",
    "updated_at",
  ],
  portal_document_rows: [
    "id",
    "org_id",
    "partner_id",
    "title",
    "document_type",
    "url",
    "tags",
    "created_at",
    "updated_at",
  ],
  portal_training_rows: [
    "id",
    "org_id",
    "partner_id",
    "name",
    "kind",
    "status",
    "completed_on",
    "expires_on",
    "created_at",
    "updated_at",
  ],
  portal_resource_rows: ["id", "org_id", "title", "description", "url", "kind", "min_tier", "created_at", "updated_at"],
  portal_activity_rows: [
    "id",
    "org_id",
    "partner_id",
    "event_type",
    "occurred_at",
    "payload",
    "source_table",
    "source_id",
    "created_at",
  ],
  record_portal_event: [],
  // Staff invitations: an admin's calls and the invitee's accept; they return no rows.
  accept_org_invitation: [],
  create_org_invitation: [],
  resend_org_invitation: [],
  revoke_org_invitation: [],
  // Two-factor sign-in: the caller's own status (alone, and with the orgs' details in the
  // session call), and an admin's reset record.
  my_mfa_status: MFA_STATUS_COLUMNS,
  my_staff_session: [...MFA_STATUS_COLUMNS, "org_slug", "currency", "time_zone", "locale"],
  record_mfa_reset: ["outcome", "email"],
  // Notifications: the caller's own settings, the org's defaults (admins), and the admins'
  // webhook calls; none returns a partner column.
  my_notification_settings: ["event_type", "delivery", "source", "org_default", "org_default_role", "built_in"],
  org_notification_defaults: ["event_type", "audiences", "org_default", "staff_built_in", "partner_built_in"],
  org_role_notification_defaults: ["event_type", "role_default", "everyone_default", "built_in"],
  create_webhook_endpoint: ["id", "secret"],
  ping_webhook_endpoint: [],
  resend_webhook_delivery: [],
  rotate_webhook_secret: [],
};

/** Never readable by a partner user, by any path. */
const STAFF_ONLY: Record<string, readonly string[]> = {
  partners: [
    "tags",
    "external_id",
    "created_by",
    "primary_contact_name",
    "primary_contact_email",
    "commission_rate",
    "archived_at",
  ],
  organizations: ["slug", "created_by"],
};

/** The tables each persona reads rows of: their own identity only, whatever their grant. */
function expectedTables(): string[] {
  return ["profiles", "user_preferences"];
}

type Relation = { name: string; columns: string[] };

/** Every table and view in public that the API role of partner users may select from. */
async function reachableRelations(): Promise<Relation[]> {
  return sql<Relation>(
    `select c.relname as name,
            array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p', 'f')
        and (has_table_privilege('authenticated', c.oid, 'SELECT')
             or exists (select from pg_attribute a
                         where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                           and has_column_privilege('authenticated', c.oid, a.attnum, 'SELECT')))
      order by 1`,
  );
}

/** The columns `persona` reads of one relation: those of the rows PostgREST returns to them. */
async function readableColumns(persona: PartnerPersona, relation: Relation): Promise<string[]> {
  const client = world.people[persona].client;
  const whole = await client.from(relation.name).select("*").limit(1000);
  if (!whole.error) return [...new Set((whole.data ?? []).flatMap((row) => Object.keys(row)))].sort();
  // A column-level grant refuses `*`: try each column on its own.
  expect(whole.error.code).toBe("42501");
  const readable: string[] = [];
  for (const column of relation.columns) {
    const one = await client.from(relation.name).select(column).limit(1);
    if (!one.error && (one.data ?? []).length > 0) readable.push(column);
  }
  return readable.sort();
}

async function readableMap(persona: PartnerPersona): Promise<Record<string, string[]>> {
  const map: Record<string, string[]> = {};
  for (const relation of await reachableRelations()) {
    const columns = await readableColumns(persona, relation);
    if (columns.length > 0) map[relation.name] = columns;
  }
  return map;
}

beforeAll(async () => {
  world = await createWorld("columns");
  // A row in every table a partner user could conceivably read, on both orgs' granted partners.
  for (const partnerId of [world.partners.granted, world.partners.foreign]) {
    for (const table of ["partner_referrals", "partner_commissions", "partner_documents", "partner_training"]) {
      await insertChild(table, partnerId);
    }
    await insertChild("partner_documents", partnerId, { visibility: "internal" });
    await insertChild("partner_tasks", partnerId);
    await insertChild("partner_notes", partnerId);
  }
  for (const orgId of [world.org.id, world.otherOrg.id]) {
    await insertRow("partner_resources", {
      org_id: orgId,
      title: `Guide ${token()}`,
      url: "https://example.test/guide",
      min_tier: "registered",
    });
  }
  for (const name of PARTNER_PERSONAS) {
    await insertRow("user_preferences", { user_id: world.people[name].id, settings: { theme: "dark" } });
  }
});

describe("partner columns: every table partner users can reach, by persona", () => {
  it("the catalog still lists the tables this file knows (a new table must be placed in the allow-list or refused)", async () => {
    const names = (await reachableRelations()).map((relation) => relation.name);
    for (const table of Object.keys(ALLOWED_COLUMNS)) expect(names).toContain(table);
  });

  it.each(PARTNER_PERSONAS)("%s reads exactly the allowed columns of exactly the expected tables", async (name) => {
    const map = await readableMap(name);
    // A person's own bell appears here only once the runner (driven by other files) has written
    // them a notification; who reads which notification is the matrix of tests/db/43.
    delete map.notifications;
    expect(Object.keys(map).sort()).toEqual(expectedTables());
    for (const [table, columns] of Object.entries(map)) {
      expect({ table, columns }).toEqual({ table, columns: [...(ALLOWED_COLUMNS[table] ?? [])].sort() });
    }
    for (const table of Object.keys(STAFF_ONLY)) expect(map[table]).toBeUndefined();
  });

  it("staff still read every column of partners and organizations (the control)", async () => {
    const partners = await world.people.viewer.client.from("partners").select("*").eq("id", world.partners.granted);
    expect(Object.keys(partners.data?.[0] ?? {})).toEqual(expect.arrayContaining([...STAFF_ONLY.partners!]));
    const orgs = await world.people.viewer.client.from("organizations").select("*").eq("id", world.org.id);
    expect(Object.keys(orgs.data?.[0] ?? {})).toEqual(expect.arrayContaining([...STAFF_ONLY.organizations!]));
  });

  it.each(PARTNER_PERSONAS)(
    "%s reads no row of a section table directly, and no column that names a staff member",
    async (name) => {
      const client = world.people[name].client;
      for (const table of SECTION_TABLES) {
        const result = await client.from(table).select("*");
        expect({ table, error: result.error, rows: result.data }).toEqual({ table, error: null, rows: [] });
      }
      const map = await readableMap(name);
      for (const [table, columns] of Object.entries(map)) {
        const named = columns.filter((column) => (STAFF_PEOPLE as readonly string[]).includes(column));
        expect({ table, named }).toEqual({ table, named: [] });
      }
    },
  );

  it("staff still read who recorded a section row (the control)", async () => {
    const referrals = await world.people.viewer.client
      .from("partner_referrals")
      .select("id, created_by")
      .eq("partner_id", world.partners.granted);
    expect(referrals.error).toBeNull();
    expect(referrals.data?.length).toBeGreaterThan(0);
    const activity = await world.people.viewer.client
      .from("partner_activity_log")
      .select("id, actor_id")
      .eq("partner_id", world.partners.granted)
      .limit(1);
    expect(activity.error).toBeNull();
    expect(activity.data?.length).toBe(1);
  });
});

describe("partner columns: security-definer functions", () => {
  type Fn = { name: string; columns: string[] };
  async function definerFunctions(): Promise<Fn[]> {
    return sql<Fn>(
      `select p.proname as name,
              coalesce(array(select x.name::text
                               from unnest(p.proargnames, p.proargmodes::text[]) with ordinality as x(name, mode, ord)
                              where x.mode in ('t', 'o') order by x.ord), '{}') as columns
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.prosecdef and has_function_privilege('authenticated', p.oid, 'EXECUTE')
        order by 1`,
    );
  }

  it("every definer function authenticated may call is in the allow-list, returning exactly its columns", async () => {
    const found = Object.fromEntries((await definerFunctions()).map((fn) => [fn.name, fn.columns]));
    expect(found).toEqual(DEFINER_FUNCTIONS);
    for (const [fn, columns] of Object.entries(found)) {
      // A shared document's own tags are shown in the portal; partners' tags are internal.
      const partnerStaffOnly =
        fn === "portal_document_rows" ? STAFF_ONLY.partners!.filter((c) => c !== "tags") : STAFF_ONLY.partners!;
      for (const staffOnly of [...partnerStaffOnly, "slug"])
        expect({ fn, columns }).not.toEqual({ fn, columns: expect.arrayContaining([staffOnly]) });
      for (const person of STAFF_PEOPLE)
        expect({ fn, columns }).not.toEqual({ fn, columns: expect.arrayContaining([person]) });
    }
  });

  const SECTION_FUNCTIONS = [
    "portal_referral_rows",
    "portal_commission_rows",
    "portal_document_rows",
    "portal_training_rows",
    "portal_resource_rows",
    "portal_activity_rows",
  ] as const;

  it.each(SECTION_FUNCTIONS)("%s() returns to the partner user exactly its allow-listed columns", async (fn) => {
    const result = await world.people.partner.client.rpc(fn).select("*");
    expect(result.error).toBeNull();
    expect(result.data?.length).toBeGreaterThan(0);
    for (const row of result.data as Record<string, unknown>[]) {
      expect(Object.keys(row).sort()).toEqual([...DEFINER_FUNCTIONS[fn]!].sort());
    }
  });

  it.each(PARTNER_PERSONAS)(
    "%s gets from portal_partners() and portal_organizations() only an in-force grant's rows",
    async (name) => {
      const client = world.people[name].client;
      const partners = await client.rpc("portal_partners");
      const orgs = await client.rpc("portal_organizations");
      expect(partners.error).toBeNull();
      expect(orgs.error).toBeNull();
      if (OUT_OF_FORCE.includes(name)) {
        expect(partners.data).toEqual([]);
        expect(orgs.data).toEqual([]);
        return;
      }
      const stranger = name === "strangerPartner";
      expect((partners.data ?? []).map((row: { id: string }) => row.id)).toEqual([
        stranger ? world.partners.foreign : world.partners.granted,
      ]);
      expect(Object.keys(partners.data![0]!).sort()).toEqual([...DEFINER_FUNCTIONS.portal_partners!].sort());
      expect((orgs.data ?? []).map((row: { id: string }) => row.id)).toEqual([
        stranger ? world.otherOrg.id : world.org.id,
      ]);
      expect(Object.keys(orgs.data![0]!).sort()).toEqual([...DEFINER_FUNCTIONS.portal_organizations!].sort());
    },
  );
});

describe("partner columns: why not a security-invoker view", () => {
  // Measured here rather than argued: such a view applies the partners policy, which gives
  // partner users nothing, so it cannot be the partner-safe path.
  it("a security-invoker view over partners returns nothing to a partner user; portal_partners() returns the grant", async () => {
    const client = await adminPool().connect();
    const probe = `partner_safe_probe_${token()}`;
    try {
      await client.query("begin");
      await client.query(
        `create view public.${probe} with (security_invoker = true) as select id, name, status, tier from public.partners`,
      );
      await client.query(`grant select on public.${probe} to authenticated`);
      await client.query("select set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ sub: world.people.partner.id, role: "authenticated" }),
      ]);
      await client.query("set local role authenticated");
      const viaView = await client.query(`select id from public.${probe} where id = $1`, [world.partners.granted]);
      const viaFunction = await client.query("select id from public.portal_partners() where id = $1", [
        world.partners.granted,
      ]);
      expect(viaView.rows).toEqual([]);
      expect(viaFunction.rows).toEqual([{ id: world.partners.granted }]);
    } finally {
      await client.query("rollback");
      client.release();
    }
  });
});

describe("grants out of force give nothing, the organization included", () => {
  it.each(["partnerFuture", "partnerEnded", "partnerRevoked", "partnerInactive"] as const)(
    "%s reads no partner, no organization, no grant and no section row",
    async (name) => {
      const client = world.people[name].client;
      for (const table of [
        "organizations",
        "partners",
        "partner_users",
        "partner_access",
        "partner_referrals",
        "partner_commissions",
        "partner_documents",
        "partner_training",
        "partner_resources",
        "partner_activity_log",
      ]) {
        const result = await client.from(table).select("*");
        expect({ table, error: result.error, rows: result.data }).toEqual({ table, error: null, rows: [] });
      }
      for (const fn of [
        "portal_organizations",
        "portal_partners",
        "portal_accounts",
        "portal_commission_summary",
        "portal_referral_rows",
        "portal_commission_rows",
        "portal_document_rows",
        "portal_training_rows",
        "portal_resource_rows",
        "portal_activity_rows",
      ]) {
        expect({ fn, rows: (await client.rpc(fn)).data }).toEqual({ fn, rows: [] });
      }
      // Only who they are, so the portal can say there is no account to show.
      const me = await client.rpc("portal_me");
      expect(me.data).toEqual([
        expect.objectContaining({ id: world.people[name].id, email: world.people[name].email }),
      ]);
    },
  );

  it("revoking a grant now takes the organization away on the very next request; the in-force control keeps it", async () => {
    const [grant] = await sql<{ id: string }>("select id from public.partner_access where partner_user_id = $1", [
      world.people.partnerOverview.id,
    ]);
    const grantId = grant!.id;
    const before = await world.people.partnerOverview.client.rpc("portal_organizations");
    expect(before.data?.map((row: { id: string }) => row.id)).toEqual([world.org.id]);
    await sql("update public.partner_access set revoked_at = now() where id = $1", [grantId]);
    try {
      const after = await world.people.partnerOverview.client.rpc("portal_organizations");
      expect(after.data).toEqual([]);
      const control = await world.people.partner.client.rpc("portal_organizations");
      expect(control.data?.map((row: { id: string }) => row.id)).toEqual([world.org.id]);
    } finally {
      await sql("update public.partner_access set revoked_at = null where id = $1", [grantId]);
    }
  });
});
