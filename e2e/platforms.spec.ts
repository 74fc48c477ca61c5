/**
 * 千牛, 拼多多, 京东 and 快手小店 end to end: the built extension in Chromium, each simulated console under
 * its real host names. Per platform: the review list (two pages) and the score page are captured into
 * the console's own store, the platform's fields arrive intact, buyer personal data never reaches
 * IndexedDB, a second visit stores nothing new, a broken response gets a capture-health entry; for 京东
 * and 快手 the DOM fallback captures pages whose JSON the extension does not know. Last, two platforms in
 * one profile are two stores the popup switches between.
 */
import { consoleShop } from '../demo/consoles/common/shop';
import { COMMENT_IDS as JD_COMMENTS, ORDER_IDS as JD_ORDERS } from '../demo/consoles/jd/comments';
import { COMMENT_IDS as KS_COMMENTS, ORDER_IDS as KS_ORDERS } from '../demo/consoles/kuaishou/comments';
import { REVIEW_IDS as PDD_REVIEWS, orderIndexOfSn } from '../demo/consoles/pdd/reviews';
import { FEED_IDS } from '../demo/consoles/taobao/rates';
import {
  events,
  expectNoPii,
  faultIsLogged,
  idsOnPage,
  nextPage,
  openList,
  revisitAddsNothing,
  storeKeyOf,
  waitForEndpoints,
  type StoredReview,
} from './console-capture';
import { allRows, countRows } from './idb';
import { expect, test } from './fixtures';

test.describe('千牛', () => {
  const BASE = 'https://myseller.taobao.com/home.htm';
  const RATES = `${BASE}/comment-manage/list/rateWait4PC`;

  test('rates (cross-host mtop XHR) and 真实体验分 land in the 千牛 store', async ({ context, demo, sw }) => {
    test.setTimeout(120_000);
    const world = demo.world;
    const page = await context.newPage();
    await openList(page, RATES);
    const ids = await idsOnPage(page);
    await nextPage(page);
    ids.push(...(await idsOnPage(page)));
    await page.goto(`${BASE}/shop-experience/real-score`);
    await expect(page.locator('[data-score="nps"]')).not.toHaveText('--');
    const worker = await sw();
    await waitForEndpoints(worker, { rateList: 2, storeIndex: 1, npsIndexSummary: 1 });

    expect((await events(worker)).filter((e) => e.outcome !== 'ok')).toEqual([]);
    const reviews = await allRows<StoredReview>(worker, 'reviews');
    expect(reviews.map((r) => r.reviewId).sort()).toEqual([...ids].sort());
    expect(new Set(reviews.map((r) => r.storeKey))).toEqual(new Set([storeKeyOf(world, 'taobao')]));
    for (const r of reviews) {
      // The seller list has no stars: a polarity from the emotion code, matching the world's 描述 star.
      const truth = world.reviews[FEED_IDS.index(r.reviewId)!]!;
      expect(r.star).toBeUndefined();
      expect(r.polarity).toBe(
        truth.stars.product >= 4 ? 'good' : truth.stars.product === 3 ? 'neutral' : 'bad',
      );
      expect(r.createdAt).toBe(truth.createdAt);
    }
    const scores = await allRows<{ kind: string; value?: number; storeKey: string }>(
      worker,
      'officialScores',
    );
    expect(scores.map((s) => s.kind).sort()).toEqual([
      'taobao.real_experience',
      'taobao.real_experience.detail',
    ]);
    const main = scores.find((s) => s.kind === 'taobao.real_experience')!;
    await expect(page.locator('[data-score="nps"]')).toHaveText(main.value!.toFixed(2));

    await revisitAddsNothing(worker, await context.newPage(), RATES, 'rateList');
    await faultIsLogged(worker, page, `${RATES}?demo_fault=expired`, /令牌过期/);
    expect(world.submittedReplies).toEqual([]);
  });
});

