import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "../support/db";
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
    if (run.events === 0 && run.emails.claimed === 0) return;
  }
}

let world: World;
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
