/**
 * The directory's data path at scale, through the app (a production build), signed in:
 *   - next page at a depth of 100k: the rows route with `after=` the last row of page 999, archived included
 *     (sorted by name, 100 rows a page), checked against the offset page it must equal; rows only
 *     (`parts=rows`), as the screen asks for a page of the filter it already counted
 *   - jump to page 1,000: the same page by offset (a page jump stays offset-based), rows only too
 *   - the directory page's HTML for 100 rows, in bytes: markup beside the RSC flight payload
 *   - views per second of the directory page vs the rows route reading 50 partners (a bare
 *     signed-in route: the same auth check, one page of partners), 10 clients at once, side
 *     by side in one run
 */
import { htmlWeight, kb } from "./html-weight";
import { measure, ms, type Timing } from "./stats";

export type DataPathOptions = { appUrl: string; cookie: string; runs: number; concurrency?: number; seconds?: number };
type Row = { id: string; name: string };
type Answer = { rows: Row[]; summary: { total: number; totalIsEstimate: boolean } };

const ROUTE = "/api/partners/directory";

async function getJson(appUrl: string, cookie: string, path: string): Promise<Answer> {
  const response = await fetch(`${appUrl}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Answer;
}

async function getText(appUrl: string, cookie: string, path: string): Promise<string> {
  const response = await fetch(`${appUrl}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return response.text();
}

async function getBytes(appUrl: string, cookie: string, path: string): Promise<number> {
  const response = await fetch(`${appUrl}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.arrayBuffer()).byteLength;
}

/** Completed responses per second with `concurrency` clients asking back to back for `seconds`. */
async function throughput(work: () => Promise<unknown>, concurrency: number, seconds: number): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await work();
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

export async function benchDirectoryDataPath({
  appUrl,
  cookie,
  runs,
  concurrency = 10,
  seconds = 10,
}: DataPathOptions): Promise<string[][]> {
  const cursorOf = (row: Row) => encodeURIComponent(`${row.name},${row.id}`);
  const page999 = await getJson(appUrl, cookie, `${ROUTE}?archived=true&sort=name&size=100&page=999`);
  const last = page999.rows.at(-1);
  if (!last) throw new Error("page 999 is empty: the bench needs 100,000 partners");
  // A page change keeps the filter, so the screen holds its summary and asks for the rows alone.
  const deepPath = `${ROUTE}?archived=true&sort=name&size=100&page=1000&after=${cursorOf(last)}&parts=rows`;
  const jumpPath = `${ROUTE}?archived=true&sort=name&size=100&page=1000&parts=rows`;
  const [byCursor, byOffset] = [await getJson(appUrl, cookie, deepPath), await getJson(appUrl, cookie, jumpPath)];
  const same = JSON.stringify(byCursor.rows.map((r) => r.id)) === JSON.stringify(byOffset.rows.map((r) => r.id));
  if (!same || byCursor.rows.length === 0) throw new Error("the cursor page 1,000 differs from the offset page 1,000");

  const deep = await measure(runs, () => getJson(appUrl, cookie, deepPath), 3);
  const jump = await measure(runs, () => getJson(appUrl, cookie, jumpPath), 3);
  const search = await measure(runs, () => getJson(appUrl, cookie, `${ROUTE}?q=Blue&sort=name&size=100`), 3);
  const searchAnswer = await getJson(appUrl, cookie, `${ROUTE}?q=Blue&sort=name&size=100`);
  const weight = htmlWeight(await getText(appUrl, cookie, "/admin/partners?sort=name&size=100"));
  const bytes = weight.total;

  const pagePath = "/admin/partners?sort=name&size=100";
  const barePath = `${ROUTE}?sort=name&size=50`;
  // Warm both, then measure them in turn so drift hits both alike.
  await throughput(() => getBytes(appUrl, cookie, pagePath), concurrency, 2);
  await throughput(() => getBytes(appUrl, cookie, barePath), concurrency, 2);
  const pageRate = await throughput(() => getBytes(appUrl, cookie, pagePath), concurrency, seconds);
  const bareRate = await throughput(() => getBytes(appUrl, cookie, barePath), concurrency, seconds);
  const ratio = pageRate / bareRate;

  const line = (label: string, timing: Timing, note = "") => [
    label,
    String(timing.runs),
    ms(timing.median),
    ms(timing.p95),
    note,
  ];
  return [
    line(
      "next page at depth 100k (rows route, after=)",
      deep,
      `target p95 < 60 ms: ${deep.p95 < 60 ? "met" : "MISSED"}; equals the offset page`,
    ),
    line("jump to page 1,000 (rows route, offset)", jump),
    line(
      "text search q=Blue (rows route)",
      search,
      `${searchAnswer.summary.totalIsEstimate ? "about " : ""}${searchAnswer.summary.total.toLocaleString("en")} matches`,
    ),
    [
      "directory page HTML, 100 rows",
      "1",
      kb(bytes),
      "",
      `target < 100 KB: ${bytes < 100 * 1024 ? "met" : "MISSED"}; markup ${kb(weight.markup)}, flight ${kb(weight.flight)}, other scripts ${kb(weight.otherScripts)}`,
    ],
    [
      `views/s, ${concurrency} clients: directory page vs bare route (50 partners)`,
      "",
      pageRate.toFixed(1),
      bareRate.toFixed(1),
      `ratio ${ratio.toFixed(2)}, target >= 0.5: ${ratio >= 0.5 ? "met" : "MISSED"} (median column: page, p95 column: bare)`,
    ],
  ];
}
