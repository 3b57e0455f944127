import { expect, test, type Page } from "@playwright/test";
import { clientAt, trySignIn } from "./support";
import { latestMailTo, linkAndCode } from "../support/auth";
import { createAccount, createPartnerUser, withDb } from "../support/people";

/**
 * The sign-in limits as a person meets them. The test build trusts x-test-client-ip as its
 * proxy's address header (TRUSTED_PROXY_HEADER), so each browser context is one client.
 * The rules are the shipped per-account ones (five wrong passwords per account and address,
 * five wrong codes per email); only the per-address ceilings are loosened for the test run.
 */
const PASSWORD = "a-long-enough-password-1";

const octet = () => Math.floor(Math.random() * 250) + 1;
const address = () => `198.51.${octet()}.${octet()}`;

test("a flood of wrong passwords stops that account from that network only", async ({ browser }) => {
  const flooded = await createAccount("Flooded", PASSWORD);
  const bystander = await createAccount("Bystander", PASSWORD);
  const attacker = await clientAt(browser, address());

  for (let attempt = 1; attempt <= 4; attempt++) {
    await trySignIn(attacker, flooded.email, `wrong-${attempt}-password`);
    await expect(attacker.getByText("Wrong email or password.")).toBeVisible();
  }
  await trySignIn(attacker, flooded.email, "wrong-5-password");
  await expect(
    attacker.getByText(
      /Too many failed attempts for this account from your network\. Try again in ([1-9]|1[0-5]) minutes?\./,
    ),
  ).toBeVisible();
  // Even the right password is refused from there now: the limit is checked before the auth server.
  await trySignIn(attacker, flooded.email, PASSWORD);
  await expect(attacker.getByText(/Too many failed attempts for this account/)).toBeVisible();
  await expect(attacker).toHaveURL(/\/login/);

  // Someone else, elsewhere, signs in as usual.
  const other = await clientAt(browser, address());
  await trySignIn(other, bystander.email, PASSWORD);
  await expect(other).not.toHaveURL(/\/login/);

  // And the flooded account's owner, from their own network, too.
  const owner = await clientAt(browser, address());
  await trySignIn(owner, flooded.email, PASSWORD);
  await expect(owner).not.toHaveURL(/\/login/);
});

async function requestCode(page: Page, email: string): Promise<string> {
  const since = new Date(Date.now() - 1000);
  await page.goto("/portal/login");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Check your email")).toBeVisible();
  return linkAndCode(await latestMailTo(email, since)).code;
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel("6-digit code").fill(code);
  await page.getByRole("button", { name: "Sign in with code" }).click();
}

const wrongCode = (code: string, n: number) => String((Number(code) + 1 + n) % 1_000_000).padStart(6, "0");

test("five wrong codes spend the code; a person with the right code gets in, recorded at their address", async ({
  browser,
}) => {
  const target = await createPartnerUser("Guessed");
  const guesser = await clientAt(browser, address());
  const code = await requestCode(guesser, target.email);
  for (let n = 0; n < 4; n++) {
    await enterCode(guesser, wrongCode(code, n));
    await expect(guesser.getByText("That code is wrong, used or expired. Request a new one.")).toBeVisible();
  }
  await enterCode(guesser, wrongCode(code, 4));
  await expect(guesser.getByText("This code can no longer be used. Ask for a new link.").first()).toBeVisible();
  await enterCode(guesser, code);
  await expect(guesser.getByText("This code can no longer be used. Ask for a new link.").first()).toBeVisible();
  await expect(guesser).toHaveURL(/\/portal\/login/);

  // The control: one wrong code, then the right one, signs in; the audit entry the app writes
  // through the person's own client names the address their proxy reported.
  const person = await createPartnerUser("Patient");
  const at = address();
  const page = await clientAt(browser, at);
  const good = await requestCode(page, person.email);
  await enterCode(page, wrongCode(good, 0));
  await expect(page.getByText("That code is wrong, used or expired. Request a new one.")).toBeVisible();
  await enterCode(page, good);
  await expect(page).toHaveURL(/\/portal(?!\/login)/);
  const rows = await withDb((db) =>
    db.query("select ip, user_agent from public.audit_log where action = 'portal.sign_in' and actor_id = $1", [
      person.id,
    ]),
  );
  expect(rows.rows).toHaveLength(1);
  expect(rows.rows[0].ip).toBe(at);
  expect(rows.rows[0].user_agent).toBe(await page.evaluate(() => navigator.userAgent));
});
