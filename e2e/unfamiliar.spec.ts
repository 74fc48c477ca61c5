/**
 * Consoles we have never seen (issue #12 item 5): the independently written fixtures in
 * e2e/unfamiliar/fixtures (their README says how they were made; page chrome unlike our demo, no shop
 * header of the demo's shape) served under the real hosts. What reaches the popup within 3 s on every
 * console: the right store when an API signal names it, else the provisional store with "这是哪个店铺？";
 * confirming binds; nothing is lost. Plus two shops in two tabs, a login switching shops in one tab, and
 * a store the merchant named that an API signal names later (one store, not two).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Route, Worker } from '@playwright/test';
import { isExternal } from '../demo/server';
import { expect, test } from './fixtures';
import { allRows } from './idb';

const DIR = fileURLToPath(new URL('unfamiliar/fixtures', import.meta.url));

interface Entry {
  platform: string;
  kind: 'api' | 'page' | 'variant';
  url: string;
  method: string;
  file: string;
  contentType: string;
  match?: string;
  headers?: Record<string, string>;
}
const ROUTES = JSON.parse(readFileSync(resolve(DIR, 'routes.json'), 'utf8')) as Entry[];
const HOSTS = [...new Set(ROUTES.map((r) => new URL(r.url).host))];

const dig = (v: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined),
      v,
    );

/** The routes.json `match` rule (see the fixtures' README). */
function matches(rule: string, url: URL, body: string): boolean {
  const [kind, rest] = [rule.slice(0, rule.indexOf(':')), rule.slice(rule.indexOf(':') + 1)];
  const [path, want] = rest.split('=') as [string, string];
  try {
    if (kind === 'query') return url.searchParams.get(path) === want;
    if (kind === 'body') return String(dig(JSON.parse(body || '{}'), path)) === want;
    if (kind === 'form') return new URLSearchParams(body).get(path) === want;
    if (kind === 'mtopJsonBody') {
      const data = JSON.parse(new URLSearchParams(body).get('data') ?? '{}') as { jsonBody?: string };
      return String(dig(JSON.parse(data.jsonBody ?? '{}'), path)) === want;
    }
  } catch {
    return false;
  }
  return false;
}

/** Serves the fixtures; `swap` replaces a default file by another (variants), `drop` answers 404. */
async function serve(
  target: BrowserContext | Page,
  o: { swap?: Record<string, string>; drop?: string[] } = {},
): Promise<void> {
  const handler = async (route: Route) => {
    const req = route.request();
    const url = new URL(req.url());
    const here = ROUTES.filter((e) => e.url === url.origin + url.pathname && e.kind !== 'variant');
    const cors = here.find((e) => e.headers)?.headers ?? {};
    if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const same = here.filter((e) => e.method === req.method());
    const body = req.postData() ?? '';
    const e = same.find((x) => x.match && matches(x.match, url, body)) ?? same.find((x) => !x.match);
    if (!e || o.drop?.includes(e.file))
      return route.fulfill({ status: 404, contentType: 'application/json', body: '{}', headers: cors });
    await route.fulfill({
      status: 200,
      contentType: e.contentType,
      body: readFileSync(resolve(DIR, o.swap?.[e.file] ?? e.file)),
      headers: { ...e.headers, 'cache-control': 'no-store' },
    });
  };
  if ('newPage' in target) await target.route(isExternal, (r) => r.abort('blockedbyclient'));
  for (const host of HOSTS) await target.route(`https://${host}/**`, handler);
}

const PAGES = (platform: string) => ROUTES.filter((r) => r.platform === platform && r.kind === 'page');

interface StoreRow {
  key: string;
  platform: string;
  shopId: string;
  name?: string;
  provisional?: boolean;
  identifiedBy?: string;
}
const stores = (sw: Worker) => allRows<StoreRow>(sw, 'stores');
const rowsOf = async (sw: Worker, table: 'reviews' | 'orders' | 'officialScores') => {
  const by: Record<string, number> = {};
  for (const r of await allRows<{ storeKey: string }>(sw, table)) by[r.storeKey] = (by[r.storeKey] ?? 0) + 1;
  return by;
};

/** Opens a console page and returns when its load event fired (the 3-second clock starts there). */
async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const WITHIN = { timeout: 3_000, intervals: [100, 200, 300] };

