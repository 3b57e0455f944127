/**
 * The directory as a person feels it, on a production build at scale: what `npm run bench`
 * measures through PostgREST, here measured through the app in Chromium.
 *
 *   - first response: GET /admin/partners (server render: session, layout, page, count, metrics)
 *   - a deep page:    GET /admin/partners?page=1000 (offset 99,900 of 100k)
 *   - text search:    GET /admin/partners?q=Blue (a common word: ~5% of the partners match)
 *   - filter change:  click a status in the filter until the grid shows the new rows, each
 *                     click a set of statuses not shown before (so its rows are fetched),
 *                     timed in the page from the click event to the frame that shows them
 *   - scroll:         scroll a 200-row page top to bottom one step per frame; frame times and
 *                     how many rows are in the DOM at most (virtualisation)
 *   - inline edit:    Enter on a region cell, type, Enter: until the cell shows the value
 *                     (optimistic) and until the server confirmed it
 *
 * Standalone, against a running `next start` whose stack holds the scale data:
 *   npx tsx scripts/bench/directory.ts --app http://localhost:3301 [--email admin@acme.test] [--runs 20]
 * `benchDirectoryUi()` is the same for the bench entry to call.
 */
import { chromium, type Page } from "playwright-core";
import { benchDirectoryDataPath } from "./directory-data";
import { measure, ms, table, type Timing } from "./stats";

export type DirectoryUiOptions = { appUrl: string; email?: string; password?: string; runs?: number };
export type DirectoryUiResult = { rows: string[][]; matching: number };

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

async function rowCount(page: Page): Promise<number> {
  return Number(await page.getByRole("grid", { name: "Partners" }).getAttribute("aria-rowcount"));
}

/**
 * Milliseconds from the last click the page received to the frame in which the grid shows
 * the new view (not busy, a new row count), timed in the page: the tool's own work before it
 * dispatches a click (waiting for the element to hold still, hit-testing it) is no part of
 * what a person waits for.
 */
async function clickToNewRows(page: Page, from: number): Promise<number> {
  const handle = await page.waitForFunction(
    (previous) => {
      const grid = document.querySelector('[role="grid"]');
      const shown =
        grid && grid.getAttribute("aria-busy") !== "true" && Number(grid.getAttribute("aria-rowcount")) !== previous;
      const clickedAt = (window as unknown as { __lastClick?: number }).__lastClick;
      return shown && clickedAt !== undefined ? performance.now() - clickedAt : false;
    },
    from,
    { polling: "raf" },
  );
  return (await handle.jsonValue()) as number;
}

