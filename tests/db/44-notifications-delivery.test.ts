import http from "node:http";
import { NextRequest } from "next/server";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { holdJobRunner, sql } from "../support/db";
import { testEnv } from "../support/env";
import { insertChild } from "./support/partner-rows";
import { createPartner, createWorld, type World } from "./support/world";

// The runner's modules are server-only (they hold the secret key); here the test is the server.
vi.mock("server-only", () => ({}));

const { runJobs } = await import("../../lib/jobs/run-jobs");
const { POST: unsubscribePost } = await import("../../app/api/unsubscribe/route");

const ORIGIN = "http://app.partnerdesk.test";

type Mail = {
  id: string;
  subject: string;
  html: string;
  text?: string;
  to: { address: string }[];
  headers: Record<string, string>;
};

async function mailsTo(address: string): Promise<Mail[]> {
  const response = await fetch(`${testEnv.mailboxUrl}/email`);
  const mails = (await response.json()) as Mail[];
  return mails.filter((mail) => mail.to.some((to) => to.address.toLowerCase() === address.toLowerCase()));
}

/** Runs the jobs until nothing is left for this test's people (other files share the outbox). */
async function runUntilQuiet(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const run = await runJobs({ origin: ORIGIN, budgetMs: 15_000 });
    if (run.events === 0 && run.emails.claimed === 0 && run.webhooks.claimed === 0) return;
  }
}

let world: World;
// The runner is global: one file drives it at a time.
const runner = holdJobRunner();
beforeAll(runner.take, 180_000);
afterAll(runner.release);

beforeAll(async () => {
  world = await createWorld("deliver");
});