/** What each console must show (from the fixtures' README): store by API signal, or provisional. */
interface Want {
  platform: string;
  review: string;
  reviewRows: number;
  /** The store an API signal names; none → the provisional store and the question. */
  store?: string;
  /** Orders the order page yields (where its list is captured). */
  orders?: number;
  /** Whether the score page yields an official score. */
  scores?: boolean;
}
const EXPECT: Record<string, Want> = {
  pdd: {
    platform: 'pdd',
    review: '/goods/evaluation/index',
    reviewRows: 15,
    store: 'pdd:718263540',
    orders: 20,
    scores: true,
  },
  doudian: {
    platform: 'douyin',
    review: '/ffa/maftersale/comment',
    reviewRows: 20,
    store: 'douyin:186452073',
    orders: 20,
    scores: true,
  },
  kuaishou: {
    platform: 'kuaishou',
    review: '/zone/comment/manage',
    // 15 rows; one carries a numeric id above 2^53 (precision lost in JSON.parse): rejected, named in 采集健康.
    reviewRows: 14,
    store: 'kuaishou:1739462055',
    orders: 12, // open-platform order shape at the fixtures' guessed path
    scores: true,
  },
  taobao: {
    platform: 'taobao',
    review: '/home.htm/comment-manage/list/rateWait4PC',
    reviewRows: 20,
    orders: 15, // 已卖出的宝贝 JSON (soldList); no shop signal: the store the merchant named for this login
    scores: true,
  },
  jd: { platform: 'jd', review: '/jdm/comment/list', reviewRows: 10, orders: 10 }, // 风向标 not captured
};

for (const [fx, want] of Object.entries(EXPECT)) {
  test(`${fx}: review page rows reach the popup within 3 s (${want.store ? 'API signal' : 'provisional store'})`, async ({
    context,
    sw,
    extPage,
  }) => {
    await serve(context);
    const reviewUrl = PAGES(fx).find((p) => p.url.endsWith(want.review))!.url;
    const page = await open(context, reviewUrl);
    const key = want.store ?? `${want.platform}:?default`;
    const t0 = performance.now();
    await expect
      .poll(async () => (await rowsOf(await sw(), 'reviews'))[key] ?? 0, WITHIN)
      .toBe(want.reviewRows);
    console.log(
      `[unfamiliar] ${fx}: ${want.reviewRows} reviews stored under ${key} ${Math.round(performance.now() - t0)} ms after load`,
    );
    const popup = await extPage('popup.html');
    if (want.store) {
      const s = (await stores(await sw())).find((x) => x.key === key)!;
      expect(s.identifiedBy).toMatch(/^api:/);
      await expect(popup.getByTestId('provisional-prompt')).toHaveCount(0);
      await expect(popup.getByTestId('count-reviews')).toHaveText(String(want.reviewRows));
    } else {
      // No signal on this console: the provisional store, visible at once, with the question.
      const prompt = popup.getByTestId('provisional-prompt');
      await expect(prompt).toBeVisible();
      await expect(prompt).toContainText('这是哪个店铺？');
      await expect(prompt).toContainText(`评价 ${want.reviewRows} 条`);
      // 采集健康 names the missing signals.
      const events = await allRows<{ endpoint: string; reasons: { message: string }[] }>(
        await sw(),
        'captureEvents',
      );
      expect(events.find((e) => e.endpoint === '店铺识别')?.reasons[0]?.message).toContain('没有找到');
      // Confirming binds: a new store by name, every row moved, the provisional store gone.
      await popup.getByTestId('provisional-pick').selectOption('new');
      await popup.getByTestId('provisional-name').fill('我的店');
      await popup.getByTestId('provisional-confirm').click();
      await expect(popup.getByTestId('provisional-prompt')).toHaveCount(0);
      const after = await stores(await sw());
      expect(after.filter((s) => s.provisional)).toEqual([]);
      const named = after.find((s) => s.name === '我的店')!;
      expect((await rowsOf(await sw(), 'reviews'))[named.key]).toBe(want.reviewRows);
      // The same page goes on into the confirmed store: page 2, nothing lost.
      await page.getByText('下一页').first().click();
      await expect
        .poll(async () => (await rowsOf(await sw(), 'reviews'))[named.key] ?? 0, { timeout: 5_000 })
        .toBeGreaterThan(want.reviewRows);
    }
    if (fx === 'kuaishou') {
      // 采集健康: the rejected row and why, and a redacted sample without any text or clear id.
      const panel = await extPage('sidepanel.html?tab=health');
      const drift = panel.getByTestId('drift-report');
      await expect(drift).toContainText('commentList');
      await expect(drift.getByTestId('drift-rejected')).toContainText('缺少评价 id');
      const [download] = await Promise.all([
        panel.waitForEvent('download'),
        drift.getByTestId('drift-export').click(),
      ]);
      const text = readFileSync((await download.path())!, 'utf8');
      expect(JSON.parse(text)).toMatchObject({ kind: 'koubei-redacted-sample', endpoint: 'commentList' });
      expect(text).not.toMatch(/\p{Script=Han}/u); // no text at all
      const raw = readFileSync(resolve(DIR, 'kuaishou/comments.page1.json'), 'utf8');
      for (const id of raw.match(/"(?:commentId|orderId)": ?(\d+)/g) ?? [])
        expect(text).not.toContain(id.replace(/\D/g, ''));
    }
    // Order list and score page of the same console (what is captured there; gaps: docs/identity.md).
    for (const p of PAGES(fx).filter((x) => !x.url.endsWith(want.review))) await open(context, p.url);
    const total = async (t: 'orders' | 'officialScores') =>
      Object.values(await rowsOf(await sw(), t)).reduce((a, b) => a + b, 0);
    const more = { timeout: 5_000 };
    if (want.orders) await expect.poll(() => total('orders'), more).toBe(want.orders);
    if (want.scores) await expect.poll(() => total('officialScores'), more).toBeGreaterThanOrEqual(1);
    // Nothing left in a provisional store that nobody was asked about.
    const provisional = (await stores(await sw())).filter((x) => x.provisional);
    if (provisional.length)
      await expect((await extPage('popup.html')).getByTestId('provisional-prompt')).toHaveCount(
        provisional.length,
      );
  });
}

