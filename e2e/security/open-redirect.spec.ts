import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, latestMailTo, linkAndCode } from "../support/auth";

/**
 * Every way of smuggling another site into `?next=`, through the real sign-in: once as
 * the page hands it to the form, and once posted straight to the sign-in action (the
 * browser's request rewritten in flight), since an action is a public endpoint.
 */

// Two dozen sign-ins of their own that share nothing: spread over the workers rather than
// held to one while the other runs out of files.
test.describe.configure({ mode: "parallel" });

// As they appear in the address bar; the app receives them decoded once.
const VECTORS = [
  "/%09/evil.test/c",
  "/%0a/evil.test/c",
  "/%0d/evil.test/c",
  "/%09%5Cevil.test",
  "//evil.test",
  "/%5Cevil.test",
  "%5C%5Cevil.test",
  "%252F%252Fevil.test",
  "/%252F/evil.test",
  "https://evil.test",
  "javascript:alert(1)",
];

/** Records every attempt of the page to reach evil.test, and every dialog a script would open. */
async function watchForEscape(page: Page): Promise<string[]> {
  const escapes: string[] = [];
  await page.context().route(
    (url) => url.hostname.endsWith("evil.test"),
    (route) => {
      escapes.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" });
    },
  );
  page.on("dialog", (dialog) => {
    escapes.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return escapes;
}

async function signIn(page: Page): Promise<void> {
  await page.getByLabel("Work email").fill("member@acme.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function expectHome(page: Page, baseURL: string | undefined, escapes: string[]): Promise<void> {
  await expect(page).toHaveURL(`${baseURL}/admin`);
  await expect(page.getByRole("heading", { name: "Program dashboard" }).first()).toBeVisible();
  expect(escapes).toEqual([]);
}

for (const vector of VECTORS) {
  test(`signing in from /login?next=${vector} stays on the site`, async ({ page, baseURL }) => {
    const escapes = await watchForEscape(page);
    await page.goto(`/login?next=${vector}`);
    await signIn(page);
    await expectHome(page, baseURL, escapes);
  });

  test(`the sign-in action posted with next=${vector} stays on the site`, async ({ page, baseURL }) => {
    const escapes = await watchForEscape(page);
    const received = new URLSearchParams(`next=${vector}`).get("next")!;
    let rewritten = false;
    await page.route("**/login", async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
      const args = JSON.parse(request.postData() ?? "[]") as Record<string, unknown>[];
      args[0]!.next = received;
      rewritten = true;
      await route.continue({ postData: JSON.stringify(args) });
    });
    await page.goto("/login");
    await signIn(page);
    await expectHome(page, baseURL, escapes);
    expect(rewritten).toBe(true);
  });
}

test("a same-site next is still followed after sign-in", async ({ page, baseURL }) => {
  await page.goto(`/login?next=${encodeURIComponent("/admin/partners?q=Keystone#grid")}`);
  await signIn(page);
  await expect(page).toHaveURL(`${baseURL}/admin/partners?q=Keystone#grid`);
});

test("an email link whose next points away lands in the portal", async ({ page, baseURL }) => {
  const escapes = await watchForEscape(page);
  const since = new Date(Date.now() - 1000);
  await page.goto("/portal/login");
  await page.getByLabel("Email").fill("pat@northwind.test");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Check your email")).toBeVisible();
  const { link } = linkAndCode(await latestMailTo("pat@northwind.test", since));
  const crafted = new URL(link);
  crafted.searchParams.set("next", "/\t/evil.test/c");
  await page.goto(crafted.toString());
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/portal`));
  expect(escapes).toEqual([]);
});
