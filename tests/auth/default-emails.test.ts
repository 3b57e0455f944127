import { createServerClient } from "@supabase/ssr";
import { createClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEnv } from "../support/env";
import { testStackConfig } from "../support/test-stack";
import { claims, createUser, randomEmail, waitForMail, type Mail } from "./helpers";
import { startOwnAuth } from "./own-server";

/**
 * A hosted project whose email templates were never customised sends GoTrue's default
 * emails: one link, {{ .ConfirmationURL }}, to GET /verify, which redirects to the app.
 * GOTRUE_MAILER_TEMPLATES=default makes the local server do the same, so the app's
 * callback route can be tested against them.
 */
const SITE_URL = testStackConfig().siteUrl;
const CALLBACK = `${SITE_URL}/auth/callback`;
let own: Awaited<ReturnType<typeof startOwnAuth>>;

beforeAll(async () => {
  own = await startOwnAuth(3, { GOTRUE_MAILER_TEMPLATES: "default" });
});
afterAll(async () => {
  await own?.close();
});

function onlyLink(mail: Mail): URL {
  const hrefs = [...mail.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
  expect(hrefs).toHaveLength(1);
  return new URL(hrefs[0]!);
}

const click = (link: URL) => fetch(link, { redirect: "manual" });

function cookieClient() {
  const jar = new Map<string, string>();
  return () =>
    createServerClient(own.apiUrl, testEnv.anonKey, {
      cookies: {
        getAll: () => [...jar].map(([name, value]) => ({ name, value })),
        setAll: (cookies) => {
          for (const { name, value, options } of cookies) {
            if (value === "" || options?.maxAge === 0) jar.delete(name);
            else jar.set(name, value);
          }
        },
      },
    });
}

describe("GoTrue's default emails (GOTRUE_MAILER_TEMPLATES=default)", () => {
  it("mails a PKCE magic link to /verify, which answers 303 redirect_to?code=, exchanged for a session", async () => {
    const user = await createUser("default-pkce");
    const client = cookieClient();
    const sent = await client().auth.signInWithOtp({
      email: user.email,
      options: { shouldCreateUser: false, emailRedirectTo: CALLBACK },
    });
    expect(sent.error).toBeNull();

    const mail = await waitForMail(user.email);
    expect(mail.subject).toBe("Your Magic Link");
    expect(mail.html).not.toContain("/auth/confirm");
    expect(mail.html.replace(/<[^>]+>/g, " ")).not.toMatch(/\b\d{6}\b/);
    const link = onlyLink(mail);
    expect(`${link.origin}${link.pathname}`).toBe(`${own.apiUrl}/auth/v1/verify`);
    expect([...link.searchParams.keys()]).toEqual(["token", "type", "redirect_to"]);
    expect(link.searchParams.get("token")).toMatch(/^pkce_[0-9a-f]{56}$/);
    expect(link.searchParams.get("type")).toBe("magiclink");
    expect(link.searchParams.get("redirect_to")).toBe(CALLBACK);

    const response = await click(link);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect([...location.searchParams.keys()]).toEqual(["code"]);
    expect(location.hash).toBe("");

    const { data, error } = await client().auth.exchangeCodeForSession(location.searchParams.get("code")!);
    expect(error).toBeNull();
    expect(data.session?.user.id).toBe(user.id);
  });

  it("mails an invitation whose link answers 303 redirect_to#access_token=…&type=invite (implicit)", async () => {
    const email = randomEmail("default-invite");
    const admin = createClient(own.apiUrl, testEnv.serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
    });
    const invited = await admin.auth.admin.inviteUserByEmail(email, { redirectTo: CALLBACK });
    expect(invited.error).toBeNull();

    const mail = await waitForMail(email);
    expect(mail.subject).toBe("You have been invited");
    const link = onlyLink(mail);
    expect(link.searchParams.get("token")).toMatch(/^[0-9a-f]{56}$/);
    expect(link.searchParams.get("type")).toBe("invite");

    const response = await click(link);
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(location.startsWith(`${CALLBACK}#`)).toBe(true);
    const fragment = new URLSearchParams(location.slice(CALLBACK.length + 1));
    expect([...fragment.keys()]).toEqual([
      "access_token",
      "expires_at",
      "expires_in",
      "refresh_token",
      "sb",
      "token_type",
      "type",
    ]);
    expect(fragment.get("sb")).toBe("");
    expect(fragment.get("token_type")).toBe("bearer");
    expect(fragment.get("type")).toBe("invite");
    expect(fragment.get("expires_in")).toBe("3600");
    expect(Number(fragment.get("expires_at"))).toBe(Number(claims(fragment.get("access_token")!).exp));
    expect(claims(fragment.get("access_token")!).sub).toBe(invited.data.user!.id);
  });

  it("redirects a spent link with the error in the fragment, and for PKCE in the query too", async () => {
    const email = randomEmail("default-spent");
    const admin = createClient(own.apiUrl, testEnv.serviceRoleKey, {
      auth: { persistSession: false, autoRefreshToken: false },
    });
    await admin.auth.admin.inviteUserByEmail(email, { redirectTo: CALLBACK });
    const invite = onlyLink(await waitForMail(email));
    expect((await click(invite)).status).toBe(303);
    const again = await click(invite);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(
      `${CALLBACK}#error=access_denied&error_code=otp_expired&error_description=Email+link+is+invalid+or+has+expired&sb=`,
    );

    const user = await createUser("default-spent-pkce");
    const client = cookieClient();
    await client().auth.signInWithOtp({
      email: user.email,
      options: { shouldCreateUser: false, emailRedirectTo: CALLBACK },
    });
    const magic = onlyLink(await waitForMail(user.email));
    await click(magic);
    const location = new URL((await click(magic)).headers.get("location")!);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: "access_denied",
      error_code: "otp_expired",
      error_description: "Email link is invalid or has expired",
    });
    expect(new URLSearchParams(location.hash.slice(1)).get("error_code")).toBe("otp_expired");
  });

  it("mails a recovery link of the same shape", async () => {
    const user = await createUser("default-recovery");
    const anon = createClient(own.apiUrl, testEnv.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false, flowType: "implicit" },
    });
    expect((await anon.auth.resetPasswordForEmail(user.email, { redirectTo: CALLBACK })).error).toBeNull();
    const mail = await waitForMail(user.email);
    expect(mail.subject).toBe("Reset Your Password");
    const link = onlyLink(mail);
    expect(link.searchParams.get("type")).toBe("recovery");
    const location = (await click(link)).headers.get("location")!;
    expect(new URLSearchParams(location.split("#")[1]).get("type")).toBe("recovery");
  });
});
