import { expect, test } from "@playwright/test";
import { sql } from "../tests/support/db";
import { openAsStaff } from "./support/session";
import { ACME } from "./support/people";
import { pickOption } from "./support/pickers";
import { expectFieldError, unique } from "./workspace-helpers";

const MORGAN = "11111111-1111-4111-8111-000000000002";

test("a member adds a partner by hand, lands in its workspace and finds it in the directory", async ({ page }) => {
  const name = unique("Hand Made Co");
  await openAsStaff(page, "member@acme.test", "/admin/partners");
  await page.getByRole("link", { name: "New partner" }).click();
  await expect(page).toHaveURL(/\/admin\/partners\/new$/);

  const form = page.getByRole("form", { name: "New partner" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Status").selectOption("onboarding");
  await form.getByLabel("Tier").selectOption("gold");
  await pickOption(form.getByLabel("Owner"), "Morgan");
  await form.getByLabel("Region").fill("EMEA");
  await form.getByLabel("Website").fill("https://hand-made.example");
  await form.getByLabel("Commission rate (%)").fill("12.5");
  await form.getByLabel("Primary contact").fill("Ada Lovelace");
  await form.getByLabel("Contact email").fill("ada@hand-made.example");
  const tags = form.getByLabel("Tags");
  await tags.fill("reseller");
  await tags.press("Enter");
  await tags.fill("cloud");
  await tags.press("Enter");
  await form.getByRole("button", { name: "Create partner" }).click();

  await expect(page).toHaveURL(/\/admin\/partners\/[0-9a-f-]{36}\/overview$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("hero-tags").getByText("reseller")).toBeVisible();
  const [row] = await sql<Record<string, unknown>>(
    "select status, tier, owner_id, region, commission_rate, tags, created_by from public.partners where org_id = $1 and name = $2",
    [ACME, name],
  );
  expect(row).toMatchObject({
    status: "onboarding",
    tier: "gold",
    owner_id: MORGAN,
    region: "EMEA",
    commission_rate: "12.50",
    tags: ["reseller", "cloud"],
    created_by: "11111111-1111-4111-8111-000000000003",
  });

  await page.goto(`/admin/partners?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("grid", { name: "Partners" }).getByRole("link", { name })).toBeVisible();
});

test("bad input gets a message at each field and nothing typed is lost", async ({ page }) => {
  const contact = unique("Grace");
  await openAsStaff(page, "member@acme.test", "/admin/partners/new");
  const form = page.getByRole("form", { name: "New partner" });
  await form.getByLabel("Website").fill("not a link");
  await form.getByLabel("Commission rate (%)").fill("120");
  await form.getByLabel("Primary contact").fill(contact);
  await form.getByLabel("Contact email").fill("grace@");
  const tags = form.getByLabel("Tags");
  await tags.fill("x".repeat(51));
  await tags.press("Enter");
  await form.getByRole("button", { name: "Create partner" }).click();

  await expectFieldError(form.getByLabel("Name", { exact: true }), "Name is required");
  await expect(form.getByLabel("Website")).toHaveAttribute("aria-invalid", "true");
  await expectFieldError(form.getByLabel("Commission rate (%)"), "Use a percentage from 0 to 100");
  await expect(form.getByLabel("Contact email")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Keep each tag to 50 characters")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/partners\/new$/);

  await expect(form.getByLabel("Website")).toHaveValue("not a link");
  await expect(form.getByLabel("Commission rate (%)")).toHaveValue("120");
  await expect(form.getByLabel("Primary contact")).toHaveValue(contact);
  await expect(form.getByLabel("Contact email")).toHaveValue("grace@");
  await expect(form.getByRole("button", { name: `Remove tag ${"x".repeat(51)}` })).toBeVisible();
  expect(await sql("select 1 from public.partners where primary_contact_name = $1", [contact])).toHaveLength(0);
});

test("a viewer gets no New partner button, and the page itself says why", async ({ page }) => {
  await openAsStaff(page, "viewer@acme.test", "/admin/partners");
  await expect(page.getByRole("grid", { name: "Partners" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New partner" })).toHaveCount(0);
  await page.goto("/admin/partners/new");
  await expect(page.getByText("Viewers cannot add partners")).toBeVisible();
  await expect(page.getByRole("form", { name: "New partner" })).toHaveCount(0);
});

async function partnerWithTags(tags: string[]) {
  const name = unique("Tagged Co");
  const [row] = await sql<{ id: string }>(
    "insert into public.partners (org_id, name, status, tags) values ($1, $2, 'active', $3) returning id",
    [ACME, name, tags],
  );
  return { id: row!.id, name };
}

test("an editor adds and removes tags in the workspace, saved once and audited", async ({ page }) => {
  const partner = await partnerWithTags(["legacy", "emea"]);
  await openAsStaff(page, "member@acme.test", `/admin/partners/${partner.id}/overview`);
  const tags = page.getByTestId("hero-tags");
  await tags.getByRole("button", { name: "Remove tag legacy" }).click();
  const input = tags.getByLabel("Tags");
  await input.fill("cloud, security");
  await input.press("Enter");
  await tags.getByRole("button", { name: "Save tags" }).click();
  await expect(page.getByText("Tags saved")).toBeVisible();
  await expect(tags.getByRole("button", { name: "Save tags" })).toHaveCount(0);
  await expect
    .poll(
      async () =>
        (await sql<{ tags: string[] }>("select tags from public.partners where id = $1", [partner.id]))[0]!.tags,
    )
    .toEqual(["emea", "cloud", "security"]);
  const audit = await sql<{ before: { tags: string[] }; after: { tags: string[] } }>(
    "select before, after from public.audit_log where resource_id = $1 and action = 'partner.updated' order by created_at desc limit 1",
    [partner.id],
  );
  expect(audit[0]!.after.tags).toEqual(["emea", "cloud", "security"]);

  await page.reload();
  await expect(page.getByTestId("hero-tags").getByRole("button", { name: "Remove tag security" })).toBeVisible();
});

test("a viewer reads the tags and cannot change them", async ({ page }) => {
  const partner = await partnerWithTags(["vip"]);
  await openAsStaff(page, "viewer@acme.test", `/admin/partners/${partner.id}/overview`);
  const tags = page.getByTestId("hero-tags");
  await expect(tags.getByText("vip")).toBeVisible();
  await expect(tags.getByRole("button", { name: /Remove tag/ })).toHaveCount(0);
  await expect(tags.getByRole("textbox")).toHaveCount(0);
});
