import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { insertChild } from "./support/partner-rows";
import { createPartner, createWorld, type World } from "./support/world";

let world: World;
beforeAll(async () => {
  world = await createWorld("buckets");
});

type Filter = {
  p_status?: string[];
  p_tier?: string[];
  p_owner_id?: string;
  p_region?: string;
  p_search?: string;
  p_include_archived?: boolean;
};

/**
 * The hero metrics by plain SQL: from the raw referral and commission rows, or (`stats`) as the
 * join of partners to partner_stats that the function ran before the buckets.
 */
async function plainMetrics(orgId: string, filter: Filter, source: "rows" | "stats" = "rows") {
  const money =
    source === "rows"
      ? `left join lateral (select sum(estimated_value) as pipeline from public.partner_referrals
                           where partner_id = p.id and status in ('submitted', 'qualified', 'in_progress')) r on true
       left join lateral (select sum(amount) as owed from public.partner_commissions
                           where partner_id = p.id and status in ('pending', 'approved')) c on true`
      : `left join lateral (select s.pipeline_value as pipeline, s.commission_owed as owed
                            from public.partner_stats s where s.partner_id = p.id) r on true
       left join lateral (select r.owed) c on true`;
  const [row] = await sql(
    `select count(*) filter (where p.status = 'active')::int as active_partners,
            coalesce(sum(r.pipeline), 0)::float8 as pipeline_value,
            coalesce(sum(c.owed), 0)::float8 as owed_commission,
            count(*)::int as matching_partners
       from public.partners p
       ${money}
      where p.org_id = $1
        and ($2::text[] is null or p.status = any ($2))
        and ($3::text[] is null or p.tier = any ($3))
        and ($4::uuid is null or p.owner_id = $4)
        and ($5::text is null or p.region = $5)
        and ($6::text is null or $6 = '' or p.name ilike '%' || $6 || '%' or p.primary_contact_email ilike '%' || $6 || '%')
        and ($7 or p.archived_at is null)`,
    [
      orgId,
      filter.p_status ?? null,
      filter.p_tier ?? null,
      filter.p_owner_id ?? null,
      filter.p_region ?? null,
      filter.p_search ?? null,
      filter.p_include_archived ?? false,
    ],
  );
  return row!;
}

function filters(): Filter[] {
  const member = world.people.member.id;
  const manager = world.people.manager.id;
  return [
    {},
    { p_include_archived: true },
    { p_status: ["active"] },
    { p_status: ["paused", "churned"], p_include_archived: true },
    { p_tier: ["silver", "gold"] },
    { p_owner_id: member },
    { p_owner_id: manager, p_include_archived: true },
    { p_region: "EMEA" },
    { p_region: "APAC", p_tier: ["platinum"], p_include_archived: true },
    { p_status: ["active", "onboarding"], p_tier: ["gold"], p_owner_id: member, p_region: "EMEA" },
    { p_search: "Bucketed" },
    { p_search: "bucketed", p_status: ["active"], p_include_archived: true },
    { p_search: "" },
  ];
}

async function expectMetricsMatchPlainSql(label: string, source: "rows" | "stats" = "rows") {
  for (const filter of filters()) {
    const result = await world.people.viewer.client.rpc("partner_directory_metrics", {
      p_org_id: world.org.id,
      ...filter,
    });
    expect(result.error, label).toBeNull();
    expect(result.data, `${label} ${JSON.stringify(filter)}`).toEqual([
      await plainMetrics(world.org.id, filter, source),
    ]);
  }
}