test.describe('拼多多', () => {
  const BASE = 'https://mms.pinduoduo.com';
  const REVIEWS = `${BASE}/goods/evaluation/index`;

  test('reviews with three star dimensions, both scores and orders without PII', async ({
    context,
    demo,
    sw,
  }) => {
    test.setTimeout(120_000);
    const world = demo.world;
    const page = await context.newPage();
    await openList(page, REVIEWS);
    await nextPage(page);
    await page.goto(`${BASE}/sycm/goods_quality/help`);
    await expect(page.locator('[data-score="cstmrServScore"]')).not.toHaveText('--');
    await page.goto(`${BASE}/orders/list`);
    await expect(page.locator('tbody tr[data-row-key]').first()).toBeVisible();
    const sns = await page
      .locator('tbody tr[data-row-key]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')!));
    const worker = await sw();
    await waitForEndpoints(worker, { reviewsList: 2, mallServeScore: 1, mallDsr: 1, orderList: 1 });

    expect((await events(worker)).filter((e) => e.outcome !== 'ok')).toEqual([]);
    const counts = await countRows(worker);
    expect([counts.reviews, counts.orders]).toEqual([40, 20]);
    const reviews = await allRows<StoredReview>(worker, 'reviews');
    expect(new Set(reviews.map((r) => r.storeKey))).toEqual(new Set([storeKeyOf(world, 'pdd')]));
    for (const r of reviews) {
      const { stars, createdAt } = world.reviews[PDD_REVIEWS.index(r.reviewId)!]!;
      expect([r.starProduct, r.starLogistics, r.starService]).toEqual([
        stars.product,
        stars.logistics,
        stars.service,
      ]);
      // Seconds on the wire: whole seconds in storage.
      expect(r.createdAt).toBe(Math.floor(createdAt / 1000) * 1000);
    }
    const kinds = (await allRows<{ kind: string }>(worker, 'officialScores')).map((s) => s.kind).sort();
    expect(kinds).toEqual(['pdd.dsr', 'pdd.service']);
    await expectNoPii(
      worker,
      world,
      sns.map((sn) => orderIndexOfSn(sn)!),
    );

    await revisitAddsNothing(worker, await context.newPage(), REVIEWS, 'reviewsList');
    await faultIsLogged(worker, page, `${REVIEWS}?demo_fault=expired`, /会话已过期/);
  });
});

test.describe('京东', () => {
  const COMMENTS = 'https://shop.jd.com/jdm/comment/list';
  const ORDERS = 'https://porder.shop.jd.com/order/orderlist/allOrders';

  test('comments, orders (venderId) and a DOM-only page all in the 京东 store', async ({
    context,
    demo,
    sw,
  }) => {
    test.setTimeout(120_000);
    const world = demo.world;
    const key = storeKeyOf(world, 'jd');
    const page = await context.newPage();
    await openList(page, COMMENTS);
    await nextPage(page);
    await page.goto(ORDERS);
    await expect(page.locator('tbody tr[data-row-key]').first()).toBeVisible();
    const orderIds = await page
      .locator('tbody tr[data-row-key]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')!));
    const worker = await sw();
    await waitForEndpoints(worker, { venderComments: 2, orderList: 1 });
    expect((await events(worker)).filter((e) => e.outcome !== 'ok')).toEqual([]);

    const reviews = await allRows<StoredReview>(worker, 'reviews');
    expect(reviews).toHaveLength(40);
    expect(new Set(reviews.map((r) => `${r.storeKey}|${r.source}`))).toEqual(new Set([`${key}|api`]));
    for (const r of reviews) {
      const truth = world.reviews[JD_COMMENTS.index(r.reviewId)!]!;
      expect(r.star).toBe(truth.stars.product);
      // "yyyy-MM-dd HH:mm:ss" keeps whole seconds; the epoch-ms rows keep the ms.
      expect(Math.abs(r.createdAt - truth.createdAt)).toBeLessThan(1000);
    }
    const orders = await allRows<{ storeKey: string }>(worker, 'orders');
    expect(orders).toHaveLength(20);
    expect(new Set(orders.map((o) => o.storeKey))).toEqual(new Set([key]));
    await expectNoPii(
      worker,
      world,
      orderIds.map((id) => JD_ORDERS.index(id)!),
    );

    await revisitAddsNothing(worker, await context.newPage(), COMMENTS, 'venderComments');

    // The list loaded from a path the extension does not know: the DOM fallback reads page 3.
    await openList(page, `${COMMENTS}?demo_api=other`);
    await nextPage(page);
    await nextPage(page);
    const domIds = await idsOnPage(page);
    await expect
      .poll(
        async () => {
          const stored = await allRows<StoredReview>(worker, 'reviews');
          return stored.filter((r) => domIds.includes(r.reviewId) && r.source === 'dom').length;
        },
        { timeout: 15_000 },
      )
      .toBe(20);
    const dom = (await allRows<StoredReview>(worker, 'reviews')).filter((r) => domIds.includes(r.reviewId));
    expect(new Set(dom.map((r) => r.storeKey))).toEqual(new Set([key]));
    expect(dom.map((r) => r.star)).toEqual(
      dom.map((r) => world.reviews[JD_COMMENTS.index(r.reviewId)!]!.stars.product),
    );
    expect((await events(worker)).some((e) => e.endpoint === 'dom:/jdm/comment/list')).toBe(true);

    await faultIsLogged(worker, page, `${COMMENTS}?demo_fault=expired`, /请先登录/);
  });
});