test('两个拼多多店铺在两个标签页: each tab files into its own store', async ({ context, sw }) => {
  await serve(context);
  const url = 'https://mms.pinduoduo.com/goods/evaluation/index';
  await open(context, url);
  const second = await context.newPage();
  await serve(second, {
    swap: {
      'pdd/userinfo.json': 'pdd/variants/userinfo.second-shop.json',
      'pdd/commonMallInfo.json': 'pdd/variants/commonMallInfo.second-shop.json',
    },
  });
  await second.goto(url);
  await expect
    .poll(async () => rowsOf(await sw(), 'reviews'), WITHIN)
    .toEqual({ 'pdd:718263540': 15, 'pdd:604417925': 15 });
  // A shop's name comes from its own identity response, which may land after the rows (the page sends
  // without waiting for answers): it must arrive, in the right store, within the same time.
  await expect
    .poll(async () => Object.fromEntries((await stores(await sw())).map((s) => [s.key, s.name])), WITHIN)
    .toEqual({ 'pdd:718263540': '禾木家居生活馆', 'pdd:604417925': '星云数码配件专营店' });
});

test('a console login switching shops in the same tab: later rows go to the new shop', async ({
  context,
  sw,
}) => {
  await serve(context);
  const page = await open(context, 'https://mms.pinduoduo.com/goods/evaluation/index');
  await expect.poll(async () => (await rowsOf(await sw(), 'reviews'))['pdd:718263540'] ?? 0, WITHIN).toBe(15);
  // The console switches shops without a reload: its identity calls now name the second shop.
  await serve(page, {
    swap: {
      'pdd/userinfo.json': 'pdd/variants/userinfo.second-shop.json',
      'pdd/commonMallInfo.json': 'pdd/variants/commonMallInfo.second-shop.json',
    },
  });
  await page.evaluate(() =>
    fetch('/janus/api/new/userinfo', { method: 'POST', body: '{}' }).then((r) => r.text()),
  );
  await page.getByText('下一页').first().click();
  await expect
    .poll(async () => rowsOf(await sw(), 'reviews'), { timeout: 5_000 })
    .toEqual({ 'pdd:718263540': 15, 'pdd:604417925': 11 });
});

test('a store the merchant named, then seen by an API signal: one store, no duplicate', async ({
  context,
  sw,
  extPage,
}) => {
  // The identity calls fail at first: nothing names the shop.
  await serve(context, { drop: ['pdd/userinfo.json', 'pdd/commonMallInfo.json'] });
  const page = await open(context, 'https://mms.pinduoduo.com/goods/evaluation/index');
  await expect.poll(async () => (await rowsOf(await sw(), 'reviews'))['pdd:?default'] ?? 0, WITHIN).toBe(15);
  const popup = await extPage('popup.html');
  await popup.getByTestId('provisional-pick').selectOption('new');
  await popup.getByTestId('provisional-name').fill('禾木家居');
  await popup.getByTestId('provisional-confirm').click();
  await expect(popup.getByTestId('provisional-prompt')).toHaveCount(0);
  // Now the console's user info answers: the API names shop 718263540.
  await serve(page);
  await page.evaluate(() =>
    fetch('/janus/api/new/userinfo', { method: 'POST', body: '{}' }).then((r) => r.text()),
  );
  await page.getByText('下一页').first().click();
  await expect
    .poll(async () => rowsOf(await sw(), 'reviews'), { timeout: 5_000 })
    .toEqual({
      'pdd:718263540': 26,
    });
  const all = await stores(await sw());
  expect(all.map((s) => [s.key, s.name])).toEqual([['pdd:718263540', '禾木家居']]);
});
