/**
 * The learned text model in the built extension (issue #11): the packaged file loads in the service
 * worker and in an extension page (lib/text/model/load.ts fetches it; a module worker may not import()),
 * the analyzer then uses it, and 采集健康 shows no failure notice. Its size and bundle placement are
 * checked in e2e/score.spec.ts (initial JS budgets) and lib/text/model/model.test.ts (file size).
 */
import { bundle } from '../scripts/bench/common';
import { expect, test } from './fixtures';

const CODE = `
  import { loadTextModel } from '@/lib/text/model/load';
  import { analyzeText } from '@/lib/text/analyze';
  export async function probe(text) {
    const status = await loadTextModel();
    const a = analyzeText(text);
    return { status: status.state, label: a.sentiment.label, categories: a.categories };
  }
`;

test('the model loads in the service worker and in an extension page, and decides', async ({
  sw,
  extPage,
}) => {
  const code = await bundle(CODE);
  const worker = await sw();
  await worker.evaluate(code);
  const inWorker = await worker.evaluate(`KB.probe('洗完头皮一直发痒')`);
  expect(inWorker).toEqual({ status: 'ready', label: 'negative', categories: ['quality'] });

  const page = await extPage('sidepanel.html?tab=health');
  await page.evaluate(code);
  expect(await page.evaluate(`KB.probe('洗完头皮一直发痒')`)).toEqual(inWorker);
  await expect(page.getByText(/还没有采集记录|响应/).first()).toBeVisible();
  await expect(page.getByTestId('text-model-notice')).toHaveCount(0);
});
