/**
 * Benchmark on real reviews (issue #11): the analyzer's sentiment and complaint categories on the held-out
 * part of ../shared/data/reviews (never trained or tuned on), and its throughput.
 * Run: npx tsx scripts/bench/text-real.ts [--lexicon] [--data=<dir>]
 * Last line is one JSON summary: {"bench":"text-real",…} or {"bench":"text-real","skipped":"…"}.
 */
import { performance } from 'node:perf_hooks';
import { analyzeText } from '../../lib/text/analyze';
import { dataStatus, isHeldOutReal, loadCorpus, loadLabelled } from '../text/data';
import { categoryFigures, clusterFigures, sentimentFigures } from '../text/metrics';

const args = process.argv.slice(2);
const lexiconOnly = args.includes('--lexicon');
const opts = lexiconOnly ? { model: false as const } : {};

// --data=<dir> reads the corpus from elsewhere (and shows the skip when it is not there).
const dir = args.find((a) => a.startsWith('--data='))?.slice('--data='.length);
const status = dataStatus(dir);
if (!status.ok) {
  console.log(`text-real bench skipped: ${status.reason}`);
  console.log(JSON.stringify({ bench: 'text-real', skipped: status.reason }));
} else {
  const corpus = loadCorpus(dir).filter((r) => isHeldOutReal(r.text));
  const labelled = loadLabelled(dir).filter((r) => isHeldOutReal(r.text));
  const sentiment = sentimentFigures(corpus, (r) => analyzeText(r.text, opts).sentiment.label);
  const cats = categoryFigures(labelled, (r) => {
    const a = analyzeText(r.text, opts);
    return { sentiment: a.sentiment.label, categories: a.categories };
  });
  const clusters = clusterFigures(labelled, (r) => analyzeText(r.text, opts).hits);
  // Throughput: every held-out review, three passes, median.
  const texts = corpus.map((r) => r.text);
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < 3; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const t of texts) analyzeText(t, opts);
    runs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const ms = [...runs].sort((a, b) => a - b)[1]!;
  const cpuMs = [...cpu].sort((a, b) => a - b)[1]!;
  const perSecond = Math.round(texts.length / (ms / 1000));
  // CPU time is less sensitive than wall time to other processes on a shared machine.
  const perCpuSecond = Math.round(texts.length / (cpuMs / 1000));
  const byCat = new Map<string, typeof corpus>();
  for (const r of corpus) byCat.set(r.cat, [...(byCat.get(r.cat) ?? []), r]);
  console.log(
    `text-real (${lexiconOnly ? 'lexicon only' : 'analyzer'}): ${corpus.length} held-out corpus reviews, ${labelled.length} held-out hand-labelled`,
  );
  console.log(
    `  sentiment accuracy ${sentiment.accuracy} (coverage ${sentiment.coverage}), negative recall ${sentiment.negRecall}, precision ${sentiment.negPrecision}`,
  );
  for (const [cat, rs] of byCat) {
    const s = sentimentFigures(rs, (r) => analyzeText(r.text, opts).sentiment.label);
    console.log(
      `    ${cat}: ${rs.length} reviews, accuracy ${s.accuracy}, coverage ${s.coverage}, negative recall ${s.negRecall}`,
    );
  }
  console.log('  category   support  P      R      F1');
  for (const c of cats.report.perCategory)
    console.log(
      `  ${c.category.padEnd(10)} ${String(c.support).padStart(7)}  ${c.precision.toFixed(2)}   ${c.recall.toFixed(2)}   ${c.f1.toFixed(2)}`,
    );
  console.log(
    `  macro-F1 ${cats.report.macroF1} (six), ${cats.macroF1Specific} (five specific); hand-read sentiment accuracy ${cats.sentimentAccuracy3}`,
  );
  console.log(
    `  ${cats.negatives} negatives: specific category found ${cats.negSpecificHit}, only 'other' ${cats.negOtherShare}, no category ${cats.negNoneShare}`,
  );
  console.log(
    `  clusters of the hand-read negatives: ${clusters.clusters}, purity ${clusters.purity}, only 其他 ${clusters.otherShare}, unclustered ${clusters.unclustered}`,
  );
  console.log(
    `  throughput ${perSecond.toLocaleString('en')} reviews/s wall, ${perCpuSecond.toLocaleString('en')} per CPU second (runs ${runs.map((x) => Math.round(x)).join(' / ')} ms)`,
  );
  console.log(
    JSON.stringify({
      bench: 'text-real',
      lexiconOnly,
      heldOut: corpus.length,
      labelledHeldOut: labelled.length,
      sentiment,
      categories: cats.report.perCategory.map(({ category, support, precision, recall, f1 }) => ({
        category,
        support,
        precision,
        recall,
        f1,
      })),
      macroF1: cats.report.macroF1,
      macroF1Specific: cats.macroF1Specific,
      sentimentAccuracy3: cats.sentimentAccuracy3,
      negSpecificHit: cats.negSpecificHit,
      negOtherShare: cats.negOtherShare,
      clusters,
      negNoneShare: cats.negNoneShare,
      perSecond,
      perCpuSecond,
    }),
  );
}
