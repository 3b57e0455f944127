import { beforeAll, describe, expect, it } from "vitest";
import { CONSTRAINT_MESSAGES } from "@/lib/db/constraint-messages";
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
