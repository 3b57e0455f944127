import { expect, type Page } from "@playwright/test";
import { createServerClient, type CookieOptions } from "@supabase/ssr";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { e2ePort } from "../../tests/support/test-stack";
import { DEMO_PASSWORD } from "./auth";

/**
 * A signed-in browser without the sign-in screens, for tests about what a person sees and
 * does once signed in: the session comes from the auth server directly and goes into the
 * page's context as the app's own cookies. Through the form it costs a page, a server
 * action and a redirect (or an email) per test, which on a busy machine is seconds each.
 *
 * Tests of signing in, signing out, passwords, MFA, revoked sessions and the limits sign
 * in through the screens (./auth.ts), since there the screens are what is tested.
 */
type Jar = { name: string; value: string; options: CookieOptions }[];

/** The same @supabase/ssr client the app's server uses, writing its cookies into a jar. */
function cookieClient(jar: Jar): SupabaseClient {
  return createServerClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
    // As lib/supabase/cookie-options.ts writes them over http.
    cookieOptions: { path: "/", sameSite: "lax", secure: false, httpOnly: false },
    cookies: {
      getAll: () => jar.map(({ name, value }) => ({ name, value })),
      setAll: (cookies) => {
        for (const cookie of cookies) {
          const at = jar.findIndex((held) => held.name === cookie.name);
          if (at >= 0) jar.splice(at, 1);
          if (cookie.options.maxAge !== 0) jar.push(cookie);
        }
      },
    },
  });
}

async function intoPage(page: Page, jar: Jar): Promise<void> {
  if (jar.length === 0) throw new Error("the auth server gave no session");
  const context = page.context();
  // A session already in the context (someone else's) would otherwise keep chunks of its cookie.
  for (const cookie of await context.cookies())
    if (cookie.name.startsWith("sb-")) await context.clearCookies({ name: cookie.name });
  const origin = page.url().startsWith("http") ? new URL(page.url()).origin : `http://localhost:${e2ePort()}`;
  await context.addCookies(
    jar.map(({ name, value }) => ({ name, value, url: origin, sameSite: "Lax" as const, httpOnly: false })),
  );
}

async function openSignedIn(page: Page, next: string): Promise<void> {
  await page.goto(next);
  await expect(page).toHaveURL(new RegExp(next.replace(/[?]/g, "\\?")));
}

/** `next` as a staff member (or anyone with a password and no authenticator), signed in through the API. */
export async function openAsStaff(
  page: Page,
  email: string,
  next = "/admin/partners",
  password = DEMO_PASSWORD,
): Promise<void> {
  const jar: Jar = [];
  const { error } = await cookieClient(jar).auth.signInWithPassword({ email, password });
  if (error) throw error;
  await intoPage(page, jar);
  await openSignedIn(page, next);
}

/** The portal as a partner user, signed in by the token of an email link the API hands out. */
export async function openAsPartner(page: Page, email: string, next = "/portal"): Promise<void> {
  const admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  const link = await admin.auth.admin.generateLink({ type: "magiclink", email });
  if (link.error) throw link.error;
  const jar: Jar = [];
  const { error } = await cookieClient(jar).auth.verifyOtp({
    token_hash: link.data.properties.hashed_token,
    type: "magiclink",
  });
  if (error) throw error;
  await intoPage(page, jar);
  await page.goto(next);
  await expect(page).toHaveURL(/\/portal/);
  await expect(page).not.toHaveURL(/\/portal\/login/);
}
