import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { anonClient, clientAs, serviceClient } from "./support/clients";
import { token } from "./support/rows";
import { createOrg, createPartner, createStaff } from "./support/world";

/**
 * The abuse limits live in Postgres, shared by every app instance: sign-in limits behind
 * functions only service_role may run, write and portal-event limits in the database itself.
 * Each test uses emails and addresses of its own, and reads the limits from the rules table
 * (the test stack may relax them for the browser tests).
 */

type Limit = { max_hits: number; window_seconds: number };
let rules: Record<string, Limit>;

beforeAll(async () => {
  const rows = await sql<Limit & { kind: string }>(
    "select kind, max_hits, window_seconds from private.rate_limit_rules",
  );
  rules = Object.fromEntries(rows.map((row) => [row.kind, row]));
});

afterAll(async () => {
  await sql("update private.rate_limit_clock set offset_seconds = 0");
});

const email = () => `limit-${token()}@example.test`;
const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${token()}`;

async function rpc(name: string, args: Record<string, unknown>) {
  const { data, error } = await serviceClient().rpc(name, args);
  if (error) throw new Error(`${name}: ${error.message}`);
  return data as number;
}
const check = (action: string, p_email: string, p_address: string) =>
  rpc("auth_limit_check", { p_action: action, p_email, p_address });
const record = (action: string, p_email: string, p_address: string) =>
  rpc("auth_limit_record", { p_action: action, p_email, p_address });

describe("who may run the sign-in limit functions", () => {
  it.each(["auth_limit_check", "auth_limit_record", "auth_limit_succeeded"])(
    "%s is refused to anon and to a signed-in person, and runs for service_role",
    async (name) => {
      const args = { p_action: "password", p_email: email(), p_address: address() };
      const org = await createOrg("limits-grants");
      const member = await createStaff(org.id, "member", "limits");
      for (const client of [anonClient(), await clientAs(member.id)]) {
        const { error } = await client.rpc(name, args);
        expect(error?.code).toMatch(/^(42501|PGRST202)$/);
      }
      const allowed = await serviceClient().rpc(name, args);
      expect(allowed.error).toBeNull();
    },
  );

  it("keeps the counters and rules out of the API, even for service_role", async () => {
    const { error } = await serviceClient()
      .schema("private" as "public")
      .from("rate_limit_counters")
      .select("*");
    expect(error).not.toBeNull();
    const [row] = await sql<{ service: boolean }>(
      "select has_table_privilege('service_role', 'private.rate_limit_counters', 'select') as service",
    );
    expect(row!.service).toBe(false);
  });
});

describe("failed password sign-ins", () => {
  it("slow one account from one address down after its limit, and say for how long", async () => {
    const who = email();
    const from = address();
    const limit = rules["password.account_address"]!;
    for (let i = 1; i < limit.max_hits; i++) expect(await record("password", who, from)).toBe(0);
    expect(await check("password", who, from)).toBe(0);
    const wait = await record("password", who, from);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(limit.window_seconds);
    expect(await check("password", who, from)).toBeGreaterThan(0);
  });

  it("leave the same account signing in from another address, and everyone else from the first", async () => {
    const who = email();
    const from = address();
    for (let i = 0; i < rules["password.account_address"]!.max_hits; i++) await record("password", who, from);
    expect(await check("password", who, from)).toBeGreaterThan(0);
    expect(await check("password", who, address())).toBe(0);
    expect(await check("password", email(), from)).toBe(0);
  });

  it("forgive an account's failures from an address once it signs in there", async () => {
    const who = email();
    const from = address();
    for (let i = 0; i < rules["password.account_address"]!.max_hits; i++) await record("password", who, from);
    await rpc("auth_limit_succeeded", { p_action: "password", p_email: who, p_address: from });
    expect(await check("password", who, from)).toBe(0);
  });

  it("hold across a window's boundary, and fade over the window after it", async () => {
    const who = email();
    const from = address();
    const { window_seconds: window, max_hits: max } = rules["password.account_address"]!;
    const moveClockTo = (offset: number) => sql("update private.rate_limit_clock set offset_seconds = $1", [offset]);
    // Two seconds before a window ends: spending the whole limit there used to be forgotten
    // a moment later, when the next window began with a fresh count.
    const [{ epoch }] = (await sql<{ epoch: number }>("select extract(epoch from now())::float8 as epoch")) as [
      { epoch: number },
    ];
    const beforeBoundary = Math.floor(window - (epoch % window)) - 2;
    try {
      await moveClockTo(beforeBoundary);
      for (let i = 0; i < max; i++) await record("password", who, from);
      expect(await check("password", who, from)).toBeGreaterThan(0);
      // Just after the boundary the spent limit still weighs fully: no fresh allowance.
      await moveClockTo(beforeBoundary + 4);
      let allowed = 0;
      while (allowed <= max && (await check("password", who, from)) === 0) {
        await record("password", who, from);
        allowed += 1;
      }
      expect(allowed).toBe(0);
      // A whole window later the hits weigh almost nothing, and two windows later nothing.
      await moveClockTo(beforeBoundary + 2 * window);
      expect(await check("password", who, from)).toBe(0);
    } finally {
      await moveClockTo(0);
    }
  });

  it("record an audit entry in the account's organization when it is slowed down", async () => {
    const org = await createOrg("limits-audit");
    const staff = await createStaff(org.id, "manager", "limits-audit");
    const from = address();
    for (let i = 0; i < rules["password.account_address"]!.max_hits; i++) await record("password", staff.email, from);
    const entries = await sql<{ action: string; actor_id: string; ip: string }>(
      "select action, actor_id, ip from public.audit_log where org_id = $1 and action = 'auth.sign_in_throttled'",
      [org.id],
    );
    expect(entries).toEqual([{ action: "auth.sign_in_throttled", actor_id: staff.id, ip: from }]);
  });
});

describe("codes and links", () => {
  it("after its limit of wrong codes an email is refused codes until it asks for a new one", async () => {
    const who = email();
    const from = address();
    for (let i = 0; i < rules["otp_verify.email"]!.max_hits; i++) await record("otp_verify", who, address());
    expect(await check("otp_verify", who, from)).toBeGreaterThan(0);
    expect(await record("otp_request", who, from)).toBe(0);
    expect(await check("otp_verify", who, from)).toBe(0);
  });

  it("limit the links one email may ask for, whatever the address", async () => {
    const who = email();
    for (let i = 1; i < rules["otp_request.email"]!.max_hits; i++)
      expect(await record("otp_request", who, address())).toBe(0);
    expect(await record("otp_request", who, address())).toBeGreaterThan(0);
    expect(await check("otp_request", who, address())).toBeGreaterThan(0);
    expect(await check("otp_request", email(), address())).toBe(0);
  });

  it("limit password resets per address", async () => {
    const from = address();
    for (let i = 1; i < rules["recover.address"]!.max_hits; i++) expect(await record("recover", email(), from)).toBe(0);
    expect(await record("recover", email(), from)).toBeGreaterThan(0);
    expect(await check("recover", email(), address())).toBe(0);
  });
});

describe("writes and portal events, limited in the database", () => {
  it("refuse a person's writes beyond the limit with 54000 and a wait, and leave others writing", async () => {
    const org = await createOrg("limits-writes");
    const fast = await createStaff(org.id, "member", "fast");
    const other = await createStaff(org.id, "member", "other");
    const partner = await createPartner(org.id);
    const limit = rules["write.user"]!;
    // Fill the person's window behind the API's back, then write once more through it.
    await sql(
      `insert into private.rate_limit_counters (kind, key_hash, window_start, hits)
       values ('write.user', private.rate_limit_key($1),
               to_timestamp(floor(extract(epoch from private.rate_limit_now()) / $2) * $2), $3)`,
      [fast.id, limit.window_seconds, limit.max_hits],
    );
    const refused = await (
      await clientAs(fast.id)
    )
      .from("partners")
      .update({ region: "Refused" })
      .eq("id", partner.id as string);
    expect(refused.error?.code).toBe("54000");
    expect(refused.error?.hint).toMatch(/^retry_after=\d+$/);
    const [row] = await sql<{ region: string | null }>("select region from public.partners where id = $1", [
      partner.id,
    ]);
    expect(row!.region).not.toBe("Refused");

    const allowed = await (
      await clientAs(other.id)
    )
      .from("partners")
      .update({ region: "Allowed" })
      .eq("id", partner.id as string);
    expect(allowed.error).toBeNull();
    const [after] = await sql<{ region: string }>("select region from public.partners where id = $1", [partner.id]);
    expect(after!.region).toBe("Allowed");
  });

  it("never stop the service role or the seed", async () => {
    const org = await createOrg("limits-service");
    const partner = await createPartner(org.id);
    const { error } = await serviceClient()
      .from("partners")
      .update({ region: "Service" })
      .eq("id", partner.id as string);
    expect(error).toBeNull();
  });
});
