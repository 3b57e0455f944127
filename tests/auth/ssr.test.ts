import { createServerClient } from "@supabase/ssr";
import { describe, expect, it } from "vitest";
import { testEnv } from "../support/env";
import { createUser, parseMail, PASSWORD, waitForMail } from "./helpers";

/** A cookie jar standing in for the browser between requests, as Next's cookies() does per request. */
function cookieJar() {
  const jar = new Map<string, string>();
  const client = () =>
    createServerClient(testEnv.apiUrl, testEnv.anonKey, {
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
  return { jar, client };
}

function sessionFromCookie(jar: Map<string, string>): { access_token: string; refresh_token: string } {
  const value = jar.get("sb-127-auth-token")!;
  expect(value.startsWith("base64-")).toBe(true);
  return JSON.parse(Buffer.from(value.slice("base64-".length), "base64url").toString("utf8"));
}

describe("@supabase/ssr against the local server", () => {
  it("signs in with a password into the sb-127-auth-token cookie, reads the user back, refreshes", async () => {
    const user = await createUser("ssr-password");
    const { jar, client } = cookieJar();
    const signIn = await client().auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expect(signIn.error).toBeNull();
    const stored = sessionFromCookie(jar);
    expect(stored.access_token).toBe(signIn.data.session!.access_token);

    // A later request: a fresh client that only has the cookies.
    const { data, error } = await client().auth.getUser();
    expect(error).toBeNull();
    expect(data.user?.id).toBe(user.id);

    const refreshed = await client().auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(sessionFromCookie(jar).refresh_token).toBe(refreshed.data.session!.refresh_token);
    expect(refreshed.data.session!.refresh_token).not.toBe(stored.refresh_token);

    expect((await client().auth.signOut()).error).toBeNull();
    expect(jar.has("sb-127-auth-token")).toBe(false);
  });

  it("keeps the PKCE verifier in a cookie and completes a magic link through /auth/confirm's verifyOtp", async () => {
    const user = await createUser("ssr-otp");
    const { jar, client } = cookieJar();
    const sent = await client().auth.signInWithOtp({ email: user.email, options: { shouldCreateUser: false } });
    expect(sent.error).toBeNull();
    expect(jar.has("sb-127-auth-token-code-verifier")).toBe(true);

    const { link } = parseMail(await waitForMail(user.email));
    const verified = await client().auth.verifyOtp({
      token_hash: link.searchParams.get("token_hash")!,
      type: "magiclink",
    });
    expect(verified.error).toBeNull();
    expect(sessionFromCookie(jar).access_token).toBe(verified.data.session!.access_token);
    expect((await client().auth.getUser()).data.user?.id).toBe(user.id);
  });
});
