import type { SupabaseClient } from "@supabase/supabase-js";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ServerClient } from "@/lib/actions/safe-action";
import type { Paged } from "@/lib/paging/page";
import { sql } from "../support/db";
import { token } from "./support/rows";
import { createStaff, createWorld, type World } from "./support/world";

/**
 * The lists that used to stop at a fixed number (the portal's referrals across accounts at
 * 200, a partner's commissions at 50, tasks at 500, resources at 50 or at the API's row limit)
 * and the owner and assignee choices, run as each persona would run them in a page.
 */
let client: SupabaseClient;
vi.mock("server-only", () => ({}));
vi.mock("@/lib/supabase/server", () => ({ createClient: async () => client }));
const portal = await import("@/lib/portal/queries");
const { listPartnerCommissions } = await import("@/lib/commissions/queries");
const { listPartnerTasks } = await import("@/lib/tasks/queries");
const { listResourcesForTier } = await import("@/lib/resources/queries");
const { searchStaff, staffOption } = await import("@/lib/pickers/search-people");

let world: World;
let partnerId: string;
let siblingReferral: string;
const REFERRALS = 230;
const COMMISSIONS = 75;
const TASKS = 520;
const RESOURCES = 1050;

beforeAll(async () => {
  world = await createWorld("pickers-lists");
  partnerId = world.partners.granted;
  const org = world.org.id;
  await sql(
    `insert into public.partner_referrals (org_id, partner_id, client_name, client_email, status, referred_at)
     select $1, $2, 'Client ' || n, 'client' || n || '@example.test', 'submitted', now() - make_interval(hours => n)
     from generate_series(1, ${REFERRALS}) as n`,
    [org, partnerId],
  );
  // A partner the partner persona holds no grant on: its referral must never show.
  siblingReferral = (
    await sql<{ id: string }>(
      `insert into public.partner_referrals (org_id, partner_id, client_name, client_email, status, referred_at)
       values ($1, $2, 'Sibling client', 'sibling@example.test', 'submitted', now()) returning id`,
      [org, world.partners.sibling],
    )
  )[0]!.id;
  await sql(
    `insert into public.partner_commissions (org_id, partner_id, amount, currency, status, earned_at)
     select $1, $2, n, $3, 'pending', now() - make_interval(days => n) from generate_series(1, ${COMMISSIONS}) as n`,
    [org, partnerId, world.org.currency],
  );
  await sql(
    `insert into public.partner_tasks (org_id, partner_id, title)
     select $1, $2, 'Task ' || n from generate_series(1, ${TASKS}) as n`,
    [org, partnerId],
  );
  await sql(
    `insert into public.partner_resources (org_id, title, url, kind, min_tier)
     select $1, 'Resource ' || lpad(n::text, 4, '0'), 'https://example.com/r' || n, 'guide', 'registered'
     from generate_series(1, ${RESOURCES}) as n`,
    [org],
  );
}, 120_000);

async function idsOf(query: string, params: unknown[]) {
  return (await sql<{ id: string }>(query, params)).map((row) => row.id).sort();
}

/** Every page of a paged list, as its pager walks it: each row once, and a page past the end is empty. */
async function walk<T extends { id: string }>(read: (page: number) => Promise<Paged<T>>) {
  const first = await read(1);
  const ids = first.rows.map((row) => row.id);
  for (let page = 2; page <= first.pages; page++) ids.push(...(await read(page)).rows.map((row) => row.id));
  expect(new Set(ids).size).toBe(ids.length);
  const pastEnd = await read(first.pages + 1);
  expect(pastEnd.rows).toEqual([]);
  expect(pastEnd.total).toBe(first.total);
  return { total: first.total, ids: ids.sort() };
}

describe("the portal's referrals across accounts", () => {
  it("pages past the old 200: every referral of a granted partner, and none of another", async () => {
    client = world.people.partner.client;
    const { total, ids } = await walk((page) => portal.listReferralsAcrossAccounts({}, page));
    expect(total).toBe(REFERRALS);
    expect(ids).toEqual(await idsOf("select id from public.partner_referrals where partner_id = $1", [partnerId]));
    expect(ids).not.toContain(siblingReferral);
  });

  it("keeps the filters on every page", async () => {
    client = world.people.partner.client;
    const { total } = await walk((page) => portal.listReferralsAcrossAccounts({ statuses: ["won"] }, page));
    expect(total).toBe(0);
  });

  it("gives a partner user without the referrals scope nothing", async () => {
    client = world.people.partnerOverview.client;
    const first = await portal.listReferralsAcrossAccounts({}, 1);
    expect(first.total).toBe(0);
    expect(first.rows).toEqual([]);
  });

  it("gives a partner user whose grant has ended nothing", async () => {
    client = world.people.partnerEnded.client;
    expect((await portal.listReferralsAcrossAccounts({}, 1)).total).toBe(0);
  });
});

