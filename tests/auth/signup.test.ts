import { createClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEnv } from "../support/env";
import { adminClient, anonClient, mailsTo, PASSWORD, randomEmail, randomIp, sql } from "./helpers";
import { startOwnAuth } from "./own-server";

const usersWith = (email: string) => sql<{ id: string }>("select id from auth.users where email = $1", [email]);

describe("with [auth] enable_signup = false (config.toml)", () => {
  it("says so in /settings", async () => {
    const response = await fetch(`${testEnv.apiUrl}/auth/v1/settings`, { headers: { apikey: testEnv.anonKey } });
    expect(await response.json()).toMatchObject({ disable_signup: true });
  });

  it("refuses signUp with 422 signup_disabled, and makes no user", async () => {
    const email = randomEmail("signup-off");
    const { data, error } = await anonClient().auth.signUp({ email, password: PASSWORD });
    expect(error).toMatchObject({ status: 422, code: "signup_disabled" });
    expect(data.user).toBeNull();
    expect(await usersWith(email)).toEqual([]);
  });

  it("refuses a magic link to an unknown email (create_user true) with 422 signup_disabled, and sends nothing", async () => {
    const email = randomEmail("otp-signup-off");
    const { error } = await anonClient().auth.signInWithOtp({ email });
    expect(error).toMatchObject({ status: 422, code: "signup_disabled" });
    expect(await usersWith(email)).toEqual([]);
    expect(await mailsTo(email)).toEqual([]);
  });

  it("keeps otp_disabled for an unknown email with create_user false", async () => {
    const { error } = await anonClient().auth.signInWithOtp({
      email: randomEmail("otp-off-unknown"),
      options: { shouldCreateUser: false },
    });
    expect(error).toMatchObject({ status: 422, code: "otp_disabled" });
  });

  it("refuses a magic link to an invited user who has not accepted yet, as GoTrue signs them up first", async () => {
    const email = randomEmail("otp-off-invited");
    await adminClient().auth.admin.inviteUserByEmail(email);
    const { error } = await anonClient().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    expect(error).toMatchObject({ status: 422, code: "signup_disabled" });
    expect((await mailsTo(email)).length).toBe(1); // the invitation alone
  });

  it("lets the admin API create, invite and generate links for new users", async () => {
    const admin = adminClient();
    expect((await admin.auth.admin.createUser({ email: randomEmail("off-create") })).error).toBeNull();
    expect((await admin.auth.admin.inviteUserByEmail(randomEmail("off-invite"))).error).toBeNull();
    const link = await admin.auth.admin.generateLink({
      type: "signup",
      email: randomEmail("off-gen"),
      password: PASSWORD,
    });
    expect(link.error).toBeNull();
  });
});

describe("with sign-ups on (GOTRUE_DISABLE_SIGNUP=false, email confirmations off)", () => {
  let own: Awaited<ReturnType<typeof startOwnAuth>>;
  const client = () =>
    createClient(own.apiUrl, testEnv.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, flowType: "implicit" },
      global: { headers: { "x-forwarded-for": randomIp() } },
    });

  beforeAll(async () => {
    own = await startOwnAuth(2, { GOTRUE_DISABLE_SIGNUP: "false" });
  });
  afterAll(async () => {
    await own?.close();
  });

  it("signs an unknown email up by magic link, with its data", async () => {
    const email = randomEmail("otp-signup");
    const { error } = await client().auth.signInWithOtp({ email, options: { data: { name: "New" } } });
    expect(error).toBeNull();
    const [user] = await sql<{ raw_user_meta_data: unknown; email_confirmed_at: Date | null; has_password: boolean }>(
      "select raw_user_meta_data, email_confirmed_at, encrypted_password <> '' as has_password from auth.users where email = $1",
      [email],
    );
    expect(user).toMatchObject({ raw_user_meta_data: { name: "New" }, has_password: true });
    expect(user!.email_confirmed_at).not.toBeNull();
    expect((await mailsTo(email)).length).toBe(1);
  });

  it("signs up with a password into a session, then answers 422 user_already_exists", async () => {
    const email = randomEmail("signup-on");
    const first = await client().auth.signUp({ email, password: PASSWORD, options: { data: { name: "Ada" } } });
    expect(first.error).toBeNull();
    expect(first.data.session?.access_token).toEqual(expect.any(String));
    expect(first.data.user).toMatchObject({ email, user_metadata: { name: "Ada" } });
    expect(first.data.user?.email_confirmed_at).toEqual(expect.any(String));
    const again = await client().auth.signUp({ email, password: PASSWORD });
    expect(again.error).toMatchObject({ status: 422, code: "user_already_exists" });
  });

  it("refuses a sign-up without a password, and a weak one", async () => {
    const email = randomEmail("signup-weak");
    expect((await client().auth.signUp({ email, password: "" })).error).toMatchObject({
      status: 400,
      code: "validation_failed",
    });
    expect((await client().auth.signUp({ email, password: "short" })).error).toMatchObject({
      status: 422,
      code: "weak_password",
    });
  });
});