/** The buckets stored for an org, against the same grouping recomputed from the rows. */
async function expectBucketsMatchRows(orgId: string) {
  const stored = await sql(
    `select status, tier, owner_id, region, archived, partners::int, pipeline_value::float8, owed_commission::float8
       from public.partner_metric_buckets
      where org_id = $1 and (partners <> 0 or pipeline_value <> 0 or owed_commission <> 0)
      order by 1, 2, 3, 4, 5`,
    [orgId],
  );
  const computed = await sql(
    `select p.status, p.tier, p.owner_id, p.region, p.archived_at is not null as archived, count(*)::int as partners,
            coalesce(sum((select sum(estimated_value) from public.partner_referrals
                           where partner_id = p.id and status in ('submitted', 'qualified', 'in_progress'))), 0)::float8 as pipeline_value,
            coalesce(sum((select sum(amount) from public.partner_commissions
                           where partner_id = p.id and status in ('pending', 'approved'))), 0)::float8 as owed_commission
       from public.partners p where p.org_id = $1
      group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
    [orgId],
  );
  expect(stored).toEqual(computed);
}

describe("partner_metric_buckets and partner_directory_metrics()", () => {
  it("follow a mix of partner and child inserts, updates and deletes", async () => {
    const member = world.people.member.client;
    const manager = world.people.manager.client;
    const memberId = world.people.member.id;
    const managerId = world.people.manager.id;

    // Partners through PostgREST as an editor, in one statement (several buckets at once).
    const created = await member
      .from("partners")
      .insert(
        [
          {
            org_id: world.org.id,
            name: "Bucketed Alpha",
            status: "active",
            tier: "gold",
            owner_id: memberId,
            region: "EMEA",
          },
          {
            org_id: world.org.id,
            name: "Bucketed Beta",
            status: "active",
            tier: "gold",
            owner_id: memberId,
            region: "EMEA",
          },
          {
            org_id: world.org.id,
            name: "Bucketed Gamma",
            status: "onboarding",
            tier: "silver",
            owner_id: managerId,
            region: "APAC",
          },
          {
            org_id: world.org.id,
            name: "Delta Corp",
            status: "paused",
            tier: "platinum",
            owner_id: null,
            region: null,
          },
          {
            org_id: world.org.id,
            name: "Epsilon Ltd",
            status: "active",
            tier: "registered",
            owner_id: managerId,
            region: "EMEA",
          },
          {
            org_id: world.org.id,
            name: "Zeta Inc",
            status: "prospect",
            tier: "gold",
            owner_id: memberId,
            region: "APAC",
          },
        ],
        { defaultToNull: false },
      )
      .select("id");
    expect(created.error).toBeNull();
    const [a, b, c, d, e, z] = created.data!.map((row) => row.id as string) as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    // and one by the superuser (scripts)
    const f = (
      await createPartner(world.org.id, { name: "Bucketed Phi", status: "active", tier: "platinum", region: "APAC" })
    ).id as string;
    await expectMetricsMatchPlainSql("after inserts");

    // Children: referrals and commissions through PostgREST and as superuser.
    const referrals = await member
      .from("partner_referrals")
      .insert(
        [
          [a, 100],
          [a, 250.5],
          [b, 1000],
          [c, 40],
          [d, 75],
          [e, 600],
          [z, 12.34],
        ].map(([partner, value], i) => ({
          org_id: world.org.id,
          partner_id: partner,
          client_name: `Client ${i}`,
          estimated_value: value,
        })),
      )
      .select("id");
    expect(referrals.error).toBeNull();
    const [r0, r1, r2, , r4] = referrals.data!.map((row) => row.id as string) as string[];
    await insertChild("partner_referrals", f, { estimated_value: 5000 });
    const commissions = await manager
      .from("partner_commissions")
      .insert(
        [
          [a, 10],
          [b, 20],
          [c, 30],
          [e, 40],
          [z, 55.5],
        ].map(([partner, amount]) => ({
          org_id: world.org.id,
          partner_id: partner,
          amount,
          currency: world.org.currency,
        })),
      )
      .select("id");
    expect(commissions.error).toBeNull();
    const [c0, c1, c2, c3] = commissions.data!.map((row) => row.id as string) as string[];
    await insertChild("partner_commissions", f, { amount: 77, status: "approved" });
    await expectMetricsMatchPlainSql("after children");

    // Child updates that move money in and out of pipeline and owed.
    await member.from("partner_referrals").update({ status: "won", actual_value: 900 }).eq("id", r2!);
    await member.from("partner_referrals").update({ estimated_value: 300 }).eq("id", r1!);
    await member.from("partner_referrals").update({ status: "lost" }).eq("id", r4!);
    await manager.from("partner_commissions").update({ status: "approved" }).eq("id", c0!);
    await manager.from("partner_commissions").update({ status: "approved" }).eq("id", c1!);
    await manager.from("partner_commissions").update({ status: "paid" }).eq("id", c1!);
    await manager.from("partner_commissions").update({ status: "void" }).eq("id", c2!);
    await expectMetricsMatchPlainSql("after child updates");

    // Partner key changes: status, tier, owner, region, archive and restore, and a bulk one.
    expect((await member.from("partners").update({ status: "paused" }).eq("id", a)).error).toBeNull();
    expect((await member.from("partners").update({ tier: "platinum" }).eq("id", b)).error).toBeNull();
    expect((await member.from("partners").update({ owner_id: memberId }).eq("id", c)).error).toBeNull();
    expect(
      (await member.from("partners").update({ owner_id: managerId, region: "EMEA" }).eq("id", d)).error,
    ).toBeNull();
    expect((await member.from("partners").update({ region: null }).eq("id", e)).error).toBeNull();
    expect(
      (await member.from("partners").update({ archived_at: new Date().toISOString() }).eq("id", z)).error,
    ).toBeNull();
    expect(
      (await member.from("partners").update({ archived_at: new Date().toISOString() }).eq("id", f)).error,
    ).toBeNull();
    await expectMetricsMatchPlainSql("after key changes");
    expect((await member.from("partners").update({ archived_at: null }).eq("id", f)).error).toBeNull();
    expect((await member.from("partners").update({ status: "active" }).in("id", [a, c, d])).error).toBeNull();
    // a change outside the key moves nothing
    expect((await member.from("partners").update({ name: "Bucketed Alpha Renamed" }).eq("id", a)).error).toBeNull();
    await expectMetricsMatchPlainSql("after restore and bulk update");

    // Child deletes, then partner deletes (leads; children and stats go with them).
    expect((await manager.from("partner_referrals").delete().eq("id", r0!)).error).toBeNull();
    expect((await manager.from("partner_commissions").delete().eq("id", c3!)).error).toBeNull();
    await expectMetricsMatchPlainSql("after child deletes");
    expect((await manager.from("partners").delete().eq("id", b)).error).toBeNull();
    expect((await manager.from("partners").delete().in("id", [z, e])).error).toBeNull();
    await sql("delete from public.partners where id = $1", [f]);
    await expectMetricsMatchPlainSql("after partner deletes");

    // A stats row removed by hand counts as zeros (as the join did), and heals with the next child change.
    await sql("delete from public.partner_stats where partner_id = $1", [c]);
    await expectMetricsMatchPlainSql("after a stats row is removed", "stats");
    await insertChild("partner_referrals", c, { estimated_value: 10 });
    await expectMetricsMatchPlainSql("after the stats row heals");

    await expectBucketsMatchRows(world.org.id);
  });

  it("a partner whose owner is cleared (as when a profile is deleted) moves to the no-owner bucket", async () => {
    const partner = await createPartner(world.org.id, { owner_id: world.people.member.id, status: "active" });
    await insertChild("partner_referrals", partner.id as string, { estimated_value: 321 });
    await sql("update public.partners set owner_id = null where id = $1", [partner.id]);
    await expectMetricsMatchPlainSql("after owner cleared");
    await expectBucketsMatchRows(world.org.id);
  });

  it("rebuild_partner_metric_buckets() yields the buckets the triggers kept", async () => {
    const before = await sql(
      `select status, tier, owner_id, region, archived, partners::int, pipeline_value::float8, owed_commission::float8
         from public.partner_metric_buckets where org_id = $1 and partners <> 0 order by 1, 2, 3, 4, 5`,
      [world.org.id],
    );
    await sql("select private.rebuild_partner_metric_buckets($1)", [world.org.id]);
    const after = await sql(
      `select status, tier, owner_id, region, archived, partners::int, pipeline_value::float8, owed_commission::float8
         from public.partner_metric_buckets where org_id = $1 order by 1, 2, 3, 4, 5`,
      [world.org.id],
    );
    expect(after).toEqual(before);
    await expectMetricsMatchPlainSql("after rebuild");
  });

  it("staff of another org, partner users and anon get zeros or nothing", async () => {
    const zeros = { active_partners: 0, pipeline_value: 0, owed_commission: 0, matching_partners: 0 };
    const own = await world.people.viewer.client.rpc("partner_directory_metrics", { p_org_id: world.org.id });
    expect(own.data[0].active_partners).toBeGreaterThan(0);
    for (const name of ["stranger", "partner", "partnerCommissions", "strangerPartner"] as const) {
      const result = await world.people[name].client.rpc("partner_directory_metrics", { p_org_id: world.org.id });
      expect(result.error, name).toBeNull();
      expect(result.data, name).toEqual([zeros]);
    }
    // our staff asking for the other org
    const other = await world.people.admin.client.rpc("partner_directory_metrics", { p_org_id: world.otherOrg.id });
    expect(other.data).toEqual([zeros]);
    const anon = await world.people.anon.client.rpc("partner_directory_metrics", { p_org_id: world.org.id });
    expect(anon.data ?? []).toEqual([]);
  });

  it("the buckets table is read-only through the API and staff-only", async () => {
    const visible = await world.people.viewer.client.from("partner_metric_buckets").select("org_id");
    expect(visible.error).toBeNull();
    expect(new Set(visible.data!.map((row) => row.org_id))).toEqual(new Set([world.org.id]));
    for (const name of ["stranger", "partner", "anon"] as const) {
      const rows = await world.people[name].client
        .from("partner_metric_buckets")
        .select("org_id")
        .eq("org_id", world.org.id);
      expect(rows.data ?? [], name).toEqual([]);
    }
    const [before] = await sql<{ n: string }>(
      "select sum(partners)::text as n from public.partner_metric_buckets where org_id = $1",
      [world.org.id],
    );
    const insert = await world.people.admin.client
      .from("partner_metric_buckets")
      .insert({ org_id: world.org.id, status: "active", tier: "gold", archived: false, partners: 1000 });
    expect(insert.error).not.toBeNull();
    const update = await world.people.admin.client
      .from("partner_metric_buckets")
      .update({ partners: 1000 })
      .eq("org_id", world.org.id)
      .select();
    expect(update.error !== null || (update.data ?? []).length === 0).toBe(true);
    const remove = await world.service.from("partner_metric_buckets").delete().eq("org_id", world.org.id).select();
    expect(remove.error !== null || (remove.data ?? []).length === 0).toBe(true);
    const [after] = await sql<{ n: string }>(
      "select sum(partners)::text as n from public.partner_metric_buckets where org_id = $1",
      [world.org.id],
    );
    expect(after!.n).toBe(before!.n);
  });
});
