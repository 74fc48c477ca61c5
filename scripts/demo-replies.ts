/**
 * The `npm run demo` step for issue #5: the overlay on the 抖店 差评 list after one click on "生成回复"
 * (the console's reply box filled, nothing submitted), the side-panel inbox, negative clusters, a
 * suspicious review's appeal pack, and the options' 回复话术 section — each saved as a screenshot.
 */
import type { DemoStep } from './demo-steps';

const COMMENTS = 'https://fxg.jinritemai.com/ffa/maftersale/comment';
const OVERLAY = 'koubei-ui[data-koubei-host="reviews"]';

export const REPLIES_STEP: DemoStep = {
  title: '回复：控制台上的标签与“生成回复”、回复收件箱、差评聚类、可疑评价 — replies',
  async run(ctx, handler) {
    const page = await ctx.context.newPage();
    await page.goto(COMMENTS);
    await page.getByRole('tab', { name: '差评' }).click();
    const generate = page.locator(`${OVERLAY} [data-testid="koubei-generate"]:not([disabled])`).first();
    await generate.waitFor({ state: 'attached', timeout: 30_000 });
    const rows = await page.locator(OVERLAY).count();
    await generate.click();
    await page.locator(`${OVERLAY} [data-testid="koubei-note"]`).first().waitFor({ state: 'attached' });
    await page.locator('textarea').first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await ctx.shot(page, 'replies-console-overlay');
    const filled = await page.locator('textarea').first().inputValue();
    ctx.log(
      `控制台 ${rows} 行已标注；已填入回复框（未提交，提交次数 ${handler.world.submittedReplies.length}）：${filled}`,
    );
    await page.close();

    const panel = await ctx.extPage('sidepanel.html?tab=inbox', { width: 460, height: 900 });
    await panel.getByTestId('inbox-item').first().waitFor();
    await ctx.shot(panel, 'replies-inbox');
    ctx.log(`收件箱：${(await panel.getByTestId('inbox-summary').textContent()) ?? ''}`);

    await panel.goto(`chrome-extension://${ctx.extensionId}/sidepanel.html?tab=insight`);
    await panel.getByTestId('cluster').first().waitFor({ timeout: 60_000 });
    // Open the biggest real topic (not a category's topic-less residue).
    const counts = await panel
      .getByTestId('cluster')
      .evaluateAll((els) =>
        els
          .filter((e) => e.getAttribute('data-residue') !== 'true')
          .map((e) => [e.getAttribute('data-topic'), Number(e.getAttribute('data-count'))] as const),
      );
    const [topic] = counts.sort((a, b) => b[1] - a[1])[0] ?? [];
    const cluster = panel.locator(`[data-testid="cluster"][data-topic="${topic}"]`).first();
    await cluster.getByRole('button').first().click();
    // Its dimension's card at the top: the topic list, then the opened topic's reviews.
    await cluster.evaluate((e) => e.closest('section')?.scrollIntoView({ block: 'start' }));
    await panel.waitForTimeout(400);
    await ctx.shot(panel, 'replies-clusters');
    ctx.log(`差评聚类：${counts.length} 个话题（近30天），最大：${topic}`);

    await panel.goto(`chrome-extension://${ctx.extensionId}/sidepanel.html?tab=insight&view=suspicious`);
    const flagged = panel.getByTestId('suspicious-item');
    await flagged.first().waitFor({ timeout: 60_000 });
    await flagged.first().getByRole('button', { name: '生成申诉材料' }).click();
    await panel.getByTestId('appeal-pack').waitFor();
    await ctx.shot(panel, 'replies-suspicious');
    ctx.log(
      `可疑评价 ${await flagged.count()} 条；申诉说明：${await panel.getByTestId('appeal-text').textContent()}`,
    );

    const options = await ctx.extPage('options.html#replies', { width: 900, height: 1400 });
    await options.getByTestId('template-editor').waitFor();
    // A new template that ties a coupon to a good review: checked as typed, cannot be added.
    await options
      .getByRole('textbox', { name: '新话术' })
      .fill('{买家}您好，{问题}很抱歉，给个五星好评送您5元优惠券');
    await options.locator('#replies').scrollIntoViewIfNeeded();
    await ctx.shot(options, 'options-replies');
    await options.getByRole('textbox', { name: '新话术' }).scrollIntoViewIfNeeded();
    await ctx.shot(options, 'options-replies-check');
  },
};
