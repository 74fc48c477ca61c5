/**
 * Filling whole score windows in the demo console, for the score e2e test and `npm run demo`: the page
 * itself requests the console's order and review lists (as the console's own paging would), so the
 * extension's main-world hook captures them like any other page load. A stand-in for the "采集全部"
 * walker until it lands; nothing here talks to the extension directly.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { allRows, countRows } from './idb';

const BASE = 'https://fxg.jinritemai.com';
const DAY = 86_400_000;

/**
 * The score page once per day for `days` days before `now` (the console's `demo_now` cookie), then
 * today. Each visit loads five score responses (overview, three indicator pages, review statistics),
 * each of a new date: the next visit waits until they are stored, or navigating away would drop the
 * ones the content script has not handed over yet.
 */
export async function visitScoreDays(
  context: BrowserContext,
  now: number,
  days: number,
  probe: Page,
): Promise<void> {
  const page = await context.newPage();
  const before = (await countRows(probe)).officialScores ?? 0;
  for (let d = days, visits = 1; d >= 0; d--, visits++) {
    if (d > 0)
      await context.addCookies([
        { name: 'demo_now', value: String(now - d * DAY), domain: 'fxg.jinritemai.com', path: '/' },
      ]);
    else await context.clearCookies({ name: 'demo_now' });
    await page.goto(`${BASE}/ffa/eco/experience-score`);
    await page.getByText('商品体验').first().waitFor();
    const want = before + 5 * visits;
    for (let t = 0; ((await countRows(probe)).officialScores ?? 0) < want; t++) {
      if (t > 100) throw new Error(`score page of ${visits} visits not stored`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await page.close();
}

/**
 * Every order created in the last `days` days and every review down to the same day, `pageSize` rows a
 * request with `pauseMs` between requests. Returns the rows the console served and the page, which must
 * stay open until they are stored.
 */
export async function captureWindow(
  context: BrowserContext,
  opts: { now: number; days: number; pauseMs?: number },
): Promise<{ orders: number; reviews: number; responses: number; page: Page }> {
  const page = await context.newPage();
  await page.goto(`${BASE}/ffa/morder/order/list`);
  await page.locator('tbody tr').first().waitFor();
  const start = Math.floor((opts.now - opts.days * DAY) / 1000);
  const code = `(async () => {
    const pause = (ms) => new Promise((r) => setTimeout(r, ms));
    const rowsOf = (b) => Array.isArray(b.data) ? b.data : Array.isArray(b.data?.data) ? b.data.data : [];
    let orders = 0, reviews = 0, responses = 0;
    for (let p = 0; p < 500; p++) {
      const r = await fetch('/api/order/searchlist?page=' + p + '&pageSize=200&order=desc&create_time_start=${start}');
      responses++;
      const rows = rowsOf(await r.json());
      orders += rows.length;
      if (rows.length < 200) break;
      await pause(${opts.pauseMs ?? 300});
    }
    for (let p = 0; p < 500; p++) {
      const r = await fetch('/product/tcomment/commentList?page=' + p + '&pageSize=100&variant=flat');
      responses++;
      const rows = rowsOf(await r.json());
      reviews += rows.length;
      const last = rows[rows.length - 1];
      if (rows.length < 100 || !last || Number(last.comment_time) < ${start}) break;
      await pause(${opts.pauseMs ?? 300});
    }
    return { orders, reviews, responses };
  })()`;
  const served = (await page.evaluate(code)) as { orders: number; reviews: number; responses: number };
  // The content script is still handing responses to the worker one by one: keep the page open until
  // the caller has seen them stored (settle), or the rest of the queue is lost with the page.
  return { ...served, page };
}

/**
 * Waits until the extension has stored at least `orders`/`reviews` rows and the score job has caught up.
 * Reads through an extension page (`probe`), not the service worker: a worker that stopped when idle
 * leaves Playwright a stale handle whose evaluate never returns.
 */
export async function settle(
  probe: Page,
  want: { orders: number; reviews: number; events?: number },
  timeoutMs = 120_000,
): Promise<void> {
  const t0 = Date.now();
  const wait = async (what: string, done: () => Promise<boolean>) => {
    while (!(await done())) {
      if (Date.now() - t0 > timeoutMs) {
        const events = await allRows<{
          endpoint: string;
          outcome: string;
          added: number;
          rejected: number;
          reasons: unknown[];
        }>(probe, 'captureEvents');
        const bad = events.filter((e) => e.outcome !== 'ok').slice(0, 3);
        throw new Error(
          `capture did not settle: ${what} ${JSON.stringify(await countRows(probe))} want ${JSON.stringify(want)} ${JSON.stringify(bad)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  await wait('rows', async () => {
    const c = await countRows(probe);
    return (
      (c.orders ?? 0) >= want.orders &&
      (c.reviews ?? 0) >= want.reviews &&
      // A second capture of rows already stored adds none: wait for its responses' own health entries.
      (c.captureEvents ?? 0) >= (want.events ?? 0)
    );
  });
  // The score job runs on a throttle after the last batch: wait for a snapshot newer than the data.
  await wait('snapshot', async () => {
    const events = await allRows<{ at: number }>(probe, 'captureEvents');
    const last = Math.max(0, ...events.map((e) => e.at));
    const snaps = await allRows<{ takenAt: number; head?: unknown }>(probe, 'scoreSnapshots');
    return snaps.some((s) => s.head !== undefined && s.takenAt >= last);
  });
}