describe("a referral won reaches its owner once in the app and once by email", () => {
  it("writes one notification and sends one email, with a one-click unsubscribe", async () => {
    const partner = await createPartner(world.org.id, { owner_id: world.people.manager.id, name: "Won Partner" });
    const referral = await insertChild("partner_referrals", partner.id as string, { client_name: "Globex deal" });
    await runUntilQuiet();
    const before = (await mailsTo(world.people.manager.email)).length;

    await world.people.member.client
      .from("partner_referrals")
      .update({ status: "won", actual_value: 4200, closed_at: new Date().toISOString() })
      .eq("id", referral.id as string);
    await runUntilQuiet();
    await runUntilQuiet();

    const notifications = await sql<{ id: string }>(
      "select id from public.notifications where user_id = $1 and source_id = $2 and event_type = 'referral.won'",
      [world.people.manager.id, referral.id],
    );
    expect(notifications).toHaveLength(1);

    const mails = (await mailsTo(world.people.manager.email)).slice(before);
    const won = mails.filter((mail) => mail.subject.startsWith("Referral won"));
    expect(won).toHaveLength(1);
    const mail = won[0]!;
    expect(mail.subject).toContain("Globex deal");
    expect(mail.html).toContain(`${ORIGIN}/admin/partners/${partner.id}/referrals`);
    expect(mail.text).toContain("Unsubscribe");
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const oneClick = /<([^>]+)>/.exec(mail.headers["list-unsubscribe"] ?? "")?.[1];
    expect(oneClick).toMatch(new RegExp(`^${ORIGIN}/api/unsubscribe\\?token=`));

    // RFC 8058: the mail client POSTs the header's URL, with no session.
    const url = new URL(oneClick!);
    const forged = await unsubscribePost(
      new NextRequest(`${url.origin}${url.pathname}?token=${url.searchParams.get("token")}x`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      { params: Promise.resolve({}) },
    );
    expect(forged.status).toBe(403);
    expect(
      await sql("select 1 from public.notification_preferences where user_id = $1", [world.people.manager.id]),
    ).toEqual([]);

    const done = await unsubscribePost(
      new NextRequest(oneClick!, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      { params: Promise.resolve({}) },
    );
    expect(done.status).toBe(200);
    const preference = await sql<{ event_type: string; delivery: string }>(
      "select event_type, delivery from public.notification_preferences where user_id = $1 and org_id = $2",
      [world.people.manager.id, world.org.id],
    );
    expect(preference).toEqual([{ event_type: "referral.won", delivery: "in_app" }]);

    // The next one is in the bell only.
    const next = await insertChild("partner_referrals", partner.id as string, { client_name: "Second deal" });
    await world.people.member.client
      .from("partner_referrals")
      .update({ status: "won", actual_value: 10, closed_at: new Date().toISOString() })
      .eq("id", next.id as string);
    await runUntilQuiet();
    const after = (await mailsTo(world.people.manager.email)).slice(before);
    expect(after.filter((m) => m.subject.startsWith("Referral won"))).toHaveLength(1);
    expect(
      await sql("select 1 from public.notifications where user_id = $1 and source_id = $2", [
        world.people.manager.id,
        next.id,
      ]),
    ).toHaveLength(2); // created + won, in the bell
  });

  it("sends a bulk change as one email with the count", async () => {
    await sql(
      "insert into public.notification_preferences (org_id, user_id, event_type, delivery) values ($1, $2, 'partner.status_changed', 'email')",
      [world.org.id, world.people.viewer.id],
    );
    const partners = await Promise.all(
      [1, 2, 3, 4, 5].map(() => createPartner(world.org.id, { owner_id: world.people.viewer.id })),
    );
    await runUntilQuiet();
    const before = (await mailsTo(world.people.viewer.email)).length;
    await world.people.member.client
      .from("partners")
      .update({ status: "paused" })
      .in(
        "id",
        partners.map((p) => p.id as string),
      );
    await runUntilQuiet();
    const mails = (await mailsTo(world.people.viewer.email)).slice(before);
    expect(mails.map((mail) => mail.subject)).toEqual(["Status changed: 5 changes in one batch"]);
  });
});

type Received = { id: string; type: string; body: Record<string, unknown> };

/** A local receiver that verifies each delivery with the endpoint's secret and keeps one per webhook-id. */
function receiver(port: number, status = 200) {
  const seen = new Map<string, Received>();
  const rejected: string[] = [];
  let hits = 0;
  let secret = "";
  const server = http.createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    request.on("end", () => {
      hits += 1;
      try {
        const body = new Webhook(secret).verify(raw, {
          "webhook-id": String(request.headers["webhook-id"]),
          "webhook-timestamp": String(request.headers["webhook-timestamp"]),
          "webhook-signature": String(request.headers["webhook-signature"]),
        }) as Record<string, unknown>;
        const id = String(request.headers["webhook-id"]);
        if (!seen.has(id)) seen.set(id, { id, type: String(body.type), body });
      } catch {
        rejected.push(raw);
      }
      response.writeHead(status).end();
    });
  });
  return {
    seen,
    rejected,
    hits: () => hits,
    setSecret: (value: string) => (secret = value),
    listen: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function createEndpoint(url: string, eventTypes: string[]): Promise<{ id: string; secret: string }> {
  const { data, error } = await world.people.admin.client.rpc("create_webhook_endpoint", {
    p_org_id: world.org.id,
    p_url: url,
    p_description: "test receiver",
    p_event_types: eventTypes,
  });
  expect(error).toBeNull();
  return (data as { id: string; secret: string }[])[0]!;
}

async function wonReferral(ownerId: string): Promise<string> {
  const partner = await createPartner(world.org.id, { owner_id: ownerId });
  const referral = await insertChild("partner_referrals", partner.id as string);
  await world.people.member.client
    .from("partner_referrals")
    .update({ status: "won", actual_value: 1, closed_at: new Date().toISOString() })
    .eq("id", referral.id as string);
  return referral.id as string;
}

describe("webhooks: signed, once per event and endpoint, retried, then disabled", () => {
  beforeAll(() => {
    process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = "true";
  });

  it("delivers a referral won once, signed with the endpoint's secret, even after a runner died holding it", async () => {
    const hook = receiver(21900);
    await hook.listen();
    try {
      const endpoint = await createEndpoint("http://127.0.0.1:21900/hook", ["referral.won"]);
      hook.setSecret(endpoint.secret);
      const referralId = await wonReferral(world.people.admin.id);
      // fan out, then a runner leases the delivery and dies before sending
      await world.service.rpc("jobs_fan_out", { p_limit: 5000 });
      const leased = await world.service.rpc("jobs_claim_webhooks", { p_limit: 1000, p_lease_seconds: 60 });
      expect((leased.data ?? []).some((row: { endpoint_id: string }) => row.endpoint_id === endpoint.id)).toBe(true);
      await runUntilQuiet();
      expect(hook.hits()).toBe(0); // still leased
      await sql("update private.webhook_settings set clock_offset_seconds = 90");
      await runUntilQuiet();
      await runUntilQuiet();

      expect(hook.rejected).toEqual([]);
      const mine = [...hook.seen.values()].filter(
        (r) => (r.body.data as { record_id?: string }).record_id === referralId,
      );
      expect(mine).toHaveLength(1);
      expect(mine[0]!.type).toBe("referral.won");
      expect(hook.hits()).toBe(1);
      const [row] = await sql<{ status: string; last_status_code: number; attempts: number }>(
        "select status, last_status_code, attempts from public.webhook_deliveries where endpoint_id = $1",
        [endpoint.id],
      );
      expect(row).toMatchObject({ status: "succeeded", last_status_code: 200, attempts: 2 });

      // No API role reads the secret.
      for (const client of [world.people.admin.client, world.service]) {
        const read = await client.schema("private").from("webhook_secrets").select("secret");
        expect(read.error?.code).toBe("PGRST106");
      }
      const columns = await world.people.admin.client.from("webhook_endpoints").select("*").eq("id", endpoint.id);
      expect(JSON.stringify(columns.data)).not.toContain(endpoint.secret);
    } finally {
      await sql("update private.webhook_settings set clock_offset_seconds = 0");
      await hook.close();
    }
  });

  it("retries a failing receiver on the schedule, then disables the endpoint after a day and tells the admins", async () => {
    const hook = receiver(21901, 500);
    await hook.listen();
    try {
      const endpoint = await createEndpoint("http://127.0.0.1:21901/hook", ["referral.won"]);
      hook.setSecret(endpoint.secret);
      await wonReferral(world.people.manager.id);
      await runUntilQuiet();
      expect(hook.hits()).toBe(1);
      await runUntilQuiet();
      expect(hook.hits()).toBe(1); // the next attempt waits for the schedule

      await sql("update private.webhook_settings set clock_offset_seconds = 10");
      await runUntilQuiet();
      expect(hook.hits()).toBe(2);
      const [retrying] = await sql<{ status: string; attempts: number; enabled: boolean }>(
        `select d.status, d.attempts, e.enabled from public.webhook_deliveries d
           join public.webhook_endpoints e on e.id = d.endpoint_id where d.endpoint_id = $1`,
        [endpoint.id],
      );
      expect(retrying).toEqual({ status: "pending", attempts: 2, enabled: true });

      await sql("update private.webhook_settings set clock_offset_seconds = 25 * 3600");
      await runUntilQuiet();
      await runUntilQuiet();
      const [after] = await sql<{ enabled: boolean; disabled_reason: string }>(
        "select enabled, disabled_reason from public.webhook_endpoints where id = $1",
        [endpoint.id],
      );
      expect(after!.enabled).toBe(false);
      // The admins hear of it once the runner has fanned the disable's event out. Endpoints
      // disabled by the same recording merge into one notification per admin (the batch's
      // first names its endpoint), so the notification is found by the event's batch.
      const told = await sql<{ user_id: string }>(
        `select distinct n.user_id from public.notifications n
           join private.outbox_events e on n.batch_key = e.event_type || ':' || e.batch_id and n.org_id = e.org_id
          where e.source_id = $1 and e.event_type = 'webhook.endpoint_disabled'`,
        [endpoint.id],
      );
      expect(told.map((row) => row.user_id)).toEqual([world.people.admin.id]);
      const hits = hook.hits();
      await wonReferral(world.people.manager.id);
      await runUntilQuiet();
      expect(hook.hits()).toBe(hits); // disabled: nothing more is sent
    } finally {
      await sql("update private.webhook_settings set clock_offset_seconds = 0");
      await hook.close();
    }
  });

  it("refuses a loopback receiver unless the development setting allows it", async () => {
    const hook = receiver(21902);
    await hook.listen();
    process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = "false";
    try {
      const endpoint = await createEndpoint("http://localhost:21902/hook", ["referral.won"]);
      hook.setSecret(endpoint.secret);
      await wonReferral(world.people.manager.id);
      await runUntilQuiet();
      expect(hook.hits()).toBe(0);
      const [row] = await sql<{ last_error: string; last_status_code: number }>(
        "select last_error, last_status_code from public.webhook_deliveries where endpoint_id = $1",
        [endpoint.id],
      );
      expect(row!.last_status_code).toBe(0);
      expect(row!.last_error).toMatch(/refused: localhost resolves to a private, loopback or link-local address/);
    } finally {
      process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = "true";
      await hook.close();
    }
  });

  it("lets only admins register endpoints", async () => {
    for (const persona of [world.people.manager, world.people.partner, world.people.stranger]) {
      const { error } = await persona.client.rpc("create_webhook_endpoint", {
        p_org_id: world.org.id,
        p_url: "https://example.com/hook",
        p_description: "",
        p_event_types: ["referral.won"],
      });
      expect(error?.code, persona.name).toBe("42501");
    }
    const seen = await world.people.manager.client.from("webhook_endpoints").select("id");
    expect(seen.data).toEqual([]);
  });
});
