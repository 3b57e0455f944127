import { expect, test, type Page } from "@playwright/test";
import { STAFF_HOME } from "../../lib/auth/home-paths";
import { sql } from "../../tests/support/db";
import { signInAsPartner, signInAsStaff } from "../support/auth";
import { expectSecurityHeaders, nonceOf, startAttackerServer } from "./support";

const ACME = "00000000-0000-4000-8000-00000000ac01";

test.describe("every response carries the security headers", () => {
  test("a page, with a fresh nonce on each render that every script carries", async ({ request }) => {
    const first = await request.get("/login");
    expect(first.status()).toBe(200);
    const headers = await expectSecurityHeaders(first);
    expect(headers["strict-transport-security"]).toBeUndefined();
    const nonce = nonceOf(headers["content-security-policy"]);
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

    const second = await request.get("/login");
    expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);
  });

  test("pages that could have been built ahead render per request too", async ({ request }) => {
    for (const path of ["/portal/login", "/login/forgot-password", "/auth/confirm"]) {
      const response = await request.get(path);
      await expectSecurityHeaders(response);
      const nonce = nonceOf(response.headers()["content-security-policy"]);
      expect(await response.text(), path).toContain(`nonce="${nonce}"`);
    }
  });

  test("a route handler, a refused POST and a redirect", async ({ request }) => {
    await expectSecurityHeaders(await request.get("/api/health"));
    const refused = await request.post("/admin/partners/import", { multipart: { mode: "preview" } });
    expect(refused.status()).toBe(403);
    await expectSecurityHeaders(refused);

    const home = await request.get("/", { maxRedirects: 0 });
    expect(home.status()).toBe(307);
    expect(home.headers()["location"]).toBe(STAFF_HOME);
    await expectSecurityHeaders(home);

    const signIn = await request.get("/admin/partners", { maxRedirects: 0 });
    expect(signIn.status()).toBe(307);
    expect(signIn.headers()["location"]).toBe("/login?next=%2Fadmin%2Fpartners");
    await expectSecurityHeaders(signIn);
  });

  test("the not-found page", async ({ request }) => {
    const response = await request.get("/no-such-page");
    expect(response.status()).toBe(404);
    await expectSecurityHeaders(response);
    const nonce = nonceOf(response.headers()["content-security-policy"]);
    expect(await response.text()).toContain(`nonce="${nonce}"`);
  });

  test("static files, which the proxy never sees", async ({ request }) => {
    const html = await (await request.get("/login")).text();
    const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    const response = await request.get(script!);
    expect(response.status()).toBe(200);
    await expectSecurityHeaders(response, { csp: "static" });
    const missing = await request.get("/_next/static/no-such-file.js");
    expect(missing.status()).toBe(404);
    await expectSecurityHeaders(missing, { csp: "static" });
  });

  test("HSTS only when the request came over https", async ({ request }) => {
    const https = { "x-forwarded-proto": "https" };
    for (const path of ["/login", "/api/health", "/no-such-page"]) {
      const response = await request.get(path, { headers: https });
      expect(response.headers()["strict-transport-security"], path).toBe("max-age=63072000; includeSubDomains");
      expect((await request.get(path)).headers()["strict-transport-security"], path).toBeUndefined();
    }
    const html = await (await request.get("/login")).text();
    const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
    expect((await request.get(script, { headers: https })).headers()["strict-transport-security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });
});

test("the signed-in directory cannot be framed by another site", async ({ page }) => {
  await signInAsStaff(page, "member@acme.test");
  const directory = await page.request.get("/admin/partners");
  expect(directory.status()).toBe(200);
  await expectSecurityHeaders(directory);

  // And the browser agrees: a page on the same site (so the session cookie goes along) that
  // frames the directory gets an empty frame.
  const directoryUrl = page.url();
  const attacker = await startAttackerServer();
  try {
    attacker.serve("/frame", `<!doctype html><iframe src="${directoryUrl}" width="800" height="600"></iframe>`);
    const framed = page.waitForResponse((response) => response.url() === directoryUrl && response.status() === 200);
    await page.goto(`${attacker.sameSite}/frame`);
    const response = await framed;
    expect((await response.request().allHeaders())["cookie"]).toContain("-auth-token");
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(frame).toBeTruthy();
    await expect
      .poll(async () => frame!.evaluate(() => document.body?.innerText ?? "").catch(() => "blocked"))
      .not.toContain("Partners");
    expect(await frame!.evaluate(() => document.querySelector("[role=grid]") !== null).catch(() => false)).toBe(false);
  } finally {
    await attacker.close();
  }
});

/** Collects CSP violations (the DOM event and the console's report) from the moment the page opens. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const reports: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Permissions-Policy/i.test(message.text())) reports.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI}`),
    );
  });
  return async () => {
    const events = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    return [...reports, ...events];
  };
}

test("the main screens run under the CSP without a single violation", async ({ page, browser }) => {
  const violations = await watchCsp(page);
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Partnerdesk" })).toBeVisible();
  expect(await violations()).toEqual([]);

  await signInAsStaff(page, "member@acme.test");
  await expect(page.getByRole("grid").first()).toBeVisible();
  expect(await violations()).toEqual([]);

  // Any live partner: other specs rename and archive some while this one runs.
  const [partner] = await sql<{ id: string }>(
    "select id from public.partners where org_id = $1 and archived_at is null order by created_at limit 1",
    [ACME],
  );
  await page.goto(`/admin/partners/${partner!.id}/referrals`);
  await expect(page.getByRole("link", { name: "Activity" }).first()).toBeVisible();
  await page.getByRole("link", { name: "Activity" }).first().click();
  await expect(page).toHaveURL(/\/activity$/);
  expect(await violations()).toEqual([]);

  const portal = await (await browser.newContext()).newPage();
  const portalViolations = await watchCsp(portal);
  await signInAsPartner(portal, "pat@northwind.test");
  await expect(portal.getByRole("banner")).toBeVisible();
  expect(await portalViolations()).toEqual([]);
});
