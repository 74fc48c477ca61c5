/**
 * What `npm run demo` does, step by step: one entry per thing a merchant would do. Features add a step
 * here (e.g. an export, the reply inbox) rather than growing scripts/demo.ts.
 */
import type { Page } from '@playwright/test';
import type { DemoHandler } from '../demo/server';
import type { DemoContext } from './demo';
import { REPLIES_STEP } from './demo-replies';
import { PLATFORM_CONSOLES_STEP } from './demo-platforms';
import { captureWindow, settle } from '../e2e/score-capture';

export interface DemoStep {
  title: string;
  run(ctx: DemoContext, handler: DemoHandler): Promise<void>;
}

const DAY = 86_400_000;
const DOUYIN = 'https://fxg.jinritemai.com';

async function pageThrough(page: Page, pages: number): Promise<number> {
  let n = 1;
  for (; n < pages; n++) {
    const next = page.getByRole('button', { name: '下一页' }).first();
    if (await next.isDisabled()) break;
    const first = await page.locator('tbody tr').first().textContent();
    await next.click();
    await page.waitForFunction((t) => document.querySelector('tbody tr')?.textContent !== t, first);
    await page.waitForTimeout(350); // a merchant's pace; also the walker's politeness interval
  }
  return n;
}

export const DEMO_STEPS: DemoStep[] = [
  {
    title: '过去 30 天每天打开一次体验分页面（模拟日期） — the score page, once a day for 30 days',
    async run(ctx, handler) {
      const page = await ctx.context.newPage();
      for (let d = 30; d >= 1; d--) {
        const at = handler.world.now - d * DAY;
        await ctx.context.addCookies([
          { name: 'demo_now', value: String(at), domain: 'fxg.jinritemai.com', path: '/' },
        ]);
        await page.goto(`${DOUYIN}/ffa/eco/experience-score`);
        await page.getByText('商品体验').first().waitFor();
      }
      await ctx.context.clearCookies({ name: 'demo_now' });
      await page.goto(`${DOUYIN}/ffa/eco/experience-score`);
      await page.getByText('商品体验').first().waitFor();
      await page.waitForTimeout(500);
      await ctx.shot(page, 'console-score', { fullPage: true });
      ctx.log('31 个日期的官方体验分');
      await page.close();
    },
  },
  {
    title: '浏览评价管理（全部 + 差评） — the review pages',
    async run(ctx) {
      const page = await ctx.context.newPage();
      await page.goto(`${DOUYIN}/ffa/maftersale/comment`);
      await page.locator('tr[data-comment-id]').first().waitFor();
      const all = await pageThrough(page, 10);
      await page.getByRole('tab', { name: '差评' }).click();
      await page.locator('tr[data-comment-id]').first().waitFor();
      const bad = await pageThrough(page, 5);
      await page.getByRole('tab', { name: '差评' }).click();
      await page.locator('tr[data-comment-id]').first().waitFor();
      await page.waitForTimeout(800);
      await ctx.shot(page, 'console-comments');
      ctx.log(`全部评价 ${all} 页，差评 ${bad} 页`);
      await page.close();
    },
  },
  {
    title: '浏览订单管理 — the order pages',
    async run(ctx) {
      const page = await ctx.context.newPage();
      await page.goto(`${DOUYIN}/ffa/morder/order/list`);
      await page.locator('tbody tr').first().waitFor();
      const n = await pageThrough(page, 8);
      ctx.log(`订单 ${n} 页`);
      await page.close();
    },
  },
  {
    title: '查看弹窗与侧边栏 — popup and side panel',
    async run(ctx) {
      await new Promise((r) => setTimeout(r, 800));
      const popup = await ctx.extPage('popup.html', { width: 404, height: 600 });
      await popup.getByTestId('official-score').waitFor();
      await ctx.shot(popup, 'popup');
      const panel = await ctx.extPage('sidepanel.html', { width: 440, height: 900 });
      const tabs = await panel
        .locator('[data-tab]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')!));
      for (const tab of tabs) {
        await panel.goto(`chrome-extension://${ctx.extensionId}/sidepanel.html?tab=${tab}`);
        await panel.waitForTimeout(700);
        await ctx.shot(panel, `sidepanel-${tab}`);
      }
      ctx.log(`侧边栏 ${tabs.length} 个页签`);
    },
  },
  REPLIES_STEP,
  {
    title:
      '评分：采集完整窗口后的诊断与恢复预测 — score diagnosis & forecast (walker stand-in fills 60 days)',
    async run(ctx, handler) {
      // Until the 采集全部 walker lands: the console page requests its own order/review lists.
      const served = await captureWindow(ctx.context, { now: handler.world.now, days: 60 });
      const probe = await ctx.extPage('options.html');
      await settle(probe, served, 300_000);
      await probe.close();
      await served.page.close();
      ctx.log(`近 60 天订单 ${served.orders} 单、评价 ${served.reviews} 条`);
      const popup = await ctx.extPage('popup.html', { width: 404, height: 640 });
      await popup.getByTestId('urgent').waitFor();
      await ctx.shot(popup, 'popup-score');
      const panel = await ctx.extPage('sidepanel.html?tab=overview', { width: 460, height: 900 });
      await panel.getByTestId('calibration').waitFor();
      await ctx.shot(panel, 'score-overview', { fullPage: true });
      await panel.goto(`chrome-extension://${ctx.extensionId}/sidepanel.html?tab=diagnosis`);
      await panel.getByTestId('recovery-date').waitFor({ timeout: 60_000 });
      await ctx.shot(panel, 'score-diagnosis');
      await panel.getByTestId('forecast').scrollIntoViewIfNeeded();
      await ctx.shot(panel, 'score-forecast');
      const summary = await panel.getByTestId('diagnosis-summary').textContent();
      const recovery = await panel.getByTestId('recovery-date').getAttribute('data-date');
      ctx.log(`诊断：${summary}`);
      ctx.log(`预计恢复：${recovery || '窗口内无法恢复'}`);
      await panel.goto(`chrome-extension://${ctx.extensionId}/sidepanel.html?tab=alerts`);
      await panel.getByTestId('alerts-list').waitFor();
      await ctx.shot(panel, 'score-alerts');
      const options = await ctx.extPage('options.html#score', { width: 900, height: 1100 });
      await options.getByTestId('overrides-form').waitFor();
      await options.locator('#score').scrollIntoViewIfNeeded();
      await ctx.shot(options, 'options-score');
    },
  },
  // Last: it visits other platforms' stores, then 抖店 again so the views open on it.
  PLATFORM_CONSOLES_STEP,
];
