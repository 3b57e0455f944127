import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEnv } from "../support/env";
import {
  adminClient,
  anonClient,
  authFetch,
  createUser,
  mailsTo,
  parseMail,
  PASSWORD,
  randomEmail,
  sql,
  waitForMail,
} from "./helpers";
import { testStackConfig } from "../support/test-stack";

const SITE_URL = testStackConfig().siteUrl;

describe("admin endpoints need the service role", () => {
  it("answers 403 not_admin to a user's token and to the anon key", async () => {
    const { data } = await anonClient().auth.signInWithPassword({
      email: (await createUser("admin-notadmin")).email,
      password: PASSWORD,
    });
    for (const token of [data.session!.access_token, testEnv.anonKey]) {
      const response = await authFetch("/admin/users", { token });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: "not_admin" });
    }
  });

  it("accepts the opaque secret key too (the gateway turns it into the service role)", async () => {
    const response = await fetch(`${testEnv.apiUrl}/auth/v1/admin/users?per_page=1`, {
      headers: { apikey: testEnv.secretKey, authorization: `Bearer ${testEnv.secretKey}` },
    });
    expect(response.status).toBe(200);
  });
});

describe("admin.createUser (POST /admin/users)", () => {
  it("creates a user with metadata, confirmed on request", async () => {
    const email = randomEmail("admin-create");
    const { data, error } = await adminClient().auth.admin.createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
      user_metadata: { name: "Ada" },
      app_metadata: { org: "acme" },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      email,
      aud: "authenticated",
      role: "authenticated",
      user_metadata: { name: "Ada" },
    });
    expect(data.user!.app_metadata).toEqual({ provider: "email", providers: ["email"], org: "acme" });
    expect(data.user!.email_confirmed_at).toEqual(expect.any(String));
    const [row] = await sql<{ confirmation_token: string; recovery_token: string }>(
      "select confirmation_token, recovery_token from auth.users where id = $1",
      [data.user!.id],
    );
    expect(row).toEqual({ confirmation_token: "", recovery_token: "" });
  });

  it("answers 422 email_exists for a taken email, whatever its case", async () => {
    const { email } = await createUser("admin-dup");
    const { error } = await adminClient().auth.admin.createUser({ email: email.toUpperCase(), password: PASSWORD });
    expect(error).toMatchObject({ status: 422, code: "email_exists" });
  });

  it("answers 422 weak_password and 400 validation_failed for a bad email", async () => {
    const admin = adminClient();
    expect(
      (await admin.auth.admin.createUser({ email: randomEmail("admin-weak"), password: "123" })).error,
    ).toMatchObject({ status: 422, code: "weak_password" });
    expect((await admin.auth.admin.createUser({ email: "not-an-email", password: PASSWORD })).error).toMatchObject({
      status: 400,
      code: "validation_failed",
    });
  });
});

