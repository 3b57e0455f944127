import type { SupabaseClient } from "@supabase/supabase-js";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ServerClient } from "@/lib/actions/safe-action";
import { translateDbError } from "@/lib/db/errors";
import { PAGE_SIZE, type Paged } from "@/lib/paging/page";
import { partnerFieldsSchema } from "@/lib/partners/schemas";
import { sql } from "../support/db";
import { countRows, token } from "./support/rows";
import { createAuthUser, createWorld, type World } from "./support/world";

/**
 * "New partner" inserts, as the signed-in person, exactly what the form's schema (the CSV
 * row's) hands over: editors may, viewers are refused by RLS, and a refusal the database
 * makes names the field it is about.
 */
// The list queries run here as each persona would run them in a page: the server client they
// create is that persona's supabase-js client, talking to the real stack.
let client: SupabaseClient;
vi.mock("server-only", () => ({}));
vi.mock("@/lib/supabase/server", () => ({ createClient: async () => client }));
const portal = await import("@/lib/portal/queries");
const documentQueries = await import("@/lib/documents/queries");
const trainingQueries = await import("@/lib/training/queries");
const partnerUserQueries = await import("@/lib/partner-users/queries");
const { searchWonReferrals } = await import("@/lib/pickers/search-referrals");
const { searchStaff } = await import("@/lib/pickers/search-people");
const { listOwnerOptions } = await import("@/lib/partners/queries/list-owner-options");
const { listOrgStaff } = await import("@/lib/workspace/staff");

let world: World;
beforeAll(async () => {
  world = await createWorld("new-partner");
});

function typed(name: string, extra: Record<string, unknown> = {}) {
  return partnerFieldsSchema.parse({
    name,
    status: "onboarding",
    tier: "silver",
    owner_id: world.people.manager.id,
    region: "EMEA",
    website: "https://example.com",
    primary_contact_name: "Ada Lovelace",
    primary_contact_email: "ada@example.com",
    commission_rate: "12.5",
    tags: ["reseller", "cloud"],
    ...extra,
  });
}

describe("new partner", () => {
  it("lets a member add one with every field the form has, recorded as theirs", async () => {
    const name = `Hand made ${token()}`;
    const { data, error } = await world.people.member.client
      .from("partners")
      .insert({ ...typed(name), org_id: world.org.id })
      .select("id")
      .single();
    expect(error).toBeNull();
    const [row] = await sql<Record<string, unknown>>("select * from public.partners where id = $1", [data!.id]);
    expect(row).toMatchObject({
      name,
      status: "onboarding",
      tier: "silver",
      owner_id: world.people.manager.id,
      commission_rate: "12.50",
      tags: ["reseller", "cloud"],
      created_by: world.people.member.id,
    });
    const audit = await sql<{ actor_id: string }>(
      "select actor_id from public.audit_log where resource_type = 'partner' and resource_id = $1::text and action = 'partner.created'",
      [data!.id],
    );
    expect(audit.map((entry) => entry.actor_id)).toEqual([world.people.member.id]);
    expect(await countRows("partner_activity_log", { partner_id: data!.id, event_type: "partner.created" })).toBe(1);
  });

  it("refuses a viewer's insert and writes nothing", async () => {
    const name = `Viewer made ${token()}`;
    const { error } = await world.people.viewer.client
      .from("partners")
      .insert({ ...typed(name), org_id: world.org.id })
      .select("id")
      .single();
    expect(error?.code).toBe("42501");
    expect(translateDbError(error!).kind).toBe("forbidden");
    expect(await countRows("partners", { org_id: world.org.id, name })).toBe(0);
  });

  it("refuses an owner who is not staff of the org, at the owner field", async () => {
    const outsider = await createAuthUser(`outsider-${token()}@example.com`, "Outsider");
    const name = `Outsider owned ${token()}`;
    const { error } = await world.people.member.client
      .from("partners")
      .insert({ ...typed(name, { owner_id: outsider }), org_id: world.org.id })
      .select("id")
      .single();
    expect(error).not.toBeNull();
    expect(translateDbError(error!).field).toBe("owner_id");
    expect(await countRows("partners", { org_id: world.org.id, name })).toBe(0);
  });

  it("cannot place a partner in another org, whatever the form sends", async () => {
    const name = `Elsewhere ${token()}`;
    const { error } = await world.people.member.client
      .from("partners")
      .insert({ ...typed(name, { owner_id: null }), org_id: world.otherOrg.id })
      .select("id")
      .single();
    expect(error?.code).toBe("42501");
    expect(await countRows("partners", { org_id: world.otherOrg.id, name })).toBe(0);
  });
});

