import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../support/auth";

const TIMEBOX_SECONDS = Number(process.env.AUTH_SESSION_TIMEBOX_HOURS ?? 720) * 3600;

/** Signs in through the form and returns the Set-Cookie lines of the sign-in action's answer. */
async function signInCookies(page: Page): Promise<string[]> {
  await page.goto("/login");
  await page.getByLabel("Work email").fill("member@acme.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  const answer = page.waitForResponse(
    (response) => response.request().method() === "POST" && Boolean(response.request().headers()["next-action"]),
  );
  await page.getByRole("button", { name: "Sign in" }).click();
  const response = await answer;
  return (await response.headersArray())
    .filter((header) => header.name.toLowerCase() === "set-cookie")
    .map((header) => header.value)
    .filter((line) => /^sb-[^=]+-auth-token(\.\d+)?=/.test(line));
}

function attributes(line: string): Map<string, string> {
  return new Map(
    line
      .split(";")
      .slice(1)
      .map((part) => part.trim().split("="))
      .map(([name, value]) => [name!.toLowerCase(), value ?? ""]),
  );
}

test("over http the auth cookie is Lax, lives as long as the session, and is not Secure", async ({ page }) => {
  const lines = await signInCookies(page);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const cookie = attributes(line);
    expect(cookie.get("samesite")?.toLowerCase()).toBe("lax");
    expect(cookie.get("path")).toBe("/");
    expect(Number(cookie.get("max-age"))).toBe(TIMEBOX_SECONDS);
    expect(cookie.has("secure")).toBe(false);
    // The browser client must read it; see lib/supabase/cookie-options.ts.
    expect(cookie.has("httponly")).toBe(false);
  }
  await expect(page).toHaveURL(/\/admin$/);
  const stored = (await page.context().cookies()).filter((cookie) => cookie.name.includes("-auth-token"));
  expect(stored.length).toBeGreaterThan(0);
  for (const cookie of stored) {
    expect(cookie.sameSite).toBe("Lax");
    expect(cookie.expires - Date.now() / 1000).toBeGreaterThan(TIMEBOX_SECONDS - 120);
    expect(cookie.expires - Date.now() / 1000).toBeLessThanOrEqual(TIMEBOX_SECONDS + 5);
  }
});

test("behind an https proxy (X-Forwarded-Proto: https) the auth cookie is Secure", async ({ page }) => {
  await page.context().setExtraHTTPHeaders({ "x-forwarded-proto": "https" });
  const lines = await signInCookies(page);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const cookie = attributes(line);
    expect(cookie.has("secure")).toBe(true);
    expect(cookie.get("samesite")?.toLowerCase()).toBe("lax");
    expect(Number(cookie.get("max-age"))).toBe(TIMEBOX_SECONDS);
  }
});

test("the session refreshed by the proxy keeps the same attributes", async ({ page, baseURL }) => {
  await signInCookies(page);
  await expect(page).toHaveURL(/\/admin$/);
  // Expire the access token's copy in the cookie so the proxy has to refresh it.
  const [auth] = (await page.context().cookies()).filter((cookie) => /-auth-token$/.test(cookie.name));
  expect(auth).toBeTruthy();
  const session = JSON.parse(Buffer.from(auth!.value.slice("base64-".length), "base64url").toString()) as {
    expires_at: number;
  };
  session.expires_at = Math.floor(Date.now() / 1000) - 60;
  await page
    .context()
    .addCookies([{ ...auth!, value: `base64-${Buffer.from(JSON.stringify(session)).toString("base64url")}` }]);
  const response = await page.request.get(`${baseURL}/admin/partners`, { headers: { "x-forwarded-proto": "https" } });
  const lines = (await response.headersArray())
    .filter((header) => header.name.toLowerCase() === "set-cookie" && /-auth-token/.test(header.value))
    .map((header) => header.value);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const cookie = attributes(line);
    expect(cookie.has("secure")).toBe(true);
    expect(cookie.get("samesite")?.toLowerCase()).toBe("lax");
    expect(Number(cookie.get("max-age"))).toBe(TIMEBOX_SECONDS);
  }
});
