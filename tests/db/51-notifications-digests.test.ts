import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { holdJobRunner, sql } from "../support/db";
import { testEnv } from "../support/env";
import { clientAs } from "./support/clients";
import { DENIED } from "./support/matrix";
import { insertChild } from "./support/partner-rows";
import { insertRow } from "./support/rows";
import { createPartner, createStaff, createWorld, type World } from "./support/world";
import { drainOutbox } from "./support/outbox";

// The bell's query is server-only (it runs in the app's server); here the test is the server.
vi.mock("server-only", () => ({}));
const { listNotifications } = await import("../../lib/notifications/queries");

let world: World;
// The runner is global: one file drives it at a time.
const runner = holdJobRunner();
beforeAll(runner.take, 180_000);
afterAll(runner.release);

beforeAll(async () => {
  world = await createWorld("digestonly");
});

const drain = () => drainOutbox(world.service);

/** What a runner would be handed for this person's emails, claimed in a transaction that is rolled back. */
async function claimedEmailsOf(userId: string) {
  const client = new pg.Client({ connectionString: testEnv.adminDbUrl });
  await client.connect();
  try {
    await client.query("begin");
    await client.query("set local role service_role");
    const claimed = await client.query<{ kind: string; digest: { items: { event_type: string }[] } | null }>(
      "select kind, digest from public.jobs_claim_emails(500, 120) where user_id = $1",
      [userId],
    );
    return claimed.rows;
  } finally {
    await client.query("rollback");
    await client.end();
  }
}

/** A new referral on a partner the person owns, and its notification for them (fanned out). */
async function referralFor(ownerId: string) {
  const partner = await createPartner(world.org.id, { owner_id: ownerId });
  const referral = await insertChild("partner_referrals", partner.id as string);
  await drain();
  const [row] = await sql<{ id: string; shown_in_app: boolean }>(
    "select id, shown_in_app from public.notifications where user_id = $1 and source_id = $2 and event_type = 'referral.created'",
    [ownerId, referral.id],
  );
  return { referralId: referral.id as string, notification: row };
}

describe("digest only: in the digest, not in the bell, not by email", () => {
  it("keeps a digest-only event out of the bell and out of email, and puts it in the digest", async () => {
    const owner = await createStaff(world.org.id, "member", "digest-only-owner");
    await insertRow("notification_preferences", {
      org_id: world.org.id,
      user_id: owner.id,
      event_type: "referral.created",
      delivery: "digest_only",
    });
    const { notification } = await referralFor(owner.id);
    expect(notification).toMatchObject({ shown_in_app: false });
    expect(await sql("select 1 from private.email_deliveries where notification_id = $1", [notification!.id])).toEqual(
      [],
    );

    const bell = await listNotifications(
      (await clientAs(owner.id)) as unknown as Parameters<typeof listNotifications>[0],
      { limit: 20, org: { locale: "en-US", currency: "EUR", time_zone: "UTC" } },
    );
    expect(bell.items.map((item) => item.id)).not.toContain(notification!.id);
    expect(bell.unread).toBe(0);

    // A day later the digest that covers it has gone out, whatever the person's hour.
    for (let i = 0; i < 2; i++) {
      await sql(
        "select private.enqueue_digests(created_at + interval '24 hours') from public.notifications where id = $1",
        [notification!.id],
      );
    }
    const digests = await sql<{ period_key: string }>(
      "select period_key from private.email_deliveries where user_id = $1 and kind = 'digest'",
      [owner.id],
    );
    expect(digests).toHaveLength(1);
    const claimed = await claimedEmailsOf(owner.id);
    expect(claimed.map((row) => row.kind)).toEqual(["digest"]);
    expect(claimed[0]!.digest!.items.map((item) => item.event_type)).toEqual(["referral.created"]);
    await sql("delete from private.email_deliveries where user_id = $1", [owner.id]);
  });

  it("follows the organization's digest-only default, and a person's own choice over it", async () => {
    const follows = await createStaff(world.org.id, "member", "digest-only-follows");
    const chooses = await createStaff(world.org.id, "member", "digest-only-chooses");
    const { error } = await world.people.admin.client.from("notification_preferences").insert({
      org_id: world.org.id,
      user_id: null,
      event_type: "referral.created",
      delivery: "digest_only",
    });
    expect(error).toBeNull();
    await insertRow("notification_preferences", {
      org_id: world.org.id,
      user_id: chooses.id,
      event_type: "referral.created",
      delivery: "in_app",
    });
    try {
      expect((await referralFor(follows.id)).notification).toMatchObject({ shown_in_app: false });
      expect((await referralFor(chooses.id)).notification).toMatchObject({ shown_in_app: true });
    } finally {
      await sql(
        "delete from public.notification_preferences where org_id = $1 and user_id is null and event_type = 'referral.created'",
        [world.org.id],
      );
    }
  });

  it("lets a person choose digest only for themselves, and refuses a channel that does not exist", async () => {
    const me = world.people.viewer;
    const refused = await me.client
      .from("notification_preferences")
      .insert({ org_id: world.org.id, user_id: me.id, event_type: "referral.lost", delivery: "sometimes" });
    expect(refused.error?.code).toBe("23514");
    expect(refused.error?.message).toContain("notification_preferences_delivery_known");

    const chosen = await me.client
      .from("notification_preferences")
      .insert({ org_id: world.org.id, user_id: me.id, event_type: "referral.lost", delivery: "digest_only" });
    expect(chosen.error).toBeNull();
    const { data } = await me.client.rpc("my_notification_settings", { p_org_id: world.org.id });
    expect((data ?? []).find((row: { event_type: string }) => row.event_type === "referral.lost")).toMatchObject({
      delivery: "digest_only",
      source: "mine",
    });
  });

  it("unsubscribing from the digest turns digest-only types off and digest types to the bell", async () => {
    const person = await createStaff(world.org.id, "member", "digest-only-unsubscribe");
    for (const [eventType, delivery] of [
      ["referral.lost", "digest_only"],
      ["referral.won", "digest"],
      ["task.created", "email"],
    ]) {
      await insertRow("notification_preferences", {
        org_id: world.org.id,
        user_id: person.id,
        event_type: eventType,
        delivery,
      });
    }
    const refused = await world.people.admin.client.rpc("unsubscribe_email", {
      p_user_id: person.id,
      p_org_id: world.org.id,
      p_event_type: "*",
    });
    expect(refused.error?.code).toBe(DENIED);

    const { error } = await world.service.rpc("unsubscribe_email", {
      p_user_id: person.id,
      p_org_id: world.org.id,
      p_event_type: "*",
    });
    expect(error).toBeNull();
    const after = await sql<{ event_type: string; delivery: string }>(
      "select event_type, delivery from public.notification_preferences where user_id = $1 and event_type in ('referral.lost', 'referral.won', 'task.created') order by event_type",
      [person.id],
    );
    expect(after).toEqual([
      { event_type: "referral.lost", delivery: "off" },
      { event_type: "referral.won", delivery: "in_app" },
      { event_type: "task.created", delivery: "email" },
    ]);
  });
});

