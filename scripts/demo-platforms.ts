/**
 * The `npm run demo` step for the other consoles (千牛, 拼多多, 京东, 快手小店): a few pages of each review
 * list and its score page, each saved as a screenshot. Each console shows the world as its own store, so
 * the extension ends up with one store per platform.
 */
import type { Page } from '@playwright/test';
import type { DemoStep } from './demo-steps';

interface ConsoleTour {
  id: string;
  name: string;
  reviews: string;
  /** The score page and what shows once it has loaded; 京东 has none (its 风向标 is unknown). */
  score?: { url: string; ready: string };
  /** 京东: the order list instead. */
  orders?: string;
}

const TOURS: readonly ConsoleTour[] = [
  {
    id: 'taobao',
    name: '千牛',
    reviews: 'https://myseller.taobao.com/home.htm/comment-manage/list/rateWait4PC',
    score: {
      url: 'https://myseller.taobao.com/home.htm/shop-experience/real-score',
      ready: '[data-score="nps"]',
    },
  },
  {
    id: 'pdd',
    name: '拼多多',
    reviews: 'https://mms.pinduoduo.com/goods/evaluation/index',
    score: {
      url: 'https://mms.pinduoduo.com/sycm/goods_quality/help',
      ready: '[data-score="cstmrServScore"]',
    },
  },
  {
    id: 'jd',
    name: '京东',
    reviews: 'https://shop.jd.com/jdm/comment/list',
    orders: 'https://porder.shop.jd.com/order/orderlist/allOrders',
  },
  {
    id: 'kuaishou',
    name: '快手小店',
    reviews: 'https://s.kwaixiaodian.com/zone/comment/list',
    score: {
      url: 'https://s.kwaixiaodian.com/zone/cultivation/shop/experience',
      ready: '[data-score="total"]',
    },
  },
];

const ROW = 'tr[data-review-id]';

/** Pages through a review list with its 下一页 button; returns the number of pages seen. */
async function pageThrough(page: Page, pages: number): Promise<number> {
  let n = 1;
  for (; n < pages; n++) {
    const next = page.getByRole('button', { name: '下一页' }).first();
    if (await next.isDisabled()) break;
    const first = await page.locator(ROW).first().getAttribute('data-review-id');
    await next.click();
    await page.waitForFunction(
      ([sel, id]) => document.querySelector(sel!)?.getAttribute('data-review-id') !== id,
      [ROW, first],
    );
    await page.waitForTimeout(350); // a merchant's pace
  }
  return n;
}

export const PLATFORM_CONSOLES_STEP: DemoStep = {
  title: '浏览千牛、拼多多、京东、快手小店 — the other consoles (reviews + score)',
  async run(ctx) {
    const page = await ctx.context.newPage();
    for (const tour of TOURS) {
      await page.goto(tour.reviews);
      await page.locator(ROW).first().waitFor();
      const pages = await pageThrough(page, 3);
      await ctx.shot(page, `console-${tour.id}-reviews`);
      if (tour.score) {
        await page.goto(tour.score.url);
        await page.locator(tour.score.ready).waitFor();
        await page.waitForTimeout(300);
        await ctx.shot(page, `console-${tour.id}-score`);
      }
      if (tour.orders) {
        await page.goto(tour.orders);
        await page.locator('tbody tr').first().waitFor();
        await ctx.shot(page, `console-${tour.id}-orders`);
      }
      ctx.log(`${tour.name}：评价 ${pages} 页${tour.score ? ' + 体验分' : ' + 订单'}`);
    }
    // Back to 抖店 last, so the popup and side panel open on the main store again.
    await page.goto('https://fxg.jinritemai.com/ffa/maftersale/comment');
    await page.locator('tr[data-comment-id]').first().waitFor();
    await page.waitForTimeout(500);
    await page.close();
  },
};
