import { spawn } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { testEnv } from "../support/env";
import { anonClient, clientAs, serviceClient } from "./support/clients";
import { addFactor } from "./support/mfa";
import { createOrg, createStaff, type Org } from "./support/world";

/**
 * `npm run mfa:reset -- --email …`, the recovery when the last admin loses their device,
 * leaves an audit entry in every organization the person is staff of, written through the
 * one definer function the service role may call for it. Nobody else may call it.
 */

const projectDir = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(projectDir, "node_modules", "tsx", "dist", "cli.mjs");

/** Runs the command as an operator would, against the test stack with its secret key. */
function mfaReset(email: string): Promise<{ code: number; output: string }> {
  const env = { ...process.env, SUPABASE_URL: testEnv.apiUrl, SUPABASE_SECRET_KEY: testEnv.secretKey };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, "scripts/mfa-reset.ts", "--email", email], {
      cwd: projectDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

type Entry = {
  org_id: string;
  actor_id: string | null;
  actor_type: string;
  resource_id: string;
  metadata: Record<string, unknown>;
};

async function resetEntries(userId: string): Promise<Entry[]> {
  return sql<Entry>(
    `select org_id, actor_id, actor_type, resource_id, metadata from public.audit_log
      where action = 'org_member.mfa_reset' and metadata ->> 'member_id' = $1 order by org_id`,
    [userId],
  );
}

async function factorCount(userId: string): Promise<number> {
  const [row] = await sql<{ count: string }>("select count(*) from auth.mfa_factors where user_id = $1", [userId]);
  return Number(row!.count);
}

let first: Org;
let second: Org;
beforeAll(async () => {
  first = await createOrg("operator-reset");
  second = await createOrg("operator-reset-other");
});

describe("npm run mfa:reset: the audit entry", () => {
  it(
    "removes every authenticator and writes org_member.mfa_reset in each of the person's organizations",
    { timeout: 60_000 },
    async () => {
      const person = await createStaff(first.id, "admin", "lost-device");
      await sql("insert into public.org_members (org_id, user_id, role) values ($1, $2, 'member')", [
        second.id,
        person.id,
      ]);
      await addFactor(person.id);
      await addFactor(person.id, "unverified");

      const run = await mfaReset(person.email);
      expect(run, run.output).toMatchObject({ code: 0 });
      expect(run.output).toContain("Removed 2 authenticators");
      expect(await factorCount(person.id)).toBe(0);

      const entries = await resetEntries(person.id);
      expect(entries).toEqual(
        [first.id, second.id].sort().map((orgId) => ({
          org_id: orgId,
          actor_id: null,
          actor_type: "service",
          resource_id: `${orgId}:${person.id}`,
          metadata: { member_id: person.id, email: person.email, factors_removed: 2, via: "mfa:reset" },
        })),
      );

      // Where the organization's admins look for it: another admin of the first org reads it.
      const colleague = await createStaff(first.id, "admin", "colleague");
      const seen = await (
        await clientAs(colleague.id)
      )
        .from("audit_log")
        .select("org_id, action")
        .eq("action", "org_member.mfa_reset")
        .eq("resource_id", `${first.id}:${person.id}`);
      expect(seen.error).toBeNull();
      expect(seen.data).toEqual([{ org_id: first.id, action: "org_member.mfa_reset" }]);
    },
  );

  it("writes nothing when the person has no authenticator to remove", { timeout: 60_000 }, async () => {
    const person = await createStaff(first.id, "member", "no-device");
    const run = await mfaReset(person.email);
    expect(run, run.output).toMatchObject({ code: 0 });
    expect(run.output).toContain("nothing to remove");
    expect(await resetEntries(person.id)).toEqual([]);
  });
});

describe("record_operator_mfa_reset: only the service role, only a real reset", () => {
  it("an admin of the organization is refused and no entry is written", async () => {
    const admin = await createStaff(first.id, "admin", "admin");
    const member = await createStaff(first.id, "member", "target");
    const result = await (
      await clientAs(admin.id)
    ).rpc("record_operator_mfa_reset", {
      p_user_id: member.id,
      p_removed: 1,
    });
    expect(result.error?.code).toBe("42501");
    expect(await resetEntries(member.id)).toEqual([]);
  });

  it("anon is refused and no entry is written", async () => {
    const member = await createStaff(first.id, "member", "target-anon");
    const result = await anonClient().rpc("record_operator_mfa_reset", { p_user_id: member.id, p_removed: 1 });
    expect(result.error?.code).toBe("42501");
    expect(await resetEntries(member.id)).toEqual([]);
  });

  it("the service role cannot record a reset that removed nothing, nor one of an unknown account", async () => {
    const member = await createStaff(first.id, "member", "target-zero");
    const zero = await serviceClient().rpc("record_operator_mfa_reset", { p_user_id: member.id, p_removed: 0 });
    expect(zero.error?.code).toBe("22023");
    const unknown = await serviceClient().rpc("record_operator_mfa_reset", {
      p_user_id: crypto.randomUUID(),
      p_removed: 1,
    });
    expect(unknown.error?.code).toBe("P0002");
    expect(await resetEntries(member.id)).toEqual([]);
  });

  it("the service role records one entry per organization of the person (the control)", async () => {
    const member = await createStaff(second.id, "viewer", "target-service");
    const result = await serviceClient().rpc("record_operator_mfa_reset", { p_user_id: member.id, p_removed: 1 });
    expect(result.error).toBeNull();
    expect(result.data).toBe(1);
    expect((await resetEntries(member.id)).map((entry) => entry.org_id)).toEqual([second.id]);
  });
});

/**
 * Wrong authenticator codes, as the app counts them before it asks the auth server
 * (lib/mfa/check-code.ts): 5 per account and 30 per client address in 15 minutes, as shipped
 * (the test stack loosens neither).
 */
describe("the authenticator code limits (mfa_verify)", () => {
  const who = () => `mfa-codes-${crypto.randomUUID().slice(0, 8)}@staff.test`;
  const from = () => `192.0.2.${Math.floor(Math.random() * 250) + 1}-${crypto.randomUUID().slice(0, 6)}`;
  async function limitRpc(name: "auth_limit_record" | "auth_limit_check", p_email: string, p_address: string) {
    const { data, error } = await serviceClient().rpc(name, { p_action: "mfa_verify", p_email, p_address });
    if (error) throw new Error(`${name}: ${error.message}`);
    return data as number;
  }
  const wrongCode = (email: string, address: string) => limitRpc("auth_limit_record", email, address);
  const wait = (email: string, address: string) => limitRpc("auth_limit_check", email, address);

  it("are 5 per account and 30 per address in 15 minutes", async () => {
    const rules = await sql<{ kind: string; max_hits: number; window_seconds: number }>(
      "select kind, max_hits, window_seconds from private.rate_limit_rules where kind like 'mfa_verify.%' order by kind",
    );
    expect(rules).toEqual([
      { kind: "mfa_verify.account", max_hits: 5, window_seconds: 900 },
      { kind: "mfa_verify.address", max_hits: 30, window_seconds: 900 },
    ]);
  });

  it("let four wrong codes through, slow the account at the fifth, from any address, and no other account", async () => {
    const account = who();
    const address = from();
    for (let n = 1; n <= 4; n++) expect({ n, wait: await wrongCode(account, address) }).toEqual({ n, wait: 0 });
    const slowed = await wrongCode(account, address);
    expect(slowed).toBeGreaterThan(0);
    expect(slowed).toBeLessThanOrEqual(900);
    expect(await wait(account, address)).toBeGreaterThan(0);
    // The limit is the account's: another address does not reset it.
    expect(await wait(account, from())).toBeGreaterThan(0);
    // The control: another account from the same address is still asked for its code.
    expect(await wait(who(), address)).toBe(0);
  });

  it("slow one address after 30 wrong codes across accounts, and leave other addresses alone", async () => {
    const address = from();
    const waits: number[] = [];
    for (let n = 0; n < 30; n++) waits.push(await wrongCode(who(), address));
    expect(waits.slice(0, 29).every((seconds) => seconds === 0)).toBe(true);
    expect(waits[29]).toBeGreaterThan(0);
    expect(await wait(who(), address)).toBeGreaterThan(0);
    expect(await wait(who(), from())).toBe(0);
  });

  it("hold a minute later and fade once the window has passed", async () => {
    const account = who();
    const address = from();
    const moveClockTo = (offset: number) => sql("update private.rate_limit_clock set offset_seconds = $1", [offset]);
    try {
      for (let n = 0; n < 5; n++) await wrongCode(account, address);
      expect(await wait(account, address)).toBeGreaterThan(0);
      // A minute on, still slowed (the window slides, so the five still weigh in full).
      await moveClockTo(60);
      expect(await wait(account, address)).toBeGreaterThan(0);
      await moveClockTo(2 * 900);
      expect(await wait(account, address)).toBe(0);
    } finally {
      await moveClockTo(0);
    }
  });
});