describe("the workspace's commissions", () => {
  it("pages past the old 50: every commission is a page away", async () => {
    client = world.people.member.client;
    const { total, ids } = await walk((page) => listPartnerCommissions(partnerId, page));
    expect(total).toBe(COMMISSIONS);
    expect(ids).toEqual(await idsOf("select id from public.partner_commissions where partner_id = $1", [partnerId]));
  });

  it("shows staff of another org none of them", async () => {
    client = world.people.stranger.client;
    expect((await listPartnerCommissions(partnerId, 1)).total).toBe(0);
  });
});

describe("the workspace's tasks", () => {
  it("holds every task past the old 500", async () => {
    client = world.people.member.client;
    const tasks = await listPartnerTasks(partnerId);
    expect(tasks).toHaveLength(TASKS);
    expect(new Set(tasks.map((task) => task.id)).size).toBe(TASKS);
  });

  it("still gives a card's preview only its first few", async () => {
    client = world.people.member.client;
    expect(await listPartnerTasks(partnerId, { openOnly: true, limit: 8 })).toHaveLength(8);
  });

  it("shows staff of another org none of them", async () => {
    client = world.people.stranger.client;
    expect(await listPartnerTasks(partnerId)).toEqual([]);
  });
});

describe("resources", () => {
  it("the workspace card pages past the old 50 and the API's row limit", async () => {
    client = world.people.member.client;
    const { total, ids } = await walk((page) => listResourcesForTier(world.org.id, "registered", page));
    expect(total).toBe(RESOURCES);
    expect(ids).toEqual(await idsOf("select id from public.partner_resources where org_id = $1", [world.org.id]));
  });

  it("the portal holds every resource at the account's tier, past the API's row limit", async () => {
    client = world.people.partner.client;
    const resources = await portal.listResources("registered");
    expect(resources).toHaveLength(RESOURCES);
  });

  it("the portal gives a partner user whose grant has ended none", async () => {
    client = world.people.partnerEnded.client;
    expect(await portal.listResources("platinum")).toEqual([]);
  });
});

describe("owner and assignee choices", () => {
  it("finds a staff member of the org by a part of their name", async () => {
    const mark = token();
    await sql("update public.profiles set display_name = $1 where id = $2", [`Owner ${mark}`, world.people.viewer.id]);
    const found = await searchStaff(world.people.member.client as unknown as ServerClient, world.org.id, {
      q: mark,
      limit: 20,
    });
    expect(found.map((option) => option.id)).toEqual([world.people.viewer.id]);
    expect(found[0]).toMatchObject({ name: `Owner ${mark}`, detail: "staff" });
  });

  it("gives the first matches A to Z by name, however many staff match", async () => {
    const mark = token();
    // 25 staff named in reverse order of creation, so neither id nor insertion order is A to Z.
    const made: { id: string; name: string }[] = [];
    for (let n = 25; n >= 1; n--) {
      const person = await createStaff(world.org.id, "member", `alpha${n}`);
      const name = `Alpha ${mark} ${String(n).padStart(2, "0")}`;
      await sql("update public.profiles set display_name = $1 where id = $2", [name, person.id]);
      made.push({ id: person.id, name });
    }
    const found = await searchStaff(world.people.viewer.client as unknown as ServerClient, world.org.id, {
      q: mark,
      limit: 20,
    });
    const expected = made
      .map((person) => person.name)
      .sort()
      .slice(0, 20);
    expect(found.map((option) => option.name)).toEqual(expected);
  });

  it("names a chosen owner of the org, and nobody of another org", async () => {
    const member = world.people.member.client as unknown as ServerClient;
    expect(await staffOption(member, world.org.id, world.people.manager.id)).toMatchObject({
      id: world.people.manager.id,
    });
    expect(await staffOption(member, world.otherOrg.id, world.people.stranger.id)).toBeNull();
  });

  it("offers a partner user no staff at all", async () => {
    const partner = world.people.partner.client as unknown as ServerClient;
    expect(await searchStaff(partner, world.org.id, { q: "", limit: 20 })).toEqual([]);
  });
});
