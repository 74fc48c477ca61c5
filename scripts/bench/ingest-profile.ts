/**
 * Profile pass (not timed) of the worker's ingest path in an extension page: the same batches and page
 * code as scripts/bench/ingest-ab.ts (this checkout's lib/), one warm-up pipeline, then one under the CDP
 * sampling profiler. Prints the main thread's self time per function (top N) and per source file.
 *
 *   npx wxt build && node --import tsx scripts/bench/ingest-profile.ts [--days=60] [--top=40]
 */
import { createDemoHandler } from '../../demo/server';
import { launchWithExtension } from '../../e2e/browser';
import { ROOT, bundle, load } from './common';
import { allBatches, listTotal } from './ingest';
import { ingestPageCode } from './ingest-page';
import { selfTimes, type CpuProfile } from './profile';

const arg = (name: string, dflt: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const DAYS = Number(arg('days', '60'));
const TOP = Number(arg('top', '40'));
const NOW = Date.UTC(2026, 10, 22, 2, 0, 0);

const demo = createDemoHandler({ seed: 7, now: NOW, days: DAYS, ordersPerDay: 300 });
const batches = JSON.stringify(allBatches(demo, listTotal(demo)));
const { context, extensionId } = await launchWithExtension();
try {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.evaluate(await bundle(ingestPageCode(ROOT), 'KB'));
  await page.evaluate(`KB.pipeline(${batches}, 'douyin:bench')`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const r = await page.evaluate<{ first: number; again: number }>(`KB.pipeline(${batches}, 'douyin:bench')`); // prettier-ignore
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  console.log(
    `profiled pass: first ${Math.round(r.first)} ms, again ${Math.round(r.again)} ms, load ${load()}`,
  );
  console.log(selfTimes(profile, TOP));
} finally {
  await context.close();
}
