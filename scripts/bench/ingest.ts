/**
 * Benchmark (Chromium, built extension): ingest through the real path — the demo 抖店 评价管理 page loads
 * 1,000-row pages (`?demo_page_size=1000`), the main-world hook copies each response, the content script
 * parses it and messages the service worker, which validates, dedupes and writes Dexie (with the
 * aggregate hooks) — timed from the first page request until every row is committed (polled from the
 * capture-health log). Then, in the first run, the same pages again (re-ingest: every row already
 * stored), and, in the same browser, a raw IndexedDB put loop of the very same rows into a database with
 * the same schema (lib/db.ts `declareSchema`), one transaction per 1,000 rows: the physical limit of this
 * run.
 * Also the messaging cost: runtime.sendMessage round trips of real capture batches from an extension page.
 */
import type { Page, Worker } from '@playwright/test';
import { createDemoHandler, routeDemo, type DemoHandler } from '../../demo/server';
import { launchWithExtension } from '../../e2e/browser';
import { toBatches, type CaptureBatch } from '../../lib/capture/batch';
import { parseHookMessage } from '../../lib/capture/content';
import { douyin } from '../../lib/platforms/douyin';
import { ROOT, bundle, load, stat, storedReviews, until, type Figure, type Mode } from './common';
import { ingestPageCode } from './ingest-page';

const NOW = Date.UTC(2026, 10, 22, 2, 0, 0);
const HOST = 'https://fxg.jinritemai.com';
const LIST = `${HOST}/ffa/maftersale/comment?demo_page_size=1000`;
const ROW = 'tr[data-comment-id]';

/** Rows stored by capture of the comment list since `t0` (added + updated + unchanged), from the SW. */
async function captured(sw: Worker, t0: number): Promise<{ rows: number; added: number; events: number }> {
  return sw.evaluate(`(async () => {
    const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const db = await req(indexedDB.open('koubei'));
    const evs = await req(db.transaction('captureEvents').objectStore('captureEvents').index('at').getAll(IDBKeyRange.lowerBound(${t0})));
    db.close();
    let rows = 0, added = 0, events = 0;
    for (const e of evs) if (e.endpoint.startsWith('commentList')) { rows += e.added + e.updated + e.unchanged; added += e.added; events++; }
    return { rows, added, events };
  })()`);
}

/** Opens the list and clicks 下一页 until the last page; returns the number of pages shown. */
async function pageThrough(page: Page): Promise<number> {
  await page.goto(LIST);
  await page.locator(ROW).first().waitFor();
  let pages = 1;
  for (;;) {
    const next = page.getByRole('button', { name: '下一页' }).first();
    if (await next.isDisabled()) return pages;
    const first = await page.locator(ROW).first().getAttribute('data-comment-id');
    await next.click();
    await page.waitForFunction(
      `document.querySelector(${JSON.stringify(ROW)})?.dataset.commentId !== ${JSON.stringify(first)}`,
    );
    pages++;
  }
}

/** Milliseconds from the first request until `total` comment rows are committed. */
async function timedPass(page: Page, sw: Worker, total: number) {
  const t0 = Date.now();
  const pages = await pageThrough(page);
  const done = await until(
    async () => {
      const c = await captured(sw, t0);
      return c.rows >= total ? c : undefined;
    },
    600_000,
    50,
  );
  return { ms: Date.now() - t0, pages, ...done };
}

/** Real capture batches of one 1,000-row page, parsed in Node with the 抖店 adapter. */
export function realBatches(demo: DemoHandler, rowsPerMessage?: number): CaptureBatch[] {
  const url = new URL(`${HOST}/product/tcomment/commentList?page=0&pageSize=1000&demo_page_size=1000`);
  const text = demo({ method: 'GET', url, headers: {} })!.body as string;
  const pageUrl = new URL(LIST);
  const { endpoint, result } = parseHookMessage(douyin, { url: url.href, method: 'GET', status: 200, contentType: 'application/json', text, bytes: text.length, at: NOW }, pageUrl, NOW); // prettier-ignore
  const meta = { platform: 'douyin' as const, endpoint, page: pageUrl.pathname, source: 'api' as const, bytes: text.length }; // prettier-ignore
  if (rowsPerMessage) return [{ ...toBatches(result, meta)[0]!, reviews: result.reviews.slice(0, rowsPerMessage) }]; // prettier-ignore
  return toBatches(result, meta);
}

