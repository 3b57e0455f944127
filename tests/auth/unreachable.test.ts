import { createClient } from "@supabase/supabase-js";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUnreachable } from "@/lib/supabase/unreachable";
import { testEnv } from "../support/env";
import { anonClient, PASSWORD, signedIn } from "./helpers";

/**
 * What supabase-js hands back when a part cannot be reached, read against real sockets: a
 * port nobody listens on (fetch fails), and a server that answers the way a gateway does
 * when its upstream is down (502, text or JSON without a code). The stack's own answers
 * (not signed in, RLS, a missing table) must not read as an outage.
 */
let closedUrl: string;
let gateway: http.Server;
let gatewayUrl: string;

beforeAll(async () => {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  gateway = http.createServer((request, response) => {
    if (request.url?.startsWith("/rest/")) {
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<html><body>502 Bad Gateway</body></html>");
    } else {
      response.writeHead(503, { "content-type": "application/json" });
      response.end(JSON.stringify({ message: "An invalid response was received from the upstream server" }));
    }
  });
  await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

const clientAt = (url: string) =>
  createClient(url, testEnv.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });

describe("isUnreachable", () => {
  it("is true for a PostgREST read whose fetch fails, and for a gateway's 502 page", async () => {
    const down = await clientAt(closedUrl).from("partners").select("id");
    expect(down.error).toMatchObject({ code: "", message: expect.stringMatching(/^TypeError: fetch failed/) });
    expect(isUnreachable(down.error)).toBe(true);
    const bad = await clientAt(gatewayUrl).from("partners").select("id");
    expect(bad.status).toBe(502);
    expect(isUnreachable(bad.error)).toBe(true);
  });

  it("is true for auth calls whose fetch fails or that get a 5xx", async () => {
    const down = await clientAt(closedUrl).auth.signInWithPassword({ email: "a@example.test", password: PASSWORD });
    expect(down.error).toMatchObject({ name: "AuthRetryableFetchError", status: 0 });
    expect(isUnreachable(down.error)).toBe(true);
    const bad = await clientAt(gatewayUrl).auth.getUser("not-a-token");
    expect(bad.error).toMatchObject({ name: "AuthRetryableFetchError", status: 503 });
    expect(isUnreachable(bad.error)).toBe(true);
  });

  it("is false for the stack's real answers: not signed in, a wrong password, RLS, a missing table", async () => {
    const client = anonClient();
    const noSession = await client.auth.getUser("not-a-token");
    expect(noSession.error).not.toBeNull();
    expect(isUnreachable(noSession.error)).toBe(false);
    const wrong = await client.auth.signInWithPassword({ email: "nobody@example.test", password: "wrong-password" });
    expect(isUnreachable(wrong.error)).toBe(false);

    const { accessToken } = await signedIn("unreachable-rls");
    const rest = createClient(testEnv.apiUrl, testEnv.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { headers: { authorization: `Bearer ${accessToken}` } },
    });
    const refused = await rest.from("organizations").insert({ name: "x", slug: `x-${Date.now()}` });
    expect(refused.error?.code).toBe("42501");
    expect(isUnreachable(refused.error)).toBe(false);
    const missing = await rest.from("no_such_table" as never).select("*");
    expect(missing.error?.code).toMatch(/^(PGRST\d+|42P01)$/);
    expect(isUnreachable(missing.error)).toBe(false);
    expect(isUnreachable(new Error("a bug"))).toBe(false);
  });
});