export async function benchDirectoryUi({
  appUrl,
  email = "admin@acme.test",
  password = "partnerdesk-demo",
  runs = 20,
}: DirectoryUiOptions): Promise<DirectoryUiResult> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${appUrl}/login?next=%2Fadmin%2Fpartners`);
    await page.getByLabel("Work email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/admin\/partners/);
    const matching = await rowCount(page);

    const get = (path: string) => async () => {
      const response = await context.request.get(`${appUrl}${path}`);
      if (!response.ok()) throw new Error(`GET ${path}: ${response.status()}`);
      await response.body();
    };
    const first = await measure(runs, get("/admin/partners"), 3);
    const deep = await measure(runs, get("/admin/partners?page=1000"), 3);
    const search = await measure(runs, get("/admin/partners?q=Blue"), 3);

    // Filter change to a view never shown before, so each one is fetched: the status
    // checkboxes toggled in Gray-code order (one box a step) visit 31 distinct sets from
    // "all"; each click is timed until the grid holds the new view's rows.
    await page.goto(`${appUrl}/admin/partners`);
    const filterTimes: number[] = [];
    await page.evaluate(() =>
      document.addEventListener("click", (event) => Object.assign(window, { __lastClick: event.timeStamp }), {
        capture: true,
      }),
    );
    await page.getByRole("button", { name: /^Status:/ }).click();
    const boxes = ["Prospect", "Onboarding", "Active", "Paused", "Churned"].map((name) =>
      page.getByRole("checkbox", { name }),
    );
    for (let step = 1; step <= Math.min(runs + 2, 31); step++) {
      const before = await rowCount(page);
      await boxes[Math.log2(step & -step)]!.click();
      const took = await clickToNewRows(page, before);
      if (step > 2) filterTimes.push(took);
    }
    await page.keyboard.press("Escape");
    const filter = summarise(filterTimes);

    // Scroll a 200-row page from top to bottom, one step per frame.
    await page.goto(`${appUrl}/admin/partners?size=200`);
    await page.getByRole("grid", { name: "Partners" }).waitFor();
    const scroll = await page.evaluate(async () => {
      const scroller = document.querySelector('[role="grid"]')!.parentElement!;
      const frames: number[] = [];
      let maxRows = 0;
      let last = performance.now();
      const steps = 120;
      for (let i = 1; i <= steps; i++) {
        scroller.scrollTop = (scroller.scrollHeight * i) / steps;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const now = performance.now();
        frames.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, document.querySelectorAll('[role="row"][aria-rowindex]').length);
      }
      return { frames, maxRows };
    });

    // Inline edit of a region: visible at once (optimistic), then confirmed by the server.
    await page.goto(`${appUrl}/admin/partners?sort=-updated_at`);
    const visible: number[] = [];
    const confirmed: number[] = [];
    for (let i = 0; i < Math.min(runs, 10); i++) {
      const cell = page.locator('[role="row"][aria-rowindex="1"] [data-column="region"]');
      await cell.click();
      const value = `Bench ${Date.now() % 100000}`;
      await page.keyboard.press("Enter");
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.insertText(value);
      const answered = page.waitForResponse(
        (response) => response.request().method() === "POST" && response.url().includes("/admin/partners"),
      );
      const started = performance.now();
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        (text) =>
          [...document.querySelectorAll('[data-column="region"]')].some((element) => element.textContent === text),
        value,
        { polling: "raf" },
      );
      visible.push(performance.now() - started);
      await answered;
      confirmed.push(performance.now() - started);
      await page.waitForTimeout(300);
    }

    const cookie = (await context.cookies(appUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
    const dataPath = await benchDirectoryDataPath({ appUrl, cookie, runs });

    const frameTiming = summarise(scroll.frames);
    const slowFrames = scroll.frames.filter((frame) => frame > 50).length;
    return {
      matching,
      rows: [
        row(
          "directory first response (GET, server render)",
          first,
          `target < 500 ms: ${first.median < 500 ? "met" : "MISSED"}`,
        ),
        row("directory deep page 1000 (GET)", deep),
        row(
          "text search q=Blue (GET, server render)",
          search,
          `target < 150 ms: ${search.median < 150 ? "met" : "MISSED"}`,
        ),
        row(
          "filter change to new rows (click → grid)",
          filter,
          `target p95 < 150 ms: ${filter.p95 < 150 ? "met" : "MISSED"}`,
        ),
        ...dataPath,
        row(
          "scroll 200 rows, frame time",
          frameTiming,
          `${slowFrames} frames > 50 ms; ≤ ${scroll.maxRows} rows in the DOM`,
        ),
        row("inline edit visible (optimistic)", summarise(visible)),
        row("inline edit confirmed by the server", summarise(confirmed)),
      ],
    };
  } finally {
    await browser.close();
  }
}

function summarise(durations: number[]): Timing {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { runs: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

function row(label: string, timing: Timing, note = ""): string[] {
  return [label, String(timing.runs), ms(timing.median), ms(timing.p95), note];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const appUrl = option("app") ?? "http://localhost:3301";
  benchDirectoryUi({ appUrl, email: option("email"), runs: Number(option("runs") ?? 20) })
    .then((result) => {
      console.log(
        `\nPartnerdesk directory in the browser — ${result.matching.toLocaleString("en")} partners matching (ms)\n`,
      );
      console.log(table(["measurement", "runs", "median", "p95", "note"], result.rows));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
