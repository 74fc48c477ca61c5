/**
 * Simulation of the merchant's corrections (issue #11): one product category of the shared corpus plays
 * "the shop", as in adapt-sim.ts (base model trained without it, the shop's training-side reviews fed
 * with their stars). Its hand-labelled reviews are split in two by a stable hash: the merchant corrects
 * the tags of one half (each correction = the hand-read categories and sentiment, learnt with weight 3
 * by `learnCorrection`, exactly as the service worker does), and the figures are measured on the other
 * half, which no step saw. The adapter has the extension's bound (STORE_ADAPTER_FEATURES).
 * Run: npx tsx scripts/text/corrections-sim.ts [category …]   (default: 衣服 水果)
 * Last line is one JSON summary: {"bench":"text-corrections",…}.
 */
import { analyzeText } from '../../lib/text/analyze';
import { emptyAdapterRow, learnCorrection, STORE_ADAPTER_FEATURES } from '../../lib/text/adapter-store';
import { ShopAdapter } from '../../lib/text/model/adapt';
import { decodeModel } from '../../lib/text/model/model';
import { setTextModelForTesting } from '../../lib/text/model/load';
import { mulberry32 } from '../../lib/random';
import { trainModel } from '../train-text';
import { dataStatus, isHeldOutReal, loadCorpus, loadLabelled, type LabelledReview } from './data';
import { categoryFigures } from './metrics';

const status = dataStatus();
if (!status.ok) {
  console.log(JSON.stringify({ bench: 'text-corrections', skipped: status.reason }));
  process.exit(0);
}
const fnv = (s: string) => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
};
const cats = process.argv.slice(2).length ? process.argv.slice(2) : ['衣服', '水果'];
const corpus = loadCorpus();
const labelled = loadLabelled();
const results: Record<string, unknown>[] = [];
for (const cat of cats) {
  const stored = trainModel(
    corpus.filter((r) => r.cat !== cat && !isHeldOutReal(r.text)),
    labelled.filter((r) => r.cat !== cat && !isHeldOutReal(r.text)),
    () => undefined,
  );
  setTextModelForTesting(stored);
  const model = decodeModel(stored);
  const own = labelled.filter((r) => r.cat === cat);
  const corrected = own.filter((r) => fnv(`fix:${r.text.trim()}`) % 2 === 0);
  const evaluated = own.filter((r) => fnv(`fix:${r.text.trim()}`) % 2 === 1);
  const seen = new Set(own.map((r) => r.text.trim()));
  const shop = corpus.filter((r) => r.cat === cat && !isHeldOutReal(r.text) && !seen.has(r.text.trim()));
  const measure = (rows: readonly LabelledReview[], adapter?: ShopAdapter) =>
    categoryFigures(rows, (r) => {
      const a = analyzeText(r.text, adapter ? { adapter } : {});
      return { sentiment: a.sentiment.label, categories: a.categories };
    }).macroF1Specific;
  const adapter = new ShopAdapter(model, { maxFeatures: STORE_ADAPTER_FEATURES });
  const rng = mulberry32(5);
  for (const i of shop.map((_, i) => i).sort(() => rng() - 0.5))
    adapter.learnStars(shop[i]!.text, shop[i]!.label === 1 ? 5 : 1);
  const stars = measure(evaluated, adapter);
  const row = emptyAdapterRow('sim', model, 0);
  const steps: { corrections: number; macroF1: number }[] = [];
  const order = corrected.map((_, i) => i).sort(() => rng() - 0.5);
  let n = 0;
  for (const k of [25, 50, 100, order.length]) {
    for (; n < Math.min(k, order.length); n++) {
      const r = corrected[order[n]!]!;
      learnCorrection(adapter, row, { categories: r.categories, sentiment: r.sentiment, at: n + 1 }, r.text);
    }
    steps.push({ corrections: n, macroF1: measure(evaluated, adapter) });
  }
  const out = {
    cat,
    corrected: corrected.length,
    evaluated: evaluated.length,
    base: measure(evaluated),
    stars,
    withCorrections: steps,
    adapterFeatures: adapter.size,
  };
  console.log(JSON.stringify(out));
  results.push(out);
}
console.log(JSON.stringify({ bench: 'text-corrections', results }));
