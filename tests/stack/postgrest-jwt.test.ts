import { createClient } from "@supabase/supabase-js";
import { decodeProtectedHeader, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { testEnv } from "../support/env";
import { mintUserJwt } from "../support/jwt";

/**
 * PostgREST is given a key set holding the auth server's EC public key and the HS256
 * secret (as hosted projects with signing keys are), so it must take the ES256 tokens of
 * sessions, HS256 tokens signed with the secret, and the legacy anon and service_role
 * keys, and refuse anything else.
 */
const table = `stack_jwt_probe_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
const email = `jwt-probe-${crypto.randomUUID().slice(0, 8)}@example.test`;
const password = "correct-horse-battery";
let userId = "";
let sessionToken = "";

beforeAll(async () => {
  const admin = createClient(testEnv.apiUrl, testEnv.serviceRoleKey, { auth: { persistSession: false } });
  const created = await admin.auth.admin.createUser({ email, password, email_confirm: true });
  userId = created.data.user!.id;
  const anon = createClient(testEnv.apiUrl, testEnv.anonKey, { auth: { persistSession: false } });
  sessionToken = (await anon.auth.signInWithPassword({ email, password })).data.session!.access_token;
  await sql(`
    create table public.${table} (id bigint generated always as identity primary key, owner uuid not null, body text not null);
    alter table public.${table} enable row level security;
    create policy "Owners read their rows" on public.${table} for select to authenticated using (owner = (select auth.uid()));
    grant select on public.${table} to authenticated, service_role;
    insert into public.${table} (owner, body) values ('${userId}', 'mine'), ('${crypto.randomUUID()}', 'theirs');
  `);
});

afterAll(async () => {
  await sql(`drop table if exists public.${table}`);
});

async function readAs(token: string) {
  const client = createClient(testEnv.apiUrl, testEnv.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    global: { headers: { Authorization: `Bearer ${token}` } },
  });
  // The schema cache reloads through the DDL event trigger; allow it a moment.
  for (let attempt = 0; ; attempt++) {
    const result = await client.from(table).select("body").order("body");
    if (result.error?.code !== "PGRST205" || attempt > 40) return result;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("PostgREST's JWT key set", () => {
  it("takes a session's ES256 access token as the user", async () => {
    expect(decodeProtectedHeader(sessionToken).alg).toBe("ES256");
    const result = await readAs(sessionToken);
    expect(result.error).toBeNull();
    expect(result.data).toEqual([{ body: "mine" }]);
  });

  it("takes an HS256 token signed with the JWT secret as the user", async () => {
    const result = await readAs(await mintUserJwt(userId));
    expect(result.error).toBeNull();
    expect(result.data).toEqual([{ body: "mine" }]);
  });

  it("takes the legacy service_role key (all rows) and anon key (anon: no grant)", async () => {
    expect((await readAs(testEnv.serviceRoleKey)).data).toEqual([{ body: "mine" }, { body: "theirs" }]);
    const anon = await readAs(testEnv.anonKey);
    expect(anon.error?.code).toBe("42501");
  });

  it("refuses a tampered ES256 token, one signed by another EC key under the same kid, and another secret's", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const header = decodeProtectedHeader(sessionToken);
    const payload = JSON.parse(Buffer.from(sessionToken.split(".")[1]!, "base64url").toString()) as Record<
      string,
      unknown
    >;
    const otherKey = await new SignJWT(payload)
      .setProtectedHeader({ alg: "ES256", kid: header.kid!, typ: "JWT" })
      .sign(privateKey);
    const otherSecret = await new SignJWT({ sub: userId, role: "authenticated", aud: "authenticated" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("another-secret-with-at-least-32-characters"));
    const tampered = `${sessionToken.split(".").slice(0, 2).join(".")}.${Buffer.alloc(64, 7).toString("base64url")}`;
    for (const token of [tampered, otherKey, otherSecret]) {
      const result = await readAs(token);
      expect(result.data).toBeNull();
      expect(result.error?.code).toBe("PGRST301");
    }
  });
});
