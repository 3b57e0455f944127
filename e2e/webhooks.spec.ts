import http from "node:http";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { openAsStaff } from "./support/session";

const PORT = 21950;

async function runJobs(request: APIRequestContext): Promise<void> {
  const response = await request.post("/api/jobs/run", {
    headers: { authorization: `Bearer ${process.env.JOBS_SECRET}` },
  });
  expect(response.status()).toBe(200);
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("an admin registers an endpoint, pings it, reads the delivery log and sends a delivery again", async ({
  page,
  request,
}) => {
  let secret = "";
  const received: { id: string; type: string }[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const body = new Webhook(secret).verify(raw, {
        "webhook-id": String(req.headers["webhook-id"]),
        "webhook-timestamp": String(req.headers["webhook-timestamp"]),
        "webhook-signature": String(req.headers["webhook-signature"]),
      }) as { type: string };
      received.push({ id: String(req.headers["webhook-id"]), type: body.type });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(PORT, "127.0.0.1", resolve));
  try {
    await openAsStaff(page, "admin@acme.test", "/admin/settings/webhooks");
    const form = page.getByRole("form", { name: "New webhook endpoint" });
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(form.getByText("Enter the URL that receives the events.")).toBeVisible();
    await expect(form.getByText("Choose at least one event to send.")).toBeVisible();

    await form.getByLabel("URL").fill(`http://127.0.0.1:${PORT}/hook`);
    await form.getByLabel("Description").fill("Receiver in the test");
    await form.getByLabel(/Note\s*note\.added/).check();
    await form.getByRole("button", { name: "Add endpoint" }).click();
    secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);

    const card = page.getByTestId("webhook-endpoint").filter({ hasText: `127.0.0.1:${PORT}` });
    await expect(card.getByText("No deliveries yet.", { exact: false })).toBeVisible();
    await card.getByRole("button", { name: "Send test ping" }).click();
    await expect(page.getByText("Test ping queued.")).toBeVisible();
    await runJobs(request);
    await page.reload();
    const row = card.getByTestId("webhook-delivery").filter({ hasText: "webhook.ping" });
    await expect(row).toContainText("succeeded");
    await expect(row).toContainText("204");
    await expect(row.getByRole("cell").nth(5)).toHaveText("1");
    // Tests beside this one change Acme's partners, and the endpoint hears every event type:
    // only the pings are this test's.
    const pings = () => received.filter((r) => r.type === "webhook.ping");
    expect(pings().map((r) => r.type)).toEqual(["webhook.ping"]);
    await screenshots(page, "webhooks");

    await row.getByRole("button", { name: "Send again" }).click();
    await expect(page.getByText("It goes out with the next run.")).toBeVisible();
    await runJobs(request);
    await page.reload();
    await expect(row.getByRole("cell").nth(5)).toHaveText("2");
    expect(pings()).toHaveLength(2);
    expect(pings()[1]!.id).toBe(pings()[0]!.id); // the same webhook-id: a receiver can tell it already has it
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
