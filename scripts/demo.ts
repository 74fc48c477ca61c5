/**
 * `npm run demo` — the main job. Builds (npm script), launches Chromium with the extension (headed when a
 * display exists, headless otherwise), serves the demo consoles under their real host names, browses them
 * like a merchant would over the last weeks, and leaves screenshots and exports in out/demo/.
 *
 *   npm run demo                 # default
 *   npm run demo -- --docs       # also refresh docs/screenshots/ (README images)
 *   npm run demo -- --keep-open  # leave the browser open when headed
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { createDemoHandler, routeDemo } from '../demo/server';
import { launchWithExtension } from '../e2e/browser';
import { parseInstant } from '../e2e/clock';
import { allRows, countRows } from '../e2e/idb';
import { DEMO_STEPS } from './demo-steps';

const args = new Set(process.argv.slice(2));
const OUT = resolve('out/demo');
const DOCS = resolve('docs/screenshots');
const headless = !process.env.DISPLAY || args.has('--headless');

export interface DemoContext {
  context: BrowserContext;
  extensionId: string;
  out: string;
  shots: string[];
  files: string[];
  /** Saves a screenshot of `page` as out/demo/<name>.png. */
  shot(page: Page, name: string, opts?: { fullPage?: boolean }): Promise<void>;
  extPage(path: string, size?: { width: number; height: number }): Promise<Page>;
  log(msg: string): void;
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const t0 = Date.now();
  // One clock: the world ends "now" (KOUBEI_DEMO_NOW to replay another day) and the extension's clock is
  // pinned to the same instant, running on from there, so the demo's "today" is the console's today.
  const now = parseInstant(process.env.KOUBEI_DEMO_NOW) ?? Date.now();
  const handler = createDemoHandler({ seed: 7, now });
  const world = handler.world;
  console.log(`口碑助手 demo — ${headless ? 'headless' : 'headed'} Chromium`);
  console.log(
    `模拟店铺 ${world.shop.name}（店铺ID ${world.shop.id}）：${world.orders.length} 单 / ${world.reviews.length} 条评价，场景 ${world.scenario.kind} 始于 ${world.scenario.start}`,
  );

  const { context, extensionId, serviceWorker } = await launchWithExtension({
    headless,
    clock: { at: now, frozen: false },
  });
  await routeDemo(context, handler);
  const ctx: DemoContext = {
    context,
    extensionId,
    out: OUT,
    shots: [],
    files: [],
    async shot(page, name, opts) {
      const file = join(OUT, `${name}.png`);
      await page.screenshot({ path: file, fullPage: opts?.fullPage ?? false });
      this.shots.push(file);
    },
    async extPage(path, size = { width: 420, height: 860 }) {
      const page = await context.newPage();
      await page.setViewportSize(size);
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    log: (m) => console.log(`  · ${m}`),
  };

  for (const step of DEMO_STEPS) {
    console.log(`» ${step.title}`);
    await step.run(ctx, handler);
  }

  const sw = await serviceWorker();
  const counts = await countRows(sw);
  const scores = await allRows<{ kind: string; date: string; value?: number; fivePoint?: number }>(
    sw,
    'officialScores',
  );
  const official = scores
    .filter((s) => s.kind === 'douyin.experience')
    .sort((a, b) => a.date.localeCompare(b.date));
  const events = await allRows<{ outcome: string }>(sw, 'captureEvents');
  const latest = official.at(-1);

  console.log('\n采集结果 Captured');
  console.log(
    `  评价 reviews: ${counts.reviews}   订单 orders: ${counts.orders}   官方分数 official scores: ${counts.officialScores}`,
  );
  console.log(
    `  采集响应 responses: ${events.length}（异常 ${events.filter((e) => e.outcome !== 'ok').length}）`,
  );
  if (latest) {
    console.log(`  商家体验分 ${latest.date}: ${latest.value}（消费者评分 ${latest.fivePoint}）`);
    const low = official.reduce((m, s) => ((s.value ?? 999) < (m.value ?? 999) ? s : m), latest);
    console.log(`  近 ${official.length} 天最低: ${low.date} ${low.value}（消费者评分 ${low.fivePoint}）`);
  }
  console.log('\n截图 Screenshots');
  for (const f of ctx.shots) console.log(`  ${relative(process.cwd(), f)}`);
  if (ctx.files.length) {
    console.log('导出 Exports');
    for (const f of ctx.files) console.log(`  ${relative(process.cwd(), f)}`);
  }
  if (args.has('--docs')) {
    mkdirSync(DOCS, { recursive: true });
    for (const f of ctx.shots) copyFileSync(f, join(DOCS, f.split('/').pop()!));
    console.log(`  (copied to ${relative(process.cwd(), DOCS)}/)`);
  }
  console.log(`\n完成 Done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  if (!headless && args.has('--keep-open')) {
    console.log('浏览器保持打开；关闭窗口以结束。');
    await new Promise((res) => context.on('close', res));
  } else {
    await context.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
