import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { sql } from "../../tests/support/db";
import { signInAsStaff } from "../support/auth";
import { oneRowCsv, startAttackerServer } from "./support";

/**
 * Route handlers get no origin check from Next (server actions do), and SameSite=Lax
 * cookies ride along on any request from the same site: another port or a sibling
 * subdomain. The CSV import is the route that writes; these are the attacks on it.
 */

const IMPORT_PATH = "/admin/partners/import";
const REFUSAL = "This request did not come from Partnerdesk's own pages, so it was refused.";

const partnersWith = async (externalId: string) =>
  (await sql<{ n: number }>("select count(*)::int as n from public.partners where external_id = $1", [externalId]))[0]!
    .n;

let attacker: Awaited<ReturnType<typeof startAttackerServer>>;
test.beforeAll(async () => {
  attacker = await startAttackerServer();
});
test.afterAll(async () => {
  await attacker.close();
});

/** Opens a page at `origin` that the attacker wrote, running `script`. */
async function openAttackerPage(page: Page, origin: string, script: string): Promise<void> {
  const path = `/prize-${randomUUID()}`;
  attacker.serve(path, `<!doctype html><title>win a prize</title><script>${script}</script>`);
  await page.goto(`${origin}${path}`);
}

test("a same-site page (another port) cannot import partners with a member's cookie", async ({ page, baseURL }) => {
  const externalId = `CSRF-${randomUUID().slice(0, 8)}`;
  await signInAsStaff(page, "member@acme.test");
  const target = `${baseURL}${IMPORT_PATH}`;
  const exportUrl = `${baseURL}/admin/partners/export`;
  const exported = page.waitForResponse((response) => response.url() === exportUrl);
  const refused = page.waitForResponse((response) => response.url() === target);
  // localhost on another port is the same site, so the member's Lax cookies go along: the
  // export (a read, which the attacker cannot see) answers as for the member. Only the
  // origin check stands between the same request and a write.
  await openAttackerPage(
    page,
    attacker.sameSite,
    `(async () => {
       // no-cors: the answers stay opaque to the page, but the requests go out with the cookies.
       await fetch(${JSON.stringify(exportUrl)}, { credentials: "include", mode: "no-cors" });
       const body = new FormData();
       body.set("mode", "apply");
       body.set("file", new File([${JSON.stringify(oneRowCsv(externalId))}], "partners.csv", { type: "text/csv" }));
       await fetch(${JSON.stringify(target)}, { method: "POST", body, credentials: "include", mode: "no-cors" });
     })();`,
  );
  expect((await exported).status()).toBe(200);
  // An opaque answer's body stays out of reach even here; the member is an editor, so the
  // 403 is the origin check's (the Origin-header test below reads the same refusal).
  expect((await refused).status()).toBe(403);
  expect(await partnersWith(externalId)).toBe(0);
});

test("a cross-site form that posts the import is refused and creates nothing", async ({ page, baseURL }) => {
  const externalId = `CSRF-${randomUUID().slice(0, 8)}`;
  await signInAsStaff(page, "member@acme.test");
  const target = `${baseURL}${IMPORT_PATH}`;
  const exportUrl = `${baseURL}/admin/partners/export`;
  const exported = page.waitForResponse((response) => response.url() === exportUrl);
  const refused = page.waitForResponse((response) => response.url() === target);
  await openAttackerPage(
    page,
    attacker.crossSite,
    `addEventListener("DOMContentLoaded", () => {
       const form = Object.assign(document.createElement("form"), { method: "POST", action: ${JSON.stringify(target)}, enctype: "multipart/form-data" });
       const mode = Object.assign(document.createElement("input"), { name: "mode", value: "apply" });
       const file = Object.assign(document.createElement("input"), { type: "file", name: "file" });
       const files = new DataTransfer();
       files.items.add(new File([${JSON.stringify(oneRowCsv(externalId))}], "partners.csv", { type: "text/csv" }));
       file.files = files.files;
       form.append(mode, file);
       document.body.append(form);
       // Another site's requests carry no Lax cookies: the export answers as for a stranger.
       fetch(${JSON.stringify(exportUrl)}, { credentials: "include", mode: "no-cors" }).finally(() => form.submit());
     });`,
  );
  expect((await exported).status()).toBe(401);
  const response = await refused;
  expect((await response.request().allHeaders())["sec-fetch-site"]).toBe("cross-site");
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({ error: REFUSAL });
  expect(await partnersWith(externalId)).toBe(0);
});