/** Capture batches of every 1,000-row page of the list (what capture sends for the whole list). */
export function allBatches(demo: DemoHandler, total: number): CaptureBatch[] {
  const out: CaptureBatch[] = [];
  for (let p = 0; p * 1000 < total; p++) {
    const url = new URL(`${HOST}/product/tcomment/commentList?page=${p}&pageSize=1000&demo_page_size=1000`);
    const text = demo({ method: 'GET', url, headers: {} })!.body as string;
    const pageUrl = new URL(LIST);
    const { endpoint, result } = parseHookMessage(douyin, { url: url.href, method: 'GET', status: 200, contentType: 'application/json', text, bytes: text.length, at: NOW }, pageUrl, NOW); // prettier-ignore
    out.push(...toBatches(result, { platform: 'douyin', endpoint, page: pageUrl.pathname, source: 'api', bytes: text.length })); // prettier-ignore
  }
  return out;
}

/** The 评价管理 list total as the demo console reports it. */
export function listTotal(demo: DemoHandler): number {
  const url = new URL(`${HOST}/product/tcomment/commentList?page=0&pageSize=1&rank=0`);
  return (JSON.parse(demo({ method: 'GET', url, headers: {} })!.body as string) as { total: number }).total;
}

export async function runIngest(mode: Mode): Promise<Figure[]> {
  const size = { full: { days: 200, runs: 3 }, quick: { days: 60, runs: 2 }, smoke: { days: 8, runs: 1 } }[mode]; // prettier-ignore
  const demo = createDemoHandler({ seed: 7, now: NOW, days: size.days, ordersPerDay: 300 });
  const code = await bundle(ingestPageCode(ROOT));
  const first: number[] = [];
  const again: number[] = [];
  const raw: number[] = [];
  const ratio: number[] = [];
  const reRatio: number[] = [];
  const dupes: number[] = [];
  const pipeDupes: number[] = [];
  const pipeFirst: number[] = [];
  const pipeAgain: number[] = [];
  const msg: { one: number[]; two: number[]; empty: number[] } = { one: [], two: [], empty: [] };
  let total = 0;
  for (let run = 0; run < size.runs; run++) {
    const { context, extensionId, serviceWorker } = await launchWithExtension();
    try {
      await routeDemo(context, demo);
      const sw = await serviceWorker();
      // Messaging first, on a quiet worker: measured after the ingest passes it also timed the worker's
      // follow-up work (score refresh, the shop adapter learning 17k reviews), and right after launch its
      // start-up work (docs/perf-ingest.md, "packed batches"). So: 3 s after launch, one untimed round of
      // the same messages, then the timed one. One 1,000-row message, two 500-row messages (the shipped
      // batch size), an empty one.
      const probe = await context.newPage();
      await probe.goto(`chrome-extension://${extensionId}/options.html`);
      await probe.evaluate(code);
      await probe.waitForTimeout(3_000);
      const n = mode === 'smoke' ? 3 : 15;
      const [one] = realBatches(demo, 1000);
      const two = realBatches(demo);
      const empty = { ...two[0]!, reviews: [] };
      let sum = 0;
      for (const timed of [false, true]) {
        const o = await probe.evaluate<number>(`KB.roundTrip(${JSON.stringify(one)}, ${n})`);
        sum = 0;
        for (const bt of two)
          sum += await probe.evaluate<number>(`KB.roundTrip(${JSON.stringify(bt)}, ${n})`);
        const e = await probe.evaluate<number>(`KB.roundTrip(${JSON.stringify(empty)}, ${n})`);
        if (!timed) continue;
        msg.one.push(o);
        msg.two.push(sum);
        msg.empty.push(e);
      }
      await probe.close();
      const page = await context.newPage();
      // The list total the console reports = distinct reviews served (asked in Node: not captured).
      total = listTotal(demo);
      const a = await timedPass(page, sw, total);
      // The console pass again (every row already stored) in the first run only: about 40 s a pass at
      // full size for a figure with no target; the ingest path's re-ingest below runs in every run.
      const b = run === 0 ? await timedPass(page, sw, total) : undefined;
      const stored = await storedReviews(sw);
      dupes.push(stored - total + (b?.added ?? 0));
      const ext = await context.newPage();
      await ext.goto(`chrome-extension://${extensionId}/options.html`);
      await ext.evaluate(code);
      await ext.evaluate('KB.loadRows()');
      const rawMs: number[] = [];
      for (let i = 0; i < 3; i++) rawMs.push(await ext.evaluate<number>('KB.rawPutLoop(1000)'));
      rawMs.sort((x, y) => x - y);
      const r = rawMs[1]!;
      const batches = allBatches(demo, total);
      const pipe = await ext.evaluate<{ first: number; again: number; stored: number }>(
        `KB.pipeline(${JSON.stringify(batches)}, 'douyin:bench')`,
      );
      pipeDupes.push(pipe.stored - total);
      first.push(a.ms);
      if (b) again.push(b.ms);
      raw.push(r);
      pipeFirst.push(pipe.first);
      pipeAgain.push(pipe.again);
      // Content script → worker → Dexie: messaging (per 1,000 rows, as shipped) + the worker's ingest.
      const pipelineMs = pipe.first + (sum * total) / 1000;
      ratio.push(r / pipelineMs);
      reRatio.push(pipe.first / pipe.again);
      console.error(
        `  ingest run ${run + 1}: ${total} rows; ingest path ${Math.round(pipe.first)} ms, again ${Math.round(pipe.again)} ms; through the console UI (${a.pages} pages) ${a.ms} ms${b ? `, again ${b.ms} ms` : ''}; raw put loop ${Math.round(r)} ms (runs ${rawMs.map(Math.round).join('/')}), stored ${stored}, load ${load()}`,
      );
    } finally {
      await context.close();
    }
  }
  const maxBytes = Math.max(...realBatches(demo).map((b) => JSON.stringify(b).length));
  const rps = (ms: number) => Math.round((total / ms) * 1000);
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return [
    stat(ratio, { group: 'ingest', what: `first insert, content script → worker → Dexie (messaging + validation, dedupe, aggregates, counters) vs a raw IndexedDB put loop of the same ${total.toLocaleString('en')} rows, 1,000 per transaction (raw ${rps(med(raw))} rows/s, ours ${rps(med(pipeFirst))} rows/s before messaging)`, unit: '×', target: '≥ 0.9×', pass: (v) => v >= 0.9, where: 'chromium' }), // prettier-ignore
    stat(reRatio, { group: 'ingest', what: 're-ingest of stored rows vs first insert (speed, worker ingest path)', unit: '×', target: '≥ 0.6×', pass: (v) => v >= 0.6, where: 'chromium' }), // prettier-ignore
    stat([...dupes, ...pipeDupes], { group: 'ingest', what: 'duplicates after ingesting every page twice (through the console in the first run, through the ingest path in every run)', unit: 'rows', target: '0', pass: (v) => v === 0, where: 'chromium' }), // prettier-ignore
    stat(first, { group: 'ingest', what: `end to end through the demo console: paging ${total.toLocaleString('en')} rows in 1,000-row pages until all are stored (includes the console's own rendering; again, first run only: ${Math.round(med(again))} ms)`, unit: 'ms', target: '—', pass: () => null, where: 'chromium' }), // prettier-ignore
    stat(msg.two, { group: 'messaging', what: 'round trip per 1,000 rows (2 messages of 500, as shipped; quiet worker, after one untimed round)', unit: 'ms', target: '≤ 15 ms', pass: (v) => v <= 15, where: 'chromium' }), // prettier-ignore
    stat(msg.one, { group: 'messaging', what: 'round trip of one 1,000-row message', unit: 'ms', target: '—', pass: () => null, where: 'chromium' }), // prettier-ignore
    stat(msg.empty, { group: 'messaging', what: 'round trip of an empty batch (fixed cost)', unit: 'ms', target: '—', pass: () => null, where: 'chromium' }), // prettier-ignore
    { group: 'messaging', what: 'largest message (JSON) from a real 1,000-row page', value: Math.round(maxBytes / 1024), unit: 'kB', target: '≤ 1024 kB', pass: maxBytes <= 1024 * 1024, where: 'node' }, // prettier-ignore
  ];
}