describe("the runner records a whole batch in one call", () => {
  it("lets only the service role record batches", async () => {
    for (const persona of [world.people.admin, world.people.partner, world.people.anon]) {
      for (const fn of ["jobs_record_webhooks", "jobs_record_emails"] as const) {
        const { error } = await persona.client.rpc(fn, { p_results: [] });
        expect(error?.code, `${persona.name} ${fn}`).toBe(DENIED);
      }
    }
    const allowed = await world.service.rpc("jobs_record_webhooks", { p_results: [] });
    expect(allowed.error).toBeNull();
    expect(allowed.data).toEqual({ succeeded: 0, retry: 0, failed: 0, disabled: 0 });
  });

  it("records successes at once and sends each failure through the retry schedule", async () => {
    const { data, error } = await world.people.admin.client.rpc("create_webhook_endpoint", {
      p_org_id: world.org.id,
      p_url: "https://hooks.example.com/batch",
      p_description: "batch",
      p_event_types: ["partner.archived"],
    });
    expect(error).toBeNull();
    const endpointId = (data as { id: string }[])[0]!.id;
    const delivery = () =>
      insertRow("webhook_deliveries", {
        org_id: world.org.id,
        endpoint_id: endpointId,
        event_type: "partner.archived",
        body: { type: "partner.archived" },
        attempts: 1,
        // not due, so no runner of another file sends it meanwhile
        next_attempt_at: "2100-01-01T00:00:00Z",
      });
    const [good, bad, other] = [await delivery(), await delivery(), await delivery()];

    const notArray = await world.service.rpc("jobs_record_webhooks", { p_results: { id: good.id } });
    expect(notArray.error?.code).toBe("22023");

    const recorded = await world.service.rpc("jobs_record_webhooks", {
      p_results: [
        { id: good.id, status_code: 204, duration_ms: 12, error: null },
        { id: bad.id, status_code: 500, duration_ms: 30, error: "HTTP 500" },
      ],
    });
    expect(recorded.error).toBeNull();
    expect(recorded.data).toEqual({ succeeded: 1, retry: 1, failed: 0, disabled: 0 });
    const rows = await sql<{ id: string; status: string; last_status_code: number | null; retry_in: number | null }>(
      `select id, status, last_status_code,
              round(extract(epoch from (next_attempt_at - now())))::float8 as retry_in
         from public.webhook_deliveries where id = any ($1::uuid[])`,
      [[good.id, bad.id, other.id]],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(good.id as string)).toMatchObject({ status: "succeeded", last_status_code: 204 });
    expect(byId.get(bad.id as string)).toMatchObject({ status: "pending", last_status_code: 500 });
    // rescheduled from 2100 to the first retry step (on the webhooks' clock, which another file may move)
    expect(byId.get(bad.id as string)!.retry_in).toBeGreaterThan(0);
    expect(byId.get(bad.id as string)!.retry_in).toBeLessThan(3600);
    expect(byId.get(other.id as string)).toMatchObject({ status: "pending", last_status_code: null });
    const [endpoint] = await sql<{ failing: boolean }>(
      "select failing_since is not null as failing from public.webhook_endpoints where id = $1",
      [endpointId],
    );
    expect(endpoint).toEqual({ failing: true });
  });

  it("records a batch of emails: sent, and failed with a retry", async () => {
    const person = await createStaff(world.org.id, "member", "batch-emails");
    const digest = (day: string) =>
      sql<{ id: string }>(
        `insert into private.email_deliveries (org_id, user_id, kind, period_key, attempts, next_attempt_at)
         values ($1, $2, 'digest', $3, 1, '2100-01-01') returning id`,
        [world.org.id, person.id, `day:${day}`],
      ).then((rows) => rows[0]!.id);
    const [sent, failed] = [await digest("2026-06-01"), await digest("2026-06-02")];
    const { data, error } = await world.service.rpc("jobs_record_emails", {
      p_results: [
        { id: sent, outcome: "sent", error: null },
        { id: failed, outcome: "failed", error: "ECONNECTION" },
      ],
    });
    expect(error).toBeNull();
    expect(data).toBe(2);
    const rows = await sql<{ id: string; status: string; sent: boolean; last_error: string | null; retry_in: number }>(
      `select id, status, sent_at is not null as sent, last_error,
              round(extract(epoch from (next_attempt_at - now())))::float8 as retry_in
         from private.email_deliveries where user_id = $1 order by period_key`,
      [person.id],
    );
    expect(rows[0]).toMatchObject({ id: sent, status: "sent", sent: true, last_error: null });
    expect(rows[1]).toMatchObject({ id: failed, status: "pending", sent: false, last_error: "ECONNECTION" });
    expect(rows[1]!.retry_in).toBeGreaterThan(50);
    expect(rows[1]!.retry_in).toBeLessThanOrEqual(60);
    await sql("delete from private.email_deliveries where user_id = $1", [person.id]);
  });
});

