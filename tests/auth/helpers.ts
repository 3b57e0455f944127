import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import crypto from "node:crypto";
import { decodeJwt } from "jose";
import { sql } from "../support/db";
import { testEnv } from "../support/env";

/**
 * Shared by the auth conformance tests. A random address per client: the auth server
 * counts the left-most X-Forwarded-For when called directly (as GoTrue behind Kong), while
 * the gateway replaces a client's own with the socket address, so through it only a
 * service-role caller's Sb-Forwarded-For (forwarded-for.test.ts) names a distinct address;
 * the shared stack's raised limits keep these tests apart.
 */
export function randomIp(): string {
  const byte = () => crypto.randomInt(1, 255);
  return `10.${byte()}.${byte()}.${byte()}`;
}

export function randomEmail(tag: string): string {
  return `auth-${tag}-${crypto.randomUUID().slice(0, 8)}@example.test`;
}

/** An in-memory storage, so a client can keep a PKCE verifier without persisting anything. */
export function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

/**
 * supabase-js as an anonymous browser would be. Its address is the one the gateway sees (it
 * replaces any X-Forwarded-For a client sends); the test stack's raised per-address limits
 * keep the suite's calls from one address apart. Tests of distinct addresses use
 * Sb-Forwarded-For with the secret key, as the app does (forwarded-for.test.ts).
 */
export function anonClient(options: { flowType?: "implicit" | "pkce" } = {}): SupabaseClient {
  return createClient(testEnv.apiUrl, testEnv.anonKey, {
    auth: {
      persistSession: options.flowType === "pkce",
      storage: options.flowType === "pkce" ? memoryStorage() : undefined,
      autoRefreshToken: false,
      detectSessionInUrl: false,
      flowType: options.flowType ?? "implicit",
    },
  });
}

export function adminClient(): SupabaseClient {
  return createClient(testEnv.apiUrl, testEnv.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // With the service role, the auth server counts the address named here, as GoTrue does.
    global: { headers: { "sb-forwarded-for": randomIp() } },
  });
}

export const PASSWORD = "correct-horse-battery";

/** A confirmed user with a password, made through the admin API. */
export async function createUser(
  tag: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; email: string }> {
  const email = randomEmail(tag);
  const { data, error } = await adminClient().auth.admin.createUser({
    email,
    password: PASSWORD,
    email_confirm: true,
    ...extra,
  });
  if (error || !data.user) throw error ?? new Error("no user");
  return { id: data.user.id, email };
}

export async function signedIn(
  tag: string,
): Promise<{ client: SupabaseClient; id: string; email: string; accessToken: string; refreshToken: string }> {
  const user = await createUser(tag);
  const client = anonClient();
  const { data, error } = await client.auth.signInWithPassword({ email: user.email, password: PASSWORD });
  if (error || !data.session) throw error ?? new Error("no session");
  return { client, ...user, accessToken: data.session.access_token, refreshToken: data.session.refresh_token };
}

/** Calls the auth API directly (through the gateway), as auth-js would. */
export async function authFetch(
  path: string,
  init: {
    method?: string;
    body?: unknown;
    token?: string;
    apiVersion?: string | null;
    redirect?: RequestRedirect;
  } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    apikey: testEnv.anonKey,
    authorization: `Bearer ${init.token ?? testEnv.anonKey}`,
    "content-type": "application/json",
  };
  if (init.apiVersion !== null) headers["x-supabase-api-version"] = init.apiVersion ?? "2024-01-01";
  return fetch(`${testEnv.apiUrl}/auth/v1${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: init.redirect ?? "manual",
  });
}

export type Mail = { id: string; subject: string; html: string; to: { address: string }[]; date: string };

/** The mails to one address in the stack's mailbox, oldest first. Never clears the mailbox: other files share it. */
export async function mailsTo(email: string): Promise<Mail[]> {
  const response = await fetch(`${testEnv.mailboxUrl}/email`);
  const all = (await response.json()) as Mail[];
  return all.filter((mail) => mail.to.some((to) => to.address.toLowerCase() === email.toLowerCase()));
}

/** Waits for the `count`-th mail to the address. */
export async function waitForMail(email: string, count = 1): Promise<Mail> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const mails = await mailsTo(email);
    if (mails.length >= count) return mails[count - 1]!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail #${count} to ${email}`);
}

/** The app link (the button) and the 6-digit code in an auth email. */
export function parseMail(mail: Mail): { link: URL; code: string } {
  const href = /href="([^"]+\/auth\/confirm\?[^"]+)"/.exec(mail.html)?.[1];
  const code = /\b(\d{6})\b/.exec(mail.html.replace(/<[^>]+>/g, " "))?.[1];
  if (!href || !code) throw new Error(`no link or code in mail "${mail.subject}"`);
  return { link: new URL(href.replaceAll("&amp;", "&")), code };
}

export function sha224(text: string): string {
  return crypto.createHash("sha224").update(text).digest("hex");
}

export function claims(token: string): Record<string, unknown> {
  return decodeJwt(token) as Record<string, unknown>;
}

/** Lets the per-user email frequency (1 s locally) pass. */
export const pastEmailFrequency = () => new Promise((resolve) => setTimeout(resolve, 1100));

export { sql };
