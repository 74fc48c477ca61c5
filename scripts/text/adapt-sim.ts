/**
 * Simulation of on-device adaptation (issue #11): one product category of the shared corpus plays "the
 * shop". The base model is trained without any review of that category; the shop's reviews (training
 * side, without the hand-labelled ones) are then fed one by one with their stars (corpus polarity: ★5 or
 * ★1) to a ShopAdapter. Before/after figures are measured on the category's hand-labelled reviews (which
 * neither the base model nor the adapter saw) and on its held-out corpus reviews.
 * Run: npx tsx scripts/text/adapt-sim.ts [category …]   (default: 衣服 水果 平板)
 * Last line is one JSON summary: {"bench":"text-adapt",…}.
 */
import { analyzeText } from '../../lib/text/analyze';
import { ShopAdapter } from '../../lib/text/model/adapt';
import { decodeModel } from '../../lib/text/model/model';
import { setTextModelForTesting } from '../../lib/text/model/load';
import { mulberry32 } from '../../lib/random';
import { trainModel } from '../train-text';
import { dataStatus, isHeldOutReal, loadCorpus, loadLabelled } from './data';
import { categoryFigures, sentimentFigures } from './metrics';

const status = dataStatus();
if (!status.ok) {
  console.log(JSON.stringify({ bench: 'text-adapt', skipped: status.reason }));
  process.exit(0);
}
const cats = process.argv.slice(2).length ? process.argv.slice(2) : ['衣服', '水果', '平板'];
const corpus = loadCorpus();
const labelled = loadLabelled();
const results: Record<string, unknown>[] = [];
for (const cat of cats) {
  const trainCorpus = corpus.filter((r) => r.cat !== cat && !isHeldOutReal(r.text));
  const trainLabelled = labelled.filter((r) => r.cat !== cat && !isHeldOutReal(r.text));
  const stored = trainModel(trainCorpus, trainLabelled, () => undefined);
  setTextModelForTesting(stored);
  const model = decodeModel(stored);
  const evalLabelled = labelled.filter((r) => r.cat === cat);
  const seen = new Set(evalLabelled.map((r) => r.text.trim()));
  const shop = corpus.filter((r) => r.cat === cat && !isHeldOutReal(r.text) && !seen.has(r.text.trim()));
  const heldOut = corpus.filter((r) => r.cat === cat && isHeldOutReal(r.text));
  const measure = (adapter?: ShopAdapter) => {
    const opts = adapter ? { adapter } : {};
    const c = categoryFigures(evalLabelled, (r) => {
      const a = analyzeText(r.text, opts);
      return { sentiment: a.sentiment.label, categories: a.categories };
    });
    const s = sentimentFigures(heldOut, (r) => analyzeText(r.text, opts).sentiment.label);
    return { macroF1: c.macroF1Specific, sentiment: s.accuracy, negRecall: s.negRecall };
  };
  const before = measure();
  const adapt = (selfTrain: boolean) => {
    const adapter = new ShopAdapter(model, { selfTrain });
    const rng = mulberry32(5);
    const order = shop.map((_, i) => i).sort(() => rng() - 0.5);
    for (const i of order) adapter.learnStars(shop[i]!.text, shop[i]!.label === 1 ? 5 : 1);
    return { ...measure(adapter), adapterFeatures: adapter.size };
  };
  const row = {
    cat,
    shopReviews: shop.length,
    evalLabelled: evalLabelled.length,
    heldOut: heldOut.length,
    before,
    after: adapt(false),
    afterSelfTrain: adapt(true),
  };
  console.log(JSON.stringify(row));
  results.push(row);
}
console.log(JSON.stringify({ bench: 'text-adapt', results }));
