/**
 * Prints the categorizer's accuracy on the hand-labelled set: the development part (used while tuning
 * the vocabulary) and the held-out part (never tuned on), per category and overall.
 * Run: npx tsx scripts/text-accuracy.ts [--errors dev|holdout]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../lib/text/analyze';
import { evaluate, isHeldOut, type AccuracyReport, type LabelledReview } from '../lib/text/accuracy';

const file = fileURLToPath(new URL('../lib/text/__fixtures__/labelled-reviews.json', import.meta.url));
const all = JSON.parse(readFileSync(file, 'utf8')) as LabelledReview[];
const predict = (r: LabelledReview) => {
  const a = analyzeText(r.text, r.stars === undefined ? {} : { stars: r.stars });
  return { categories: a.categories, sentiment: a.sentiment.label };
};

function table(name: string, r: AccuracyReport): void {
  console.log(`\n${name}: ${r.items} reviews`);
  console.log('category   support  P      R      F1');
  for (const c of r.perCategory)
    console.log(
      `${c.category.padEnd(10)} ${String(c.support).padStart(7)}  ${c.precision.toFixed(2)}   ${c.recall.toFixed(2)}   ${c.f1.toFixed(2)}`,
    );
  console.log(
    `macro F1 ${r.macroF1.toFixed(3)} · sentiment accuracy ${r.sentimentAccuracy.toFixed(3)} · exact category set ${r.exactMatch.toFixed(3)}`,
  );
}

const dev = all.filter((r) => !isHeldOut(r.text));
const holdout = all.filter((r) => isHeldOut(r.text));
const arg = process.argv.indexOf('--errors');
const which = arg > 0 ? process.argv[arg + 1] : undefined;
if (which === 'dev' || which === 'holdout') {
  for (const r of which === 'dev' ? dev : holdout) {
    const p = predict(r);
    const same =
      p.categories.length === r.categories.length && r.categories.every((c) => p.categories.includes(c));
    if (!same || p.sentiment !== r.sentiment)
      console.log(
        `${r.text}\n   gold ${r.categories.join(',') || '-'} ${r.sentiment} | got ${p.categories.join(',') || '-'} ${p.sentiment}`,
      );
  }
}
const devReport = evaluate(dev, predict);
const holdReport = evaluate(holdout, predict);
table('development set', devReport);
table('held-out set', holdReport);
console.log(
  JSON.stringify({
    bench: 'text-accuracy',
    devMacroF1: devReport.macroF1,
    holdoutMacroF1: holdReport.macroF1,
    devSentiment: devReport.sentimentAccuracy,
    holdoutSentiment: holdReport.sentimentAccuracy,
  }),
);
