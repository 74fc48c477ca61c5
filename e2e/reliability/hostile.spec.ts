/**
 * Hostile pages (issue #8), in Chromium with the built extension. (1) Review text with `<img onerror>`,
 * `<script>`, `<svg onload>`, RTL overrides and zero-width characters (the demo world's `hostile: true`)
 * stays inert text in the side panel, the popup and the in-page overlay. (2) A page script cannot reach
 * the extension: no runtime messaging, no extension files, no extension storage; forged channel messages
 * are ignored; a forged response for another shop is refused as `store_mismatch`, visible in capture
 * health, and nothing is written for that shop.
 */
import { createDemoHandler, routeDemo } from '../../demo/server';
import { ACK, CS_READY, HOOK_READY } from '../../lib/capture/channel';
import { DEMO_NOW, expect, test } from '../fixtures';
import { COMMENTS, allRows, dialogsOf, liveMarkup, pageFetches } from './support';

type Review = { key: string; reviewId: string; text: string; storeKey: string };

test('hostile review text renders as inert text in the side panel, popup and overlay', async ({
  context,
  extPage,
  sw,
}) => {
  test.setTimeout(120_000);
  const demo = createDemoHandler({ now: DEMO_NOW, seed: 7, hostile: true });
  await routeDemo(context, demo);
  const hostile = demo.world.truth.hostile;
  expect(hostile.length).toBeGreaterThanOrEqual(5);
  const page = await context.newPage();
  const dialogs = dialogsOf(page);
  await page.goto(COMMENTS);
  await expect(page.locator('tr[data-comment-id]').first()).toBeVisible();
  await pageFetches(
    page,
    hostile.map((id) => `/product/tcomment/commentList?id=${id}`),
    50,
  );
  const worker = await sw();
  await expect
    .poll(
      async () =>
        (await allRows<Review>(worker, 'reviews')).filter((r) => hostile.includes(r.reviewId)).length,
    )
    .toBe(hostile.length);
  const stored = (await allRows<Review>(worker, 'reviews')).filter((r) => hostile.includes(r.reviewId));
  expect(stored.map((r) => r.text).join()).toMatch(/<img src=x onerror=alert\(1\)>/);

  const panel = await extPage('sidepanel.html?tab=reviews');
  dialogs.push(...dialogsOf(panel));
  const list = panel.getByTestId('review-list');
  await expect(list).toBeVisible();
  for (const r of stored) {
    const item = list.locator(`li[data-review-key="${r.key}"]`);
    // Exactly the stored characters, zero-width and bidi controls included, as text.
    await expect(item.locator('.text').first()).toHaveText(r.text, { useInnerText: false });
    if (/[\u202a-\u202e]/.test(r.text)) {
      const bidi = await item
        .locator('.text')
        .first()
        .evaluate((el) => getComputedStyle(el).unicodeBidi);
      expect(['plaintext', 'isolate', 'isolate-override']).toContain(bidi);
    }
  }
  expect(await liveMarkup(panel, '[data-testid="review-list"]')).toEqual([]);
  for (const tab of ['inbox', 'insight', 'overview']) {
    await panel.goto(panel.url().replace(/tab=\w+/, `tab=${tab}`));
    await panel.waitForTimeout(800);
    expect(await liveMarkup(panel), tab).toEqual([]);
  }
  const popup = await extPage('popup.html');
  dialogs.push(...dialogsOf(popup));
  await popup.waitForTimeout(800);
  expect(await liveMarkup(popup)).toEqual([]);
  // The overlay on the console page lives in our shadow roots.
  await page.reload();
  await expect(page.getByTestId('walker-panel')).toBeVisible();
  expect(await liveMarkup(page, 'koubei-ui')).toEqual([]);
  expect(dialogs).toEqual([]);
});

