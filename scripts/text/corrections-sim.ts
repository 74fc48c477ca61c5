/**
 * Simulation of the merchant's corrections (issue #11): one product category of the shared corpus plays
 * "the shop", as in adapt-sim.ts (base model trained without it, the shop's training-side reviews fed
 * with their stars). Its hand-labelled reviews are split in two by a stable hash: the merchant corrects
 * the tags of one half (each correction = the hand-read categories and sentiment, learnt with weight 3
 * by `learnCorrection`, exactly as the service worker does), and the figures are measured on the other
 * half, which no step saw. The adapter has the extension's bound (STORE_ADAPTER_FEATURES).
 * Run: npx tsx scripts/text/corrections-sim.ts [--train-side] [--detail] [category …]   (default: 衣服 水果)
 * --train-side: the shop's hand-labelled reviews of the held-out split are left out of both halves, so the
 * simulation can be used to tune the adapter without looking at the held-out split. --detail: per-topic
 * precision/recall at each step. --orders=N: the corrections are fed in N seeded orders (from the same
 * star-adapted state) and every step's figure is their mean (one order is noisy: a few corrections of a
 * small topic move macro-F1 by several points). --adapter=<json>: AdapterOptions for the experiment.
 * --cache: the base model per category is kept in the OS temp directory between runs. --plain-topics /
 * --no-calibrate: the base model is trained as `npm run train:text` does with those flags.
 * Last line is one JSON summary: {"bench":"text-corrections",…}.
 */
import { analyzeText } from '../../lib/text/analyze';
import { emptyAdapterRow, learnCorrection, STORE_ADAPTER_FEATURES } from '../../lib/text/adapter-store';
import { ShopAdapter, type AdapterOptions, type AdapterState } from '../../lib/text/model/adapt';
import { decodeModel } from '../../lib/text/model/model';
import { setTextModelForTesting } from '../../lib/text/model/load';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
const args = process.argv.slice(2);
const trainSide = args.includes('--train-side');
const detail = args.includes('--detail');
const orders = Number(args.find((a) => a.startsWith('--orders='))?.slice(9) ?? 1);
const adapterOpts = JSON.parse(
  args.find((a) => a.startsWith('--adapter='))?.slice(10) ?? '{}',
) as AdapterOptions;
const cache = args.includes('--cache');
const nbTopics = !args.includes('--plain-topics');
const calibrate = !args.includes('--no-calibrate');
const named = args.filter((a) => !a.startsWith('--'));
const cats = named.length ? named : ['衣服', '水果'];
const corpus = loadCorpus();
const labelled = loadLabelled();
const results: Record<string, unknown>[] = [];
for (const cat of cats) {
  const cached = join(
    tmpdir(),
    `koubei-corrections-sim-${fnv(cat)}${nbTopics ? '-nb' : ''}${calibrate ? '-cal' : ''}.json`,
  );
  const stored =
    cache && existsSync(cached)
      ? (JSON.parse(readFileSync(cached, 'utf8')) as ReturnType<typeof trainModel>)
      : trainModel(
          corpus.filter((r) => r.cat !== cat && !isHeldOutReal(r.text)),
          labelled.filter((r) => r.cat !== cat && !isHeldOutReal(r.text)),
          () => undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          0,
          { nbTopics, calibrate },
        );
  if (cache) writeFileSync(cached, JSON.stringify(stored));
  setTextModelForTesting(stored);
  const model = decodeModel(stored);
  const own = labelled.filter((r) => r.cat === cat && !(trainSide && isHeldOutReal(r.text)));
  const corrected = own.filter((r) => fnv(`fix:${r.text.trim()}`) % 2 === 0);
  const evaluated = own.filter((r) => fnv(`fix:${r.text.trim()}`) % 2 === 1);
  const seen = new Set(own.map((r) => r.text.trim()));
  const shop = corpus.filter((r) => r.cat === cat && !isHeldOutReal(r.text) && !seen.has(r.text.trim()));
  const measure = (rows: readonly LabelledReview[], adapter?: ShopAdapter) => {
    const f = categoryFigures(rows, (r) => {
      const a = analyzeText(r.text, adapter ? { adapter } : {});
      return { sentiment: a.sentiment.label, categories: a.categories };
    });
    if (detail)
      console.log(
        `  ${cat} macro ${f.macroF1Specific}: ` +
          f.report.perCategory
            .map((c) => `${c.category} P ${c.precision} R ${c.recall} (${c.support})`)
            .join(', '),
      );
    return f.macroF1Specific;
  };
  const opts = { maxFeatures: STORE_ADAPTER_FEATURES, ...adapterOpts };
  const starred = new ShopAdapter(model, opts);
  const rng = mulberry32(5);
  for (const i of shop.map((_, i) => i).sort(() => rng() - 0.5))
    starred.learnStars(shop[i]!.text, shop[i]!.label === 1 ? 5 : 1);
  const stars = measure(evaluated, starred);
  const starState = JSON.stringify(starred.toJSON());
  const sums = new Map<number, number>();
  const perOrder: number[][] = [];
  let adapter = starred;
  for (let o = 0; o < orders; o++) {
    // The first order is the one the simulation always used; later ones start again from the stars.
    if (o > 0) adapter = ShopAdapter.fromJSON(model, JSON.parse(starState) as AdapterState, opts);
    const row = emptyAdapterRow('sim', model, 0);
    const orng = o === 0 ? rng : mulberry32(100 + o);
    const order = corrected.map((_, i) => i).sort(() => orng() - 0.5);
    let n = 0;
    perOrder.push([]);
    for (const k of [25, 50, 100, order.length]) {
      for (; n < Math.min(k, order.length); n++) {
        const r = corrected[order[n]!]!;
        learnCorrection(
          adapter,
          row,
          { categories: r.categories, sentiment: r.sentiment, at: n + 1 },
          r.text,
        );
      }
      const f1 = measure(evaluated, adapter);
      perOrder[o]!.push(f1);
      sums.set(n, (sums.get(n) ?? 0) + f1);
    }
  }
  const steps = [...sums].map(([corrections, s]) => ({
    corrections,
    macroF1: Math.round((s / orders) * 1000) / 1000,
  }));
  const out = {
    cat,
    corrected: corrected.length,
    evaluated: evaluated.length,
    base: measure(evaluated),
    stars,
    withCorrections: steps,
    ...(orders > 1 ? { perOrder } : {}),
    adapterFeatures: adapter.size,
  };
  console.log(JSON.stringify(out));
  results.push(out);
}
console.log(JSON.stringify({ bench: 'text-corrections', results }));