test.describe('快手小店', () => {
  const BASE = 'https://s.kwaixiaodian.com/zone';
  const COMMENTS = `${BASE}/comment/list`;

  test('comments, 店铺体验分 and the DOM-only order and comment pages in the 快手 store', async ({
    context,
    demo,
    sw,
  }) => {
    test.setTimeout(120_000);
    const world = demo.world;
    const key = storeKeyOf(world, 'kuaishou');
    const page = await context.newPage();
    await openList(page, COMMENTS);
    await nextPage(page);
    await page.goto(`${BASE}/cultivation/shop/experience`);
    await expect(page.locator('[data-score="total"]')).not.toHaveText('--');
    const worker = await sw();
    await waitForEndpoints(worker, { commentList: 2, shopExpDetail: 1 });
    expect((await events(worker)).filter((e) => e.outcome !== 'ok')).toEqual([]);

    const reviews = await allRows<StoredReview>(worker, 'reviews');
    expect(reviews).toHaveLength(40);
    expect(new Set(reviews.map((r) => `${r.storeKey}|${r.source}`))).toEqual(new Set([`${key}|api`]));
    for (const r of reviews) {
      const truth = world.reviews[KS_COMMENTS.index(r.reviewId)!]!;
      expect([r.starProduct, r.starLogistics, r.starService, r.createdAt]).toEqual([
        truth.stars.product,
        truth.stars.logistics,
        truth.stars.service,
        truth.createdAt,
      ]);
    }
    const scores = await allRows<{ kind: string; storeKey: string }>(worker, 'officialScores');
    expect(scores.map((s) => [s.kind, s.storeKey])).toEqual([['kuaishou.experience', key]]);

    await revisitAddsNothing(worker, await context.newPage(), COMMENTS, 'commentList');

    // Orders have no known JSON: the DOM fallback reads the table and skips the receiver columns.
    await page.goto(`${BASE}/order/list`);
    await expect(page.locator('tbody tr').first()).toBeVisible();
    const oids = await page.locator('tbody tr td:first-child').allTextContents();
    await expect
      .poll(
        async () =>
          (await allRows<{ source: string }>(worker, 'orders')).filter((o) => o.source === 'dom').length,
        {
          timeout: 15_000,
        },
      )
      .toBe(20);
    await expectNoPii(
      worker,
      world,
      oids.map((id) => KS_ORDERS.index(id.trim())!),
    );

    // Comments from a path the extension does not know: page 3 through the DOM fallback.
    await openList(page, `${COMMENTS}?demo_api=other`);
    await nextPage(page);
    await nextPage(page);
    const domIds = await idsOnPage(page);
    await expect
      .poll(
        async () =>
          (await allRows<StoredReview>(worker, 'reviews')).filter(
            (r) => domIds.includes(r.reviewId) && r.source === 'dom' && r.storeKey === key,
          ).length,
        { timeout: 15_000 },
      )
      .toBe(20);

    await faultIsLogged(worker, page, `${COMMENTS}?demo_fault=expired`, /用户未登录/);
  });
});

test('抖店 and 拼多多 in one profile are two stores; the popup switches between them', async ({
  context,
  demo,
  extPage,
  sw,
}) => {
  const world = demo.world;
  const page = await context.newPage();
  await page.goto('https://fxg.jinritemai.com/ffa/maftersale/comment');
  await expect(page.locator('tr[data-comment-id]').first()).toBeVisible();
  await openList(page, 'https://mms.pinduoduo.com/goods/evaluation/index');
  await nextPage(page);
  const worker = await sw();
  await waitForEndpoints(worker, { commentList: 1, reviewsList: 2 });
  await expect.poll(async () => (await countRows(worker)).reviews).toBe(60);

  const keys = { douyin: storeKeyOf(world, 'douyin'), pdd: storeKeyOf(world, 'pdd') };
  const stores = await allRows<{ key: string; name?: string }>(worker, 'stores');
  expect(stores.map((s) => s.key).sort()).toEqual([keys.douyin, keys.pdd].sort());

  const popup = await extPage('popup.html');
  const switcher = popup.getByRole('combobox', { name: /店铺/ });
  await expect(switcher.locator('option')).toHaveCount(2);
  await expect(switcher).toContainText(world.shop.name);
  await expect(switcher).toContainText(consoleShop(world, 'pdd').name);
  for (const [storeKey, reviews] of [
    [keys.pdd, '40'],
    [keys.douyin, '20'],
    [keys.pdd, '40'],
  ] as const) {
    await switcher.selectOption(storeKey);
    await expect(popup.getByTestId('count-reviews')).toHaveText(reviews);
  }
});