describe("application triggers on auth.users", () => {
  const table = `auth_trigger_probe_${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
  beforeAll(async () => {
    await sql(`
      create table public.${table} (user_id uuid primary key, email text);
      create function public.${table}_fn() returns trigger language plpgsql security definer set search_path = '' as $$
      begin
        if new.email like 'auth-trigger-%' then insert into public.${table} values (new.id, new.email); end if;
        return new;
      end $$;
      create trigger ${table}_trg after insert on auth.users for each row execute function public.${table}_fn();
    `);
  });
  afterAll(async () => {
    await sql(
      `drop trigger if exists ${table}_trg on auth.users; drop function if exists public.${table}_fn(); drop table if exists public.${table};`,
    );
  });

  it("fire for users made by createUser, invite and a generated magic link's sign-up", async () => {
    const admin = adminClient();
    const created = await admin.auth.admin.createUser({ email: randomEmail("trigger"), password: PASSWORD });
    const invited = await admin.auth.admin.inviteUserByEmail(randomEmail("trigger"));
    const linked = await admin.auth.admin.generateLink({ type: "magiclink", email: randomEmail("trigger") });
    const rows = await sql<{ user_id: string; email: string }>(`select user_id, email from public.${table}`);
    expect(rows.map((row) => row.user_id).sort()).toEqual(
      [created.data.user!.id, invited.data.user!.id, linked.data.user!.id].sort(),
    );
  });
});

describe("admin.inviteUserByEmail (POST /invite)", () => {
  it("creates the user, marks invited_at, and mails an invite link that signs in and confirms", async () => {
    const email = randomEmail("invite");
    const { data, error } = await adminClient().auth.admin.inviteUserByEmail(email, {
      data: { name: "Pat" },
      redirectTo: `${SITE_URL}/portal`,
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, user_metadata: { name: "Pat" } });
    expect(data.user!.invited_at).toEqual(expect.any(String));
    expect(data.user!.email_confirmed_at).toBeUndefined();

    const mail = await waitForMail(email);
    expect(mail.subject).toBe("You're invited to Partnerdesk");
    const { link } = parseMail(mail);
    expect(link.pathname).toBe("/auth/confirm");
    expect(link.searchParams.get("type")).toBe("invite");
    expect(link.searchParams.get("redirect_to")).toBe(`${SITE_URL}/portal`);

    const verified = await anonClient().auth.verifyOtp({
      token_hash: link.searchParams.get("token_hash")!,
      type: "invite",
    });
    expect(verified.error).toBeNull();
    expect(verified.data.user?.email_confirmed_at).toEqual(expect.any(String));
  });

  it("answers 422 email_exists for a confirmed user", async () => {
    const { email } = await createUser("invite-dup");
    const { error } = await adminClient().auth.admin.inviteUserByEmail(email);
    expect(error).toMatchObject({ status: 422, code: "email_exists" });
  });

  it("re-invites a user who has not accepted: a new email, and the first invitation's data kept", async () => {
    const email = randomEmail("reinvite");
    const admin = adminClient();
    const first = await admin.auth.admin.inviteUserByEmail(email, { data: { name: "First" } });
    const again = await admin.auth.admin.inviteUserByEmail(email, { data: { name: "Second", extra: true } });
    expect(again.error).toBeNull();
    expect(again.data.user?.id).toBe(first.data.user!.id);
    expect(again.data.user?.user_metadata).toEqual({ name: "First" });
    expect(await mailsTo(email)).toHaveLength(2);
    const firstHash = parseMail((await mailsTo(email))[0]!).link.searchParams.get("token_hash")!;
    expect((await anonClient().auth.verifyOtp({ token_hash: firstHash, type: "invite" })).error).toMatchObject({
      code: "otp_expired",
    });
  });
});

describe("admin.generateLink (POST /admin/generate_link)", () => {
  it("returns the user and the link properties, and sends no email", async () => {
    const { email, id } = await createUser("genlink");
    const { data, error } = await adminClient().auth.admin.generateLink({
      type: "magiclink",
      email,
      options: { redirectTo: `${SITE_URL}/x` },
    });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(id);
    const props = data.properties!;
    expect(props.verification_type).toBe("magiclink");
    expect(props.email_otp).toMatch(/^\d{6}$/);
    expect(props.hashed_token).toMatch(/^[0-9a-f]{56}$/);
    expect(props.redirect_to).toBe(`${SITE_URL}/x`);
    expect(props.action_link).toBe(
      `${testEnv.apiUrl}/auth/v1/verify?token=${props.hashed_token}&type=magiclink&redirect_to=${encodeURIComponent(`${SITE_URL}/x`)}`,
    );
    expect(await mailsTo(email)).toEqual([]);
    expect((await anonClient().auth.verifyOtp({ email, token: props.email_otp, type: "magiclink" })).error).toBeNull();
  });

  it("makes invite and signup links for new users", async () => {
    const admin = adminClient();
    const invite = await admin.auth.admin.generateLink({ type: "invite", email: randomEmail("genlink-invite") });
    expect(invite.error).toBeNull();
    expect(invite.data.user?.invited_at).toEqual(expect.any(String));
    const signup = await admin.auth.admin.generateLink({
      type: "signup",
      email: randomEmail("genlink-signup"),
      password: PASSWORD,
    });
    expect(signup.error).toBeNull();
    expect(signup.data.properties?.verification_type).toBe("signup");
  });

  it("turns a magic link for an unknown email into a sign-up link that makes the user, and mails nothing", async () => {
    const email = randomEmail("genlink-new");
    const { data, error } = await adminClient().auth.admin.generateLink({
      type: "magiclink",
      email,
      options: { data: { name: "Lin" } },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, user_metadata: { name: "Lin" } });
    expect(data.user?.email_confirmed_at).toBeUndefined();
    expect(data.user?.invited_at).toBeUndefined();
    expect(data.properties?.verification_type).toBe("signup");
    expect(new URL(data.properties!.action_link).searchParams.get("type")).toBe("signup");
    const [row] = await sql<{ has_password: boolean }>(
      "select encrypted_password <> '' as has_password from auth.users where id = $1",
      [data.user!.id],
    );
    expect(row!.has_password).toBe(true);
    expect(await mailsTo(email)).toEqual([]);
    const verified = await anonClient().auth.verifyOtp({ token_hash: data.properties!.hashed_token, type: "signup" });
    expect(verified.error).toBeNull();
    expect(verified.data.user?.email_confirmed_at).toEqual(expect.any(String));
  });

  it("answers 404 user_not_found for a recovery link to an unknown email, and makes no user", async () => {
    const email = randomEmail("genlink-unknown");
    const { error } = await adminClient().auth.admin.generateLink({ type: "recovery", email });
    expect(error).toMatchObject({ status: 404, code: "user_not_found" });
    expect(await sql("select id from auth.users where email = $1", [email])).toEqual([]);
  });

  it("returns an existing user from a magic link without touching them, and a re-invite keeps their data", async () => {
    const email = randomEmail("genlink-existing");
    const admin = adminClient();
    const invited = await admin.auth.admin.inviteUserByEmail(email, { data: { name: "Kept" } });
    const magic = await admin.auth.admin.generateLink({ type: "magiclink", email });
    expect(magic.data.user?.id).toBe(invited.data.user!.id);
    expect(magic.data.properties?.verification_type).toBe("magiclink");
    const invite = await admin.auth.admin.generateLink({ type: "invite", email, options: { data: { name: "New" } } });
    expect(invite.data.user?.user_metadata).toEqual({ name: "Kept" });
  });
});

describe("admin.listUsers (GET /admin/users)", () => {
  it("pages with X-Total-Count and Link rel next/last, page first", async () => {
    for (let i = 0; i < 3; i++) await createUser("list");
    const response = await fetch(`${testEnv.apiUrl}/auth/v1/admin/users?page=1&per_page=2`, {
      headers: { apikey: testEnv.serviceRoleKey, authorization: `Bearer ${testEnv.serviceRoleKey}` },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { users: unknown[]; aud: string };
    expect(body.users).toHaveLength(2);
    expect(body.aud).toBe("authenticated");
    const total = Number(response.headers.get("x-total-count"));
    expect(total).toBeGreaterThanOrEqual(3);
    const link = response.headers.get("link")!;
    expect(link).toContain('</admin/users?page=2&per_page=2>; rel="next"');
    expect(link).toContain(`</admin/users?page=${Math.ceil(total / 2)}&per_page=2>; rel="last"`);

    const { data, error } = await adminClient().auth.admin.listUsers({ page: 1, perPage: 2 });
    expect(error).toBeNull();
    expect(data.users).toHaveLength(2);
    expect(data).toMatchObject({ nextPage: 2 });
    expect((data as { total?: number }).total).toBeGreaterThanOrEqual(total);
  });
});

describe("GET /admin/users?filter= (find a user by email without sending anything)", () => {
  const list = async (filter: string) => {
    const response = await fetch(
      `${testEnv.apiUrl}/auth/v1/admin/users?${new URLSearchParams({ filter, per_page: "50" })}`,
      { headers: { apikey: testEnv.serviceRoleKey, authorization: `Bearer ${testEnv.serviceRoleKey}` } },
    );
    expect(response.status).toBe(200);
    return {
      total: Number(response.headers.get("x-total-count")),
      users: ((await response.json()) as { users: { id: string; email: string }[] }).users,
    };
  };

  it("matches a part of the email, and user_metadata.full_name ignoring case", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const { id, email } = await createUser(`filter-${tag}`, { user_metadata: { full_name: `Quinn ${tag}-Surname` } });
    const other = await createUser(`filter-${tag}x`);
    const byEmail = await list(email);
    expect(byEmail.users.map((user) => user.id)).toEqual([id]);
    expect(byEmail.total).toBe(1);
    expect((await list(`filter-${tag}`)).users.map((user) => user.id).sort()).toEqual([id, other.id].sort());
    expect((await list(`${tag}-SURNAME`)).users.map((user) => user.id)).toEqual([id]);
    expect((await list(`nobody-${tag}`)).users).toEqual([]);
  });

  it("sends no email and issues no token", async () => {
    const { id, email } = await createUser("filter-quiet");
    await list(email);
    expect(await mailsTo(email)).toEqual([]);
    expect(await sql("select id from auth.one_time_tokens where user_id = $1", [id])).toEqual([]);
  });
});

describe("admin.updateUserById (PUT /admin/users/:id)", () => {
  it("bans with ban_duration and lifts the ban with none", async () => {
    const { id } = await createUser("ban");
    const admin = adminClient();
    const banned = await admin.auth.admin.updateUserById(id, { ban_duration: "876000h" });
    expect(banned.error).toBeNull();
    expect(new Date(banned.data.user!.banned_until!).getTime()).toBeGreaterThan(
      Date.now() + 99 * 365 * 24 * 3600 * 1000,
    );
    const lifted = await admin.auth.admin.updateUserById(id, { ban_duration: "none" });
    expect(lifted.data.user?.banned_until).toBeUndefined();
  });

  it("answers 400 validation_failed for a bad ban_duration", async () => {
    const { id } = await createUser("ban-bad");
    const { error } = await adminClient().auth.admin.updateUserById(id, { ban_duration: "forever" });
    expect(error).toMatchObject({ status: 400, code: "validation_failed" });
  });

  it("updates password, metadata and confirmation", async () => {
    const email = randomEmail("update");
    const admin = adminClient();
    const { data: created } = await admin.auth.admin.createUser({ email });
    const { data, error } = await admin.auth.admin.updateUserById(created.user!.id, {
      password: "another-password",
      email_confirm: true,
      user_metadata: { name: "Lee" },
      app_metadata: { tier: "gold" },
    });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      user_metadata: { name: "Lee" },
      app_metadata: { provider: "email", providers: ["email"], tier: "gold" },
    });
    expect((await anonClient().auth.signInWithPassword({ email, password: "another-password" })).error).toBeNull();
  });

  it("answers 404 user_not_found for an unknown id", async () => {
    const { error } = await adminClient().auth.admin.updateUserById(crypto.randomUUID(), { user_metadata: {} });
    expect(error).toMatchObject({ status: 404, code: "user_not_found" });
  });
});

describe("admin.deleteUser (DELETE /admin/users/:id)", () => {
  it("deletes the user with their sessions, then answers 404 user_not_found", async () => {
    const { id, email } = await createUser("delete");
    const { data: session } = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    const admin = adminClient();
    expect((await admin.auth.admin.deleteUser(id)).error).toBeNull();
    expect(await sql("select id from auth.users where id = $1", [id])).toEqual([]);
    expect((await anonClient().auth.getUser(session.session!.access_token)).error).toMatchObject({
      code: "user_not_found",
    });
    expect((await admin.auth.admin.deleteUser(id)).error).toMatchObject({ status: 404, code: "user_not_found" });
  });
});
