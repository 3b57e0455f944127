import { expect, test } from "@playwright/test";
import pg from "pg";
import {
  dialogField,
  expectFieldError,
  expectTimelineEvent,
  openWorkspace,
  PARTNERS,
  tab,
  unique,
} from "./workspace-helpers";

const partner = PARTNERS.contosoSecurity;

test("an admin records a referral, is held to the rules at each field, wins it and walks its commission to paid", async ({
  page,
}) => {
  await openWorkspace(page, "admin@acme.test", partner, "referrals");
  await expect(page).toHaveTitle("Referrals · Contoso Security · Partnerdesk");
  const client = unique("Helix Pharma");

  await page.getByRole("button", { name: "New referral" }).click();
  await dialogField(page, "Client name").fill("");
  await dialogField(page, "Client email").fill("not-an-email");
  await page
    .getByRole("dialog")
    .getByLabel(/^Estimated value/)
    .fill("-10");
  await dialogField(page, "Referral date").fill("2026-03-10");
  await dialogField(page, "Close date").fill("2026-03-01");
  await page.getByRole("dialog").getByRole("button", { name: "Create referral" }).click();
  await expectFieldError(dialogField(page, "Client name"), "Client name is required");
  await expectFieldError(dialogField(page, "Client email"), "Enter a valid email address");
  await expectFieldError(page.getByRole("dialog").getByLabel(/^Estimated value/), "Use a value of 0 or more");
  await expectFieldError(dialogField(page, "Close date"), "The close date cannot be before the referral date");

  await dialogField(page, "Client name").fill(client);
  await dialogField(page, "Client email").fill("buyer@helix.example");
  await page
    .getByRole("dialog")
    .getByLabel(/^Estimated value/)
    .fill("40000");
  await dialogField(page, "Close date").fill("");
  await page.getByRole("dialog").getByRole("button", { name: "Create referral" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  const row = page.getByTestId("referral-row").filter({ hasText: client });
  await expect(row).toBeVisible();

  // edit: the actual value, then win it from the form: the commission is offered
  await row.getByRole("button", { name: `Edit ${client}` }).click();
  await dialogField(page, "Status").selectOption("won");
  await page
    .getByRole("dialog")
    .getByLabel(/^Actual value/)
    .fill("50000");
  await page.getByRole("dialog").getByRole("button", { name: "Save referral" }).click();
  const offer = page.getByRole("dialog", { name: `Record the commission for ${client}` });
  await expect(offer).toBeVisible();
  // Contoso Security's commission rate is 12.5 %
  await expect(offer.getByLabel(/^Amount/)).toHaveValue("6250.00");
  await offer.getByLabel(/^Amount/).fill("0");
  await offer.getByRole("button", { name: "Record commission" }).click();
  await expectFieldError(offer.getByLabel(/^Amount/), "The amount must be above 0");
  await offer.getByLabel(/^Amount/).fill("6250");
  await offer.getByRole("button", { name: "Record commission" }).click();
  await expect(offer).toBeHidden();

  const commission = page.getByTestId("commission-row").filter({ hasText: client }).first();
  await expect(commission).toContainText("Pending");
  await expect(commission.getByRole("button", { name: "Mark paid" })).toHaveCount(0); // not a legal move from pending
  await commission.getByRole("button", { name: "Approve" }).click();
  await expect(commission).toContainText("Approved");
  const paidBefore = await page.getByTestId("commission-paid").innerText();
  await commission.getByRole("button", { name: "Mark paid" }).click();
  await expect(commission).toContainText("Paid");
  await expect(commission.getByRole("button")).toHaveCount(0);
  await expect(page.getByTestId("commission-paid")).not.toHaveText(paidBefore);

  await expectTimelineEvent(page, partner, `New referral: ${client}`);
  await expectTimelineEvent(page, partner, `Referral won: ${client}`);
  await expectTimelineEvent(page, partner, "Commission paid: $6,250.00");

  // a referral whose commission is paid can still be deleted: the commission stays on record, unlinked
  await page.goto(tab(partner, "referrals"));
  const paidTotal = await page.getByTestId("commission-paid").innerText();
  await page
    .getByTestId("referral-row")
    .filter({ hasText: client })
    .getByRole("button", { name: `Delete ${client}` })
    .click();
  await expect(page.getByRole("dialog")).toContainText("Commissions recorded for it stay, without the link.");
  await expect(page.getByRole("dialog")).not.toContainText("cannot be deleted");
  await page.getByRole("dialog").getByRole("button", { name: "Delete referral" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByText("Referral deleted")).toBeVisible();
  await expect(page.getByTestId("referral-row").filter({ hasText: client })).toHaveCount(0);
  const kept = page.getByTestId("commission-row").filter({ hasText: `Commission on ${client}` });
  await expect(kept).toHaveCount(1);
  await expect(kept).toContainText("$6,250.00");
  await expect(kept).toContainText("Paid");
  await expect(page.getByTestId("commission-paid")).toHaveText(paidTotal);
  await page.reload();
  await expect(page.getByTestId("referral-row").filter({ hasText: client })).toHaveCount(0);
  await expect(page.getByTestId("commission-row").filter({ hasText: `Commission on ${client}` })).toHaveCount(1);

  // one without commissions is deleted
  const spare = unique("Onyx Legal");
  await page.getByRole("button", { name: "New referral" }).click();
  await dialogField(page, "Client name").fill(spare);
  await page.getByRole("dialog").getByRole("button", { name: "Create referral" }).click();
  await page
    .getByTestId("referral-row")
    .filter({ hasText: spare })
    .getByRole("button", { name: `Delete ${spare}` })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete referral" }).click();
  await expect(page.getByTestId("referral-row").filter({ hasText: spare })).toHaveCount(0);
});

test("a manager edits a pending commission's amount and dates, deletes one, and is told why an approved one stays", async ({
  page,
}) => {
  await openWorkspace(page, "manager@acme.test", partner, "referrals");
  const bonus = unique("Launch bonus");
  const record = async (description: string, amount: string) => {
    await page.getByRole("button", { name: "Record commission" }).click();
    const dialog = page.getByRole("dialog", { name: "Record a commission" });
    await dialog.getByLabel(/^Amount/).fill(amount);
    await dialog.getByLabel("Description").fill(description);
    await dialog.getByLabel("Earned on").fill("2026-05-01");
    await dialog.getByRole("button", { name: "Record commission" }).click();
    await expect(dialog).toBeHidden();
    return page.getByTestId("commission-row").filter({ hasText: description });
  };

  const row = await record(bonus, "300");
  await expect(row).toContainText("$300.00");
  await expect(row).toContainText("Pending");

  // edit: the form opens with what is stored, is held to the same rules, and saves
  await row.getByRole("button", { name: `Edit commission: ${bonus}` }).click();
  const edit = page.getByRole("dialog", { name: "Edit commission" });
  await expect(edit.getByLabel(/^Amount/)).toHaveValue("300");
  await expect(edit.getByLabel("Earned on")).toHaveValue("2026-05-01");
  await edit.getByLabel(/^Amount/).fill("-5");
  await edit.getByLabel("Due on").fill("2026-04-01");
  await edit.getByRole("button", { name: "Save commission" }).click();
  await expectFieldError(edit.getByLabel(/^Amount/), "The amount must be above 0");
  await expectFieldError(edit.getByLabel("Due on"), "The due date cannot be before the earned date");
  await edit.getByLabel(/^Amount/).fill("450.50");
  await edit.getByLabel("Earned on").fill("2026-05-03");
  await edit.getByLabel("Due on").fill("2026-06-30");
  await edit.getByRole("button", { name: "Save commission" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText("$450.50");
  await expect(row).toContainText("earned May 3, 2026");
  await expect(row).toContainText("due Jun 30, 2026");

  // delete the pending one
  await row.getByRole("button", { name: `Delete commission: ${bonus}` }).click();
  await expect(page.getByRole("dialog")).toContainText("$450.50");
  await page.getByRole("dialog").getByRole("button", { name: "Delete commission" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByTestId("commission-row").filter({ hasText: bonus })).toHaveCount(0);

  // approved behind this page's back: the delete is refused with the reason, the row stays
  const other = unique("Renewal bonus");
  const otherRow = await record(other, "120");
  const db = new pg.Client({ connectionString: process.env.SUPABASE_DB_URL });
  await db.connect();
  try {
    await db.query("update public.partner_commissions set status = 'approved' where description = $1", [other]);
  } finally {
    await db.end();
  }
  await otherRow.getByRole("button", { name: `Delete commission: ${other}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete commission" }).click();
  await expect(
    page.getByText("Only pending commissions can be deleted (this one is approved). Void it instead."),
  ).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(otherRow).toContainText("Approved");
  await expect(otherRow.getByRole("button", { name: `Edit commission: ${other}` })).toHaveCount(0);
});

test("a member moves a referral along the pipeline but cannot touch commissions", async ({ page }) => {
  await openWorkspace(page, "member@acme.test", partner, "referrals");
  const client = unique("Nova Logistics");
  await page.getByRole("button", { name: "New referral" }).click();
  await dialogField(page, "Client name").fill(client);
  await page.getByRole("dialog").getByRole("button", { name: "Create referral" }).click();
  const row = page.getByTestId("referral-row").filter({ hasText: client });
  await row.getByRole("combobox", { name: `Stage of ${client}` }).selectOption("qualified");
  await expect(page.getByText(`${client}: Qualified`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Record commission" })).toBeDisabled();
  await expect(page.getByRole("button", { name: /^Edit commission/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete commission/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Delete ${client}` })).toBeDisabled();
  await expect(page.getByText("Only admins and managers can do this.").first()).toBeVisible();
  await expectTimelineEvent(page, partner, `Referral ${client} moved from submitted to qualified`);
});

test("a viewer cannot create or move referrals", async ({ page }) => {
  await openWorkspace(page, "viewer@acme.test", partner, "referrals");
  await expect(page.getByRole("button", { name: "New referral" })).toBeDisabled();
  await expect(page.getByRole("combobox", { name: /^Stage of/ }).first()).toBeDisabled();
  await expect(page.getByTestId("read-only-notice")).toBeVisible();
});
