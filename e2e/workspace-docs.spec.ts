import { expect, test } from "@playwright/test";
import {
  dialogField,
  expectFieldError,
  expectTimelineEvent,
  openWorkspace,
  PARTNERS,
  tab,
  unique,
} from "./workspace-helpers";

const partner = PARTNERS.contosoServices;

test("an editor adds a document link, is told about a bad URL at the field, edits and deletes it", async ({ page }) => {
  await openWorkspace(page, "member@acme.test", partner, "docs");
  const title = unique("Reseller agreement");

  await page.getByRole("button", { name: "Add link" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Add document" }).click();
  await expectFieldError(dialogField(page, "Title"), "Title is required");
  await expectFieldError(dialogField(page, "Link"), "Paste the document's link");

  await dialogField(page, "Title").fill(title);
  await dialogField(page, "Link").fill("notion.so/acme/agreement");
  await page.getByRole("dialog").getByRole("button", { name: "Add document" }).click();
  await expectFieldError(dialogField(page, "Link"), "Enter a link starting with http:// or https://");

  await dialogField(page, "Link").fill("https://www.notion.so/acme/agreement-42");
  await dialogField(page, "Type").selectOption("agreement");
  await dialogField(page, "Tags").fill("legal, 2026");
  await dialogField(page, "Visibility").selectOption("shared");
  await page.getByRole("dialog").getByRole("button", { name: "Add document" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  const row = page.getByTestId("document-row").filter({ hasText: title });
  await expect(row).toContainText("Shared");
  await expect(row).toContainText("#legal");

  await row.getByRole("button", { name: `Edit ${title}` }).click();
  await dialogField(page, "Visibility").selectOption("internal");
  await dialogField(page, "Title").fill(`${title} v2`);
  await page.getByRole("dialog").getByRole("button", { name: "Save document" }).click();
  const edited = page.getByTestId("document-row").filter({ hasText: `${title} v2` });
  await expect(edited).toContainText("Internal");

  await expectTimelineEvent(page, partner, `Document added: ${title}`);

  await page.goto(tab(partner, "docs"));
  await page
    .getByTestId("document-row")
    .filter({ hasText: `${title} v2` })
    .getByRole("button", { name: `Delete ${title} v2` })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete link" }).click();
  await expect(page.getByTestId("document-row").filter({ hasText: `${title} v2` })).toHaveCount(0);
});

test("a viewer sees the documents and cannot add, edit or delete", async ({ page }) => {
  await openWorkspace(page, "viewer@acme.test", partner, "docs");
  await expect(page.getByRole("button", { name: "Add link" })).toBeDisabled();
  await expect(page.getByRole("button", { name: /^Edit / }).first()).toBeDisabled();
  await expect(page.getByRole("button", { name: /^Delete / }).first()).toBeDisabled();
});
