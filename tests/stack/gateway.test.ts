import { createClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/db";
import { testEnv } from "../support/env";
import { mintUserJwt } from "../support/jwt";

const rest = () => `${testEnv.apiUrl}/rest/v1`;

describe("the API gateway", () => {
  it("serves PostgREST with the anon key and with the service key", async () => {
    for (const key of [testEnv.anonKey, testEnv.serviceRoleKey, testEnv.publishableKey, testEnv.secretKey]) {
      const response = await fetch(`${rest()}/`, { headers: { apikey: key } });
      expect(response.status).toBe(200);
    }
  });

  it("refuses a request without a key, and one with a bad key", async () => {
    const missing = await fetch(`${rest()}/`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ message: "No API key found in request" });

    const bad = await fetch(`${rest()}/`, { headers: { apikey: "not-a-key", authorization: "Bearer not-a-key" } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ message: "Invalid API key" });
  });

  it("answers CORS preflights for browsers", async () => {
    const response = await fetch(`${rest()}/`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:3000", "access-control-request-headers": "apikey, authorization" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
  });
});

describe("row level security through PostgREST", () => {
  // The table lives in `public` only for this test: PostgREST serves that schema alone.
  const table = `stack_rls_probe_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const alice = crypto.randomUUID();
  const bob = crypto.randomUUID();

  beforeAll(async () => {
    await sql(`
      create table public.${table} (id bigint generated always as identity primary key, owner uuid not null, body text not null);
      alter table public.${table} enable row level security;
      create policy "Owners read their rows" on public.${table} for select to authenticated using (owner = (select auth.uid()));
      grant select on public.${table} to authenticated;
      insert into public.${table} (owner, body) values ('${alice}', 'alice''s'), ('${bob}', 'bob''s');
    `);
  });

  afterAll(async () => {
    await sql(`drop table if exists public.${table}`);
  });

  async function readAs(token: string | undefined) {
    const client = createClient(testEnv.apiUrl, testEnv.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: token ? { headers: { Authorization: `Bearer ${token}` } } : {},
    });
    // The schema cache reloads through the DDL event trigger; allow it a moment.
    for (let attempt = 0; ; attempt++) {
      const result = await client.from(table).select("body");
      if (result.error?.code !== "PGRST205" || attempt > 40) return result;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it("shows a user only their own rows", async () => {
    const result = await readAs(await mintUserJwt(alice));
    expect(result.error).toBeNull();
    expect(result.data).toEqual([{ body: "alice's" }]);
  });

  it("shows anon nothing (no grant)", async () => {
    const result = await readAs(undefined);
    expect(result.data ?? []).toEqual([]);
    expect(result.error?.code).toBe("42501");
  });

  it("rejects a token signed with another secret", async () => {
    const forged = (await mintUserJwt(alice)).replace(/\.[^.]+$/, ".c2lnbmF0dXJl");
    const result = await readAs(forged);
    expect(result.data).toBeNull();
    expect(result.error?.code).toBe("PGRST301");
  });
});