describe("digests at each person's hour in the organization's time zone (Europe/Paris)", () => {
  /** A notification the person's digest gathers (referral.lost and document.added default to the digest). */
  async function digestItem(userId: string, audience: "staff" | "partner", at: string): Promise<void> {
    await insertRow("notifications", {
      org_id: world.org.id,
      user_id: userId,
      audience,
      event_type: audience === "staff" ? "referral.lost" : "document.added",
      batch_key: `digest-test:${crypto.randomUUID()}`,
      first_event_id: 0,
      created_at: at,
    });
  }
  const sweepAt = (at: string) => sql("select private.enqueue_digests($1)", [at]);
  const digestsOf = (userId: string) =>
    sql<{ period_key: string; hours: number }>(
      `select period_key, extract(epoch from (period_end - period_start)) / 3600 as hours
         from private.email_deliveries where user_id = $1 and kind = 'digest' order by period_key`,
      [userId],
    ).then((rows) => rows.map((row) => ({ period_key: row.period_key, hours: Number(row.hours) })));

  it("sends a staff member's daily digest once at 08:00, across the spring change of clocks", async () => {
    const person = await createStaff(world.org.id, "member", "digest-spring");
    await digestItem(person.id, "staff", "2026-03-28T12:00:00+01:00");
    await sweepAt("2026-03-29T07:59:00+02:00");
    expect(await digestsOf(person.id)).toEqual([]);
    for (const at of ["2026-03-29T08:00:00+02:00", "2026-03-29T08:00:00+02:00", "2026-03-29T08:30:00+02:00"]) {
      await sweepAt(at);
    }
    await sweepAt("2026-03-29T23:59:00+02:00");
    await sweepAt("2026-03-30T08:00:00+02:00"); // the next day's period holds nothing of theirs
    // 28 March 08:00 CET to 29 March 08:00 CEST: a day of 23 hours, one digest
    expect(await digestsOf(person.id)).toEqual([{ period_key: "day:2026-03-28", hours: 23 }]);
  });

  it("sends it at the person's own hour over the organization's, across the autumn change of clocks", async () => {
    const person = await createStaff(world.org.id, "member", "digest-autumn");
    const colleague = await createStaff(world.org.id, "member", "digest-autumn-org");
    const { error } = await world.people.admin.client
      .from("notification_digest_hours")
      .insert({ org_id: world.org.id, user_id: null, hour: 6 });
    expect(error).toBeNull();
    try {
      await insertRow("notification_digest_hours", { org_id: world.org.id, user_id: person.id, hour: 18 });
      await digestItem(person.id, "staff", "2026-10-24T20:00:00+02:00");
      await digestItem(colleague.id, "staff", "2026-10-24T20:00:00+02:00");
      await sweepAt("2026-10-25T05:59:00+01:00");
      expect(await digestsOf(colleague.id)).toEqual([]);
      await sweepAt("2026-10-25T06:00:00+01:00");
      // the organization's 06:00: 24 October 06:00 CEST to 25 October 06:00 CET, 25 hours
      expect(await digestsOf(colleague.id)).toEqual([{ period_key: "day:2026-10-24", hours: 25 }]);
      expect(await digestsOf(person.id)).toEqual([]);
      await sweepAt("2026-10-25T17:59:00+01:00");
      expect(await digestsOf(person.id)).toEqual([]);
      await sweepAt("2026-10-25T18:00:00+01:00");
      await sweepAt("2026-10-25T18:00:01+01:00");
      expect(await digestsOf(person.id)).toEqual([{ period_key: "day:2026-10-24", hours: 25 }]);
    } finally {
      await sql("delete from public.notification_digest_hours where org_id = $1", [world.org.id]);
    }
  });

  it("sends a partner user's digest weekly, on Monday at the hour", async () => {
    const partnerUser = world.people.partnerDocuments;
    await digestItem(partnerUser.id, "partner", "2026-03-25T09:00:00+01:00");
    await sweepAt("2026-03-29T08:00:00+02:00"); // a Sunday
    await sweepAt("2026-03-30T07:59:00+02:00");
    expect(await digestsOf(partnerUser.id)).toEqual([]);
    await sweepAt("2026-03-30T08:00:00+02:00");
    await sweepAt("2026-03-30T09:00:00+02:00");
    await sweepAt("2026-04-01T08:00:00+02:00");
    // Monday 23 March 08:00 CET to Monday 30 March 08:00 CEST: a week one hour short
    expect(await digestsOf(partnerUser.id)).toEqual([{ period_key: "week:2026-03-23", hours: 167 }]);
    await sql("delete from private.email_deliveries where user_id = $1 and kind = 'digest'", [partnerUser.id]);
  });

  it("lets a person set only their own hour, admins the organization's, and refuses an hour that does not exist", async () => {
    const member = world.people.member;
    const outOfRange = await member.client
      .from("notification_digest_hours")
      .insert({ org_id: world.org.id, user_id: member.id, hour: 24 });
    expect(outOfRange.error?.code).toBe("23514");
    expect(outOfRange.error?.message).toContain("notification_digest_hours_hour_range");
    const forOthers = await member.client
      .from("notification_digest_hours")
      .insert({ org_id: world.org.id, user_id: world.people.viewer.id, hour: 7 });
    expect(forOthers.error?.code).toBe(DENIED);
    const orgDefault = await member.client
      .from("notification_digest_hours")
      .insert({ org_id: world.org.id, user_id: null, hour: 7 });
    expect(orgDefault.error?.code).toBe(DENIED);
    const stranger = await world.people.stranger.client
      .from("notification_digest_hours")
      .insert({ org_id: world.org.id, user_id: world.people.stranger.id, hour: 7 });
    expect(stranger.error?.code).toBe(DENIED);

    const own = await member.client
      .from("notification_digest_hours")
      .insert({ org_id: world.org.id, user_id: member.id, hour: 7 });
    expect(own.error).toBeNull();
    const partnerOwn = await world.people.partner.client
      .from("notification_digest_hours")
      .insert({ org_id: world.org.id, user_id: world.people.partner.id, hour: 9 });
    expect(partnerOwn.error).toBeNull();
    const seen = await world.people.viewer.client.from("notification_digest_hours").select("user_id, hour");
    expect(seen.data).toEqual([]); // not a colleague's hour
    await sql("delete from public.notification_digest_hours where org_id = $1", [world.org.id]);
  });
});
