import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { clientAt, trySignIn } from "./support";
import { e2ePort } from "../../tests/support/test-stack";
import { signInAsStaff } from "../support/auth";
import { createAccount, createPartner, createStaffMember, withDb } from "../support/people";
import { dialogField, tab } from "../workspace-helpers";

/**
 * The limits live in Postgres, not in an app server's memory: two instances of the app on
 * one database count one person's attempts together, and a person writing faster than the
 * database allows is told so in words, whichever screen they are on.
 */
const PASSWORD = "a-long-enough-password-2";
const secondPort = e2ePort() + 37;
let second: ChildProcess | undefined;

test.beforeAll(async () => {
  // The same production build, started a second time, as a load balancer's second instance.
  second = spawn("node_modules/.bin/next", ["start", "-p", String(secondPort)], {
    env: process.env,
    stdio: "ignore",
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const answered = await fetch(`http://localhost:${secondPort}/login`).then(
      (response) => response.status,
      () => 0,
    );
    if (answered === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the second app instance did not answer on ${secondPort}`);
});

test.afterAll(() => {
  if (second?.pid) process.kill(-second.pid, "SIGTERM");
});

const octet = () => Math.floor(Math.random() * 250) + 1;

test("two app instances count one account's failures together", async ({ browser }) => {
  const target = await createAccount("Shared", PASSWORD);
  const address = `203.0.${octet()}.${octet()}`;
  const first = await clientAt(browser, address, `http://localhost:${e2ePort()}`);
  const other = await clientAt(browser, address, `http://localhost:${secondPort}`);

  // Three failures on one instance, one on the other: four in all, still below the limit.
  for (const [page, attempt] of [
    [first, 1],
    [first, 2],
    [first, 3],
    [other, 4],
  ] as const) {
    await trySignIn(page, target.email, `wrong-${attempt}-password`);
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
  }
  // The fifth, on the second instance, reaches the limit the first instance counted towards.
  await trySignIn(other, target.email, "wrong-5-password");
  await expect(other.getByText(/Too many failed attempts for this account from your network/)).toBeVisible();
  await trySignIn(first, target.email, PASSWORD);
  await expect(first.getByText(/Too many failed attempts for this account from your network/)).toBeVisible();

  // The control: the same account from another network signs in on either instance.
  const elsewhere = await clientAt(browser, `203.0.${octet()}.${octet()}`, `http://localhost:${secondPort}`);
  await trySignIn(elsewhere, target.email, PASSWORD);
  await expect(elsewhere).not.toHaveURL(/\/login/);
});

test("a person writing faster than the database allows is told to wait, and nothing is saved", async ({ page }) => {
  const staff = await createStaffMember("fast-writer", PASSWORD);
  const partner = await createPartner("Fast Writes Co");
  await signInAsStaff(page, staff.email, tab(partner.id, "tasks"), PASSWORD);

  // Fill this person's current window of writes, as a burst of their own would have.
  await withDb((db) =>
    db.query(
      `insert into private.rate_limit_counters (kind, key_hash, window_start, hits)
       select r.kind, private.rate_limit_key($1),
              to_timestamp(floor(extract(epoch from private.rate_limit_now()) / r.window_seconds) * r.window_seconds),
              r.max_hits
         from private.rate_limit_rules r where r.kind = 'write.user'
       on conflict (kind, key_hash, window_start) do update set hits = excluded.hits`,
      [staff.id],
    ),
  );
  const title = `Too fast ${Date.now()}`;
  await page.getByRole("button", { name: "New task" }).click();
  await dialogField(page, "Title").fill(title);
  await page.getByRole("dialog").getByRole("button", { name: "Create task" }).click();
  await expect(
    page.getByRole("dialog").getByText(/You're making changes very fast\. Try again in \d+ seconds?\./),
  ).toBeVisible();
  const saved = await withDb(
    async (db) =>
      (await db.query("select count(*)::int as n from public.partner_tasks where title = $1", [title])).rows[0]
        .n as number,
  );
  expect(saved).toBe(0);

  // The control: once the window is over, the same person saves the same task.
  await withDb((db) =>
    db.query(
      "delete from private.rate_limit_counters where kind = 'write.user' and key_hash = private.rate_limit_key($1)",
      [staff.id],
    ),
  );
  await page.getByRole("dialog").getByRole("button", { name: "Create task" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect
    .poll(async () =>
      withDb(
        async (db) =>
          (await db.query("select count(*)::int as n from public.partner_tasks where title = $1", [title])).rows[0]
            .n as number,
      ),
    )
    .toBe(1);
});
