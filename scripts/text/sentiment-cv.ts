/**
 * 5-fold cross-validation of the sentiment head on the training side (never the held-out split), for
 * comparing feature sets (docs/text-model.md, eighth and eleventh rounds). Same recipe as
 * `npm run train:text` (`trainSentiment`: AdaGrad, L2 3e-5, 3 epochs, seed 11); folds by hash of
 * `cv:`+text, as in the third round. Accuracy is counted as the targets count it: neutral
 * (|p − 0.5| < margin) on a polar text is wrong.
 * Run: npx tsx scripts/text/sentiment-cv.ts [--plain] [--features=gap3] [--features=gap3,pairs …] (one set
 * per flag; none = the 1–3-grams only). The head is the shipped one (NB-scaled features, eleventh round);
 * `--plain` also scores the plain head of rounds 2–10 on the same folds.
 */
import { fnv1a } from '../../lib/text/accuracy';
import { featureSet, type FeatureSet } from '../../lib/text/model/features';
import { SENTIMENT_NB, featurizeWith, trainSentiment } from '../train-text';
import { dataStatus, isHeldOutReal, loadCorpus } from './data';

const MARGINS = [0, 0.005, 0.01] as const;

function main(): void {
  const status = dataStatus();
  if (!status.ok) {
    console.error(`sentiment-cv: ${status.reason}`);
    process.exit(1);
  }
  const flags = process.argv.filter((a) => a.startsWith('--features='));
  // --plain: the head without NB scaling (rounds 2–10) as well, both arms on the same folds.
  const arms = process.argv.includes('--plain') ? [null, SENTIMENT_NB] : [SENTIMENT_NB];
  const sets: [string, FeatureSet][] = [['1–3-grams', featureSet()]];
  for (const f of flags) {
    const list = f.slice('--features='.length).split(',').filter(Boolean);
    sets.push([list.join('+'), featureSet(list)]);
  }
  const corpus = loadCorpus().filter((r) => !isHeldOutReal(r.text));
  const fold = corpus.map((r) => fnv1a('cv:' + r.text.trim()) % 5);
  const ys = corpus.map((r) => r.label);
  for (const [setName, set] of sets) {
    const xs = corpus.map((r) => featurizeWith(r.text, set));
    for (const nb of arms) {
      const name = `${setName}${nb ? `, NB-scaled (alpha ${nb.alpha}, beta ${nb.beta})` : ', plain'}`;
      const t0 = process.cpuUsage();
      const right = MARGINS.map(() => 0);
      const perFold: number[] = [];
      for (let k = 0; k < 5; k++) {
        const idx = corpus.map((_, i) => i).filter((i) => fold[i] !== k);
        const head = trainSentiment(
          idx.map((i) => xs[i]!),
          idx.map((i) => ys[i]!),
          11,
          nb,
        );
        let foldRight = 0;
        let foldN = 0;
        corpus.forEach((_, i) => {
          if (fold[i] !== k) return;
          const p = 1 / (1 + Math.exp(-head.logit(xs[i]!)));
          MARGINS.forEach((m, j) => {
            if (ys[i] === 1 ? p >= 0.5 + m : p <= 0.5 - m) right[j]!++;
          });
          foldN++;
          if (ys[i] === 1 ? p >= 0.505 : p <= 0.495) foldRight++;
        });
        perFold.push(foldRight / foldN);
      }
      const c = process.cpuUsage(t0);
      console.log(
        `${name}: ${MARGINS.map((m, j) => `margin ${m}: ${((100 * right[j]!) / corpus.length).toFixed(2)} %`).join(', ')}; per fold (margin 0.005) ${perFold.map((a) => (100 * a).toFixed(2)).join(' ')}; ${((c.user + c.system) / 1e6).toFixed(0)} CPU s`,
      );
    }
  }
}

main();