test('a page script cannot reach the extension, forge channel messages or write another shop', async ({
  context,
  demo,
  extensionId,
  extPage,
  sw,
}) => {
  test.setTimeout(90_000);
  const page = await context.newPage();
  await page.goto(COMMENTS);
  await expect(page.locator('tr[data-comment-id]').first()).toBeVisible();
  const worker = await sw();
  await expect.poll(async () => (await allRows(worker, 'reviews')).length).toBe(20);
  const realStore = `douyin:${demo.world.shop.id}`;

  // No door from the page to the extension: messaging, files, storage.
  const reach = await page.evaluate(async (id) => {
    const w = window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } };
    let file = 'blocked';
    try {
      await fetch(`chrome-extension://${id}/popup.html`);
      file = 'read';
    } catch {
      /* expected */
    }
    return {
      messaging: typeof w.chrome?.runtime?.sendMessage,
      file,
      databases: (await indexedDB.databases()).map((d) => d.name),
    };
  }, extensionId);
  expect(reach).toEqual({ messaging: 'undefined', file: 'blocked', databases: [] });

  // Forged channel traffic: a second hook offering a port, readiness and ack noise, a raw hook message.
  const forgedRows = (n: number) =>
    JSON.stringify({
      code: 0,
      st: 0,
      msg: '',
      data: Array.from({ length: n }, (_, i) => ({
        id: `99900000000000000${10 + i}`,
        comment_time: 1_763_420_000,
        content: '伪造的好评',
        rank_product: 5,
      })),
    });
  const acked = await page.evaluate(
    async ([hookReady, csReady, ack, text]) => {
      const ch = new MessageChannel();
      let got = false;
      ch.port1.onmessage = () => (got = true);
      window.postMessage({ type: hookReady }, location.origin, [ch.port2]);
      window.postMessage({ type: csReady }, location.origin);
      window.postMessage(ack, location.origin);
      const forged = { url: `${location.origin}/product/tcomment/commentList`, method: 'GET', status: 200 };
      window.postMessage(
        { ...forged, contentType: 'application/json', text, bytes: text.length, at: 0 },
        '*',
      );
      ch.port1.postMessage({ ...forged, contentType: 'application/json', text, bytes: text.length, at: 0 });
      await new Promise((r) => setTimeout(r, 2000));
      return got;
    },
    [HOOK_READY, CS_READY, ACK, forgedRows(5)] as const,
  );
  expect(acked).toBe(false);

  // A forged response naming another shop, then rows under it. The hook reads the body's bytes (to decode
  // GBK), so the page patches every way a body can be read.
  await page.evaluate(
    async ([overview, rows]) => {
      const P = Response.prototype;
      const real = { text: P.text, arrayBuffer: P.arrayBuffer, json: P.json, clone: P.clone };
      let next = overview;
      P.text = async function () {
        return next;
      };
      P.arrayBuffer = async function () {
        return new TextEncoder().encode(next).buffer;
      };
      P.json = async function () {
        return JSON.parse(next) as unknown;
      };
      P.clone = function (this: Response) {
        return this;
      };
      await fetch('/governance/shop/experiencescore/getOverviewByVersion');
      next = rows;
      await fetch('/product/tcomment/commentList?page=0&pageSize=20');
      Object.assign(P, real);
    },
    [
      JSON.stringify({
        code: 0,
        st: 0,
        msg: '',
        data: { shop_id: 31337, shop_name: '冒名店铺', experience_score: { value: 99 } },
      }),
      forgedRows(3),
    ] as const,
  );
  // The page was identified by its header; its JSON now names another shop. Two signals disagree, so
  // nothing is guessed (issue #12): the forged rows are held apart under the provisional store with the
  // merchant's question, the real shop keeps exactly what it had, and no store is made for the forged id.
  const provisionalKey = 'douyin:?default';
  await expect
    .poll(
      async () =>
        (await allRows<Review>(worker, 'reviews')).filter((r) => r.reviewId.startsWith('999')).length,
      {
        timeout: 15_000,
      },
    )
    .toBe(3);
  const reviews = await allRows<Review>(worker, 'reviews');
  expect(
    reviews.filter((r) => r.reviewId.startsWith('999')).every((r) => r.storeKey === provisionalKey),
  ).toBe(true);
  expect(reviews.filter((r) => r.storeKey === realStore)).toHaveLength(20);
  const stores = await allRows<{ key: string; provisional?: boolean }>(worker, 'stores');
  expect(stores.map((s) => s.key).sort()).toEqual([realStore, provisionalKey].sort());
  const realScores = (await allRows<{ storeKey: string; value?: number }>(worker, 'officialScores')).filter(
    (s) => s.storeKey === realStore,
  );
  expect(realScores.some((s) => s.value === 99)).toBe(false);
  type Ev = { storeKey?: string; reasons: { code: string; message: string }[] };
  const conflict = (await allRows<Ev>(worker, 'captureEvents')).find((e) =>
    e.reasons.some((r) => r.message.includes('两个信号指向不同店铺')),
  );
  expect(conflict?.reasons[0]?.message).toContain('冒名店铺');
  expect(conflict?.reasons[0]?.message).toContain('暖阳优品生活馆');

  // The merchant is asked, naming both shops.
  const popup = await extPage('popup.html');
  await expect(popup.getByText('这是哪个店铺？')).toBeVisible();
  await popup.close();
  const health = await extPage('sidepanel.html?tab=health');
  await expect(health.getByText('两个信号指向不同店铺').first()).toBeVisible();
});