test("the app's own page imports as before (Sec-Fetch-Site: same-origin)", async ({ page }) => {
  const externalId = `SAME-${randomUUID().slice(0, 8)}`;
  await signInAsStaff(page, "member@acme.test");
  const result = await page.evaluate(
    async ({ path, csv }) => {
      const body = new FormData();
      body.set("mode", "apply");
      body.set("file", new File([csv], "partners.csv", { type: "text/csv" }));
      const response = await fetch(path, { method: "POST", body });
      return { status: response.status, json: (await response.json()) as unknown };
    },
    { path: IMPORT_PATH, csv: oneRowCsv(externalId) },
  );
  expect(result).toEqual({ status: 200, json: { result: { inserted: 1, updated: 0, unchanged: 0, invalid: 0 } } });
  expect(await partnersWith(externalId)).toBe(1);
});

test.describe("without fetch metadata, the Origin decides", () => {
  const form = (externalId: string, mode = "preview") => ({
    mode,
    file: { name: "partners.csv", mimeType: "text/csv", buffer: Buffer.from(oneRowCsv(externalId)) },
  });

  test("the app's own origin passes; another origin, a null one or none at all is refused", async ({
    page,
    baseURL,
  }) => {
    const externalId = `ORIGIN-${randomUUID().slice(0, 8)}`;
    await signInAsStaff(page, "member@acme.test");
    // page.request shares the browser's cookies but sends no Sec-Fetch-* headers of its own.
    const post = (headers: Record<string, string>, mode = "apply") =>
      page.request.post(IMPORT_PATH, { headers, multipart: form(externalId, mode) });

    const attacks: Record<string, string>[] = [
      {},
      { origin: "http://evil.test" },
      { origin: "null" },
      { origin: "http://localhost.evil.test" },
      { origin: baseURL!, "sec-fetch-site": "same-site" },
      { origin: baseURL!, "sec-fetch-site": "cross-site" },
      { origin: baseURL!, "sec-fetch-site": "none" },
    ];
    for (const headers of attacks) {
      const response = await post(headers);
      expect(response.status(), JSON.stringify(headers)).toBe(403);
      expect(await response.json()).toEqual({ error: REFUSAL });
    }
    expect(await partnersWith(externalId)).toBe(0);

    const preview = await post({ origin: baseURL! }, "preview");
    expect(preview.status()).toBe(200);
    expect(((await preview.json()) as { preview: { counts: { new: number } } }).preview.counts.new).toBe(1);
    const noFile = await page.request.post(IMPORT_PATH, {
      headers: { origin: baseURL! },
      multipart: { mode: "apply" },
    });
    expect(noFile.status()).toBe(400);
    expect(((await noFile.json()) as { error: string }).error).toBe("Choose a CSV file to import.");
    expect(await partnersWith(externalId)).toBe(0);
  });

  test("past the origin check, the wrapper still wants a signed-in editor and a valid form", async ({
    page,
    baseURL,
    playwright,
  }) => {
    const externalId = `ROLE-${randomUUID().slice(0, 8)}`;
    const anonymous = await playwright.request.newContext({ baseURL });
    const signedOut = await anonymous.post(IMPORT_PATH, { headers: { origin: baseURL! }, multipart: form(externalId) });
    expect(signedOut.status()).toBe(401);
    expect(await signedOut.json()).toEqual({ error: "Your session has ended. Sign in again." });
    await anonymous.dispose();

    await signInAsStaff(page, "viewer@acme.test");
    const viewer = await page.request.post(IMPORT_PATH, {
      headers: { origin: baseURL! },
      multipart: form(externalId, "apply"),
    });
    expect(viewer.status()).toBe(403);
    expect(((await viewer.json()) as { error: string }).error).toContain("Viewers can look but not change anything");
    expect(await partnersWith(externalId)).toBe(0);
  });
});