/**
 * Every list that can outgrow PostgREST's max-rows (1,000 here, as on hosted projects) is
 * read a page at a time with its count, or searched: seeded past the limit, each one of its
 * rows is reachable, and the pages neither repeat nor skip any.
 */
describe("lists past the API's row limit", () => {
  const SEEDED = 1050;
  let partnerId: string;
  let grantsPartner: string;

  beforeAll(async () => {
    partnerId = world.partners.granted;
    grantsPartner = world.partners.sibling;
    const org = world.org.id;
    await sql(
      `insert into public.partner_referrals (org_id, partner_id, client_name, client_email, status, estimated_value, actual_value, referred_at, closed_at)
       select $1, $2, 'Client ' || lpad(n::text, 4, '0'), 'client' || n || '@example.test', 'won', 100, 100,
              now() - make_interval(days => n), now() - make_interval(days => n) + interval '1 hour'
       from generate_series(1, ${SEEDED}) as n`,
      [org, partnerId],
    );
    await sql(
      `insert into public.partner_commissions (org_id, partner_id, amount, currency, status, earned_at)
       select $1, $2, n, $3, 'pending', now() - make_interval(days => n) from generate_series(1, ${SEEDED}) as n`,
      [org, partnerId, world.org.currency],
    );
    await sql(
      `insert into public.partner_documents (org_id, partner_id, title, url, visibility)
       select $1, $2, 'Document ' || n, 'https://www.notion.so/doc-' || n, 'shared' from generate_series(1, ${SEEDED}) as n`,
      [org, partnerId],
    );
    await sql(
      `insert into public.partner_training (org_id, partner_id, name)
       select $1, $2, 'Course ' || lpad(n::text, 4, '0') from generate_series(1, ${SEEDED}) as n`,
      [org, partnerId],
    );
    // Partner users holding a grant on one partner, and staff of the org, each past the limit.
    const people = (kind: string) =>
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
         confirmation_token, recovery_token, email_change_token_new, email_change, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
       select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
         '${kind}-' || n || '-' || $1 || '@example.test', '', now(), '', '', '', '',
         '{"provider":"email","providers":["email"]}', jsonb_build_object('display_name', '${kind} ' || lpad(n::text, 4, '0')), now(), now()
       from generate_series(1, ${SEEDED}) as n returning id`;
    const mark = token();
    const partnerUsers = await sql<{ id: string }>(people("portal"), [mark]);
    await sql(
      `insert into public.partner_users (id, org_id, email, name, is_active)
       select u.id, $1, u.email, 'Portal user', true from auth.users u where u.id = any ($2::uuid[])`,
      [org, partnerUsers.map((user) => user.id)],
    );
    await sql(
      `insert into public.partner_access (org_id, partner_user_id, partner_id, scope)
       select $1, id, $2, '{referrals}' from unnest($3::uuid[]) as id`,
      [org, grantsPartner, partnerUsers.map((user) => user.id)],
    );
    const staff = await sql<{ id: string }>(people("staff"), [mark]);
    await sql(
      `insert into public.org_members (org_id, user_id, role) select $1, id, 'viewer' from unnest($2::uuid[]) as id`,
      [org, staff.map((member) => member.id)],
    );
  }, 240_000);

  /** Every page of a paged list, as its pager would walk it: all rows, each once. */
  async function walk<T extends { id: string }>(read: (page: number) => Promise<Paged<T>>) {
    const first = await read(1);
    const ids = first.rows.map((row) => row.id);
    for (let page = 2; page <= first.pages; page++) ids.push(...(await read(page)).rows.map((row) => row.id));
    expect(new Set(ids).size).toBe(ids.length);
    const pastEnd = await read(first.pages + 1);
    expect(pastEnd.rows).toEqual([]);
    expect(pastEnd.total).toBe(first.total);
    return { total: first.total, pages: first.pages, ids };
  }

  async function idsIn(table: string, column: string, value: string, extra = "") {
    return (await sql<{ id: string }>(`select id from public.${table} where ${column} = $1 ${extra}`, [value])).map(
      (row) => row.id,
    );
  }

  it("has more of each than the API returns in one read", async () => {
    const plain = await world.people.member.client.from("partner_documents").select("id").eq("partner_id", partnerId);
    expect(plain.data).toHaveLength(1000);
  });

  it("portal referrals, commissions, documents, training and activity: every row a page away", async () => {
    client = world.people.partner.client;
    type Case = { read: (page: number) => Promise<Paged<{ id: string }>>; table: string; extra?: string };
    const cases: Case[] = [
      { read: (page: number) => portal.listPortalReferrals(partnerId, undefined, page), table: "partner_referrals" },
      { read: (page: number) => portal.listPortalCommissions(partnerId, page), table: "partner_commissions" },
      {
        read: (page: number) => portal.listSharedDocuments(partnerId, page),
        table: "partner_documents",
        extra: "and visibility = 'shared'",
      },
      { read: (page: number) => portal.listTraining(partnerId, page), table: "partner_training" },
      {
        read: (page: number) => portal.listPartnerActivity(partnerId, page),
        table: "partner_activity_log",
        extra: "and partner_visible",
      },
    ];
    for (const { read, table, extra } of cases) {
      const expected = await idsIn(table, "partner_id", partnerId, extra);
      expect(expected.length, table).toBeGreaterThan(1000);
      const walked = await walk(read);
      expect(walked.total, table).toBe(expected.length);
      expect(walked.pages, table).toBe(Math.ceil(expected.length / PAGE_SIZE));
      expect(walked.ids.sort(), table).toEqual(expected.sort());
    }
  }, 120_000);

  it("the commission statement file holds every commission", async () => {
    client = world.people.partner.client;
    const all = await portal.listAllPortalCommissions(partnerId);
    expect(all.map((row) => row.id).sort()).toEqual(
      (await idsIn("partner_commissions", "partner_id", partnerId)).sort(),
    );
  });

  it("a partner user without the scope pages through nothing", async () => {
    client = world.people.partnerOverview.client;
    const referrals = await portal.listPortalReferrals(partnerId, undefined, 1);
    expect(referrals.rows).toEqual([]);
    expect(referrals.total).toBe(0);
  });

  it("the workspace's documents and training: every row a page away", async () => {
    client = world.people.member.client;
    const documents = await walk((page) => documentQueries.listPartnerDocuments(partnerId, page));
    expect(documents.ids.sort()).toEqual((await idsIn("partner_documents", "partner_id", partnerId)).sort());
    const training = await walk((page) => trainingQueries.listPartnerTraining(partnerId, page));
    expect(training.ids.sort()).toEqual((await idsIn("partner_training", "partner_id", partnerId)).sort());
  }, 120_000);

  it("a partner's grants: every one a page away in its Portal access card", async () => {
    const admin = world.people.admin.client as unknown as ServerClient;
    const grants = await walk((page) => partnerUserQueries.listPartnerGrants(admin, grantsPartner, page));
    expect(grants.ids.sort()).toEqual((await idsIn("partner_access", "partner_id", grantsPartner)).sort());
  }, 120_000);

  it("a won referral past the first thousand is found by typing its client", async () => {
    const member = world.people.member.client as unknown as ServerClient;
    const options = await searchWonReferrals(member, partnerId, { q: "Client 1050", limit: 20 });
    expect(options.map((option) => option.label)).toEqual(["Client 1050"]);
    // The other org's admin searches the same partner and finds nothing: RLS decides.
    const stranger = world.people.stranger.client as unknown as ServerClient;
    expect(await searchWonReferrals(stranger, partnerId, { q: "Client", limit: 20 })).toEqual([]);
  });

  it("staff past the first thousand are owner choices and named in the workspace", async () => {
    const [row] = await sql<{ count: string }>("select count(*) from public.org_members where org_id = $1", [
      world.org.id,
    ]);
    const count = row!.count;
    expect(Number(count)).toBeGreaterThan(1000);
    const admin = world.people.admin.client as unknown as ServerClient;
    const owners = await listOwnerOptions(admin, world.org.id);
    expect(owners).toHaveLength(Number(count));
    expect(owners.some((owner) => owner.name === "staff 1050")).toBe(true);
    client = world.people.member.client;
    const staff = await listOrgStaff(world.org.id);
    expect(staff).toHaveLength(Number(count));
    expect(new Set(staff.map((member) => member.id)).size).toBe(staff.length);
    const found = await searchStaff(admin, world.org.id, { q: "staff 1050", limit: 20 });
    expect(found.map((option) => option.label)).toEqual([expect.stringContaining("staff 1050")]);
  }, 60_000);
});
