/**
 * Hand-labelling helper for the category heads (issue #11, fourth round; docs/text-model.md). Reads the
 * corpus in ../shared/data/reviews, prints reviews to read, and turns the reader's labels into keyed label
 * files (scripts/text/extra-labels.ts: hash + length + corpus category, never the text).
 *
 *   npx tsx scripts/text/label-candidates.ts page <n>            candidates, page n (40 a page, from 1)
 *   npx tsx scripts/text/label-candidates.ts page2 <n>           second stream (under-represented), page n
 *   npx tsx scripts/text/label-candidates.ts page3 <n>           shared-style random sample, page n (45 a page)
 *   npx tsx scripts/text/label-candidates.ts agree-page <n>      blind re-reading set, page n (50 a page, 3 pages)
 *   npx tsx scripts/text/label-candidates.ts save <file>         add the labels in <file> to extra.jsonl
 *   npx tsx scripts/text/label-candidates.ts save2 <file>        same, numbers from the second stream
 *   npx tsx scripts/text/label-candidates.ts save3 <file>        the random sample's labels → random.jsonl
 *   npx tsx scripts/text/label-candidates.ts agree-check <file>  a reader's blind labels of agree-page 1..3
 *                                                                vs the shared labels (nothing saved)
 *   npx tsx scripts/text/label-candidates.ts save-agree <file>   same for agreement.jsonl
 *   npx tsx scripts/text/label-candidates.ts agreement           my blind labels vs the shared labels
 *   npx tsx scripts/text/label-candidates.ts stats               counts in extra.jsonl
 *
 * A label file has one line per review: `<number> <categories> <sentiment>`, categories as letters
 * (q quality, m mismatch, l logistics, s service, p price, o other; `-` for none), sentiment p / u
 * (neutral) / n. Example: `17 ql n`.
 *
 * Candidates: training side only (`!isHeldOutReal`), the 9 goods categories (the shared labels have no
 * 酒店), not already in categories.labelled.jsonl, deduplicated by trimmed text, at most MAX_LEN characters.
 * Every page of 40 mixes, in a seeded order: 24 corpus negatives that mention a small topic (logistics,
 * service, price, mismatch, taken in turn), 8 corpus negatives at random, 8 corpus positives that mention
 * a small topic.
 *
 * Second stream (fifth round, `stream2`): the same filters, minus every review of the candidate list, so the
 * two never overlap. Every page of 40 mixes, in a seeded order, corpus negatives of the product categories
 * the first list reaches least (10 书籍, 10 手机, 6 蒙牛; 热水器 has none left outside the first list) and 14
 * corpus negatives of any category that mention a service word (`TOPIC_WORDS.service`).
 *
 * Third stream (ninth round, `stream3`): drawn the way the shared labelled file was drawn, so its labels can
 * decide between models the way the shared ones do: no topic words; every page of 45 holds, per goods
 * category, 4 corpus negatives and 1 corpus positive at random (the shared file's 267 : 67), shorter than
 * SHARED_MAX_LEN (the shared file's longest text is 199 characters); training side only, outside the
 * shared file. Reviews an earlier round labelled stay in the sample but are not shown again: `save3` copies
 * their labels into random.jsonl beside the reader's, for every page the reader's file touches.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { mulberry32, shuffleInPlace } from '../../lib/random';
import type { ReviewCategory, SentimentLabel } from '../../lib/text/types';
import { isHeldOutReal, loadCorpus, loadLabelled, type CorpusReview } from './data';
import {
  AGREEMENT_FILE,
  EXTRA_FILE,
  LABELS_DIR,
  RANDOM_FILE,
  ROUND3_FILE,
  formatLabels,
  joinLabels,
  keyString,
  labelKey,
  readLabels,
  type ExtraLabel,
} from './extra-labels';

export const MAX_LEN = 300;
/** The shared labelled file holds no text of 200 characters or more. */
export const SHARED_MAX_LEN = 200;
const PAGE3 = 45;
const PAGE = 40;
const AGREE_PAGE = 50;
const AGREE_COUNT = 150;

/** Words that suggest a small topic (selection only; the label is what the reader decides). */
export const TOPIC_WORDS: Record<string, RegExp> = {
  logistics: /物流|快递|送货|发货|到货|配送|包装|送到|签收|运输|邮寄|几天才|才到|压坏|压扁|破损|漏了/,
  service: /客服|售后|退货|退款|换货|发票|态度|投诉|维修|安装|不理|回复|联系|退换|处理/,
  price: /价格|价钱|贵|降价|不值|差价|涨价|优惠|保价|性价比|便宜|多花|收费|加钱/,
  mismatch: /不符|色差|尺码|偏大|偏小|少了|发错|赠品|不一样|图片|描述|型号|缺少|没有送|送的|少发|版本/,
};
const TOPIC_ORDER = ['logistics', 'service', 'price', 'mismatch'] as const;

const shuffled = <T>(xs: readonly T[], seed: number): T[] => shuffleInPlace([...xs], mulberry32(seed));

const matches = (r: CorpusReview, t: string) => TOPIC_WORDS[t]!.test(r.text);
const anyTopic = (r: CorpusReview) => TOPIC_ORDER.some((t) => matches(r, t));

/** The candidate list, in reading order (deterministic). */
export function candidates(): CorpusReview[] {
  const labelled = new Set(loadLabelled().map((r) => r.text.trim()));
  const seen = new Set<string>();
  const pool: CorpusReview[] = [];
  for (const r of loadCorpus()) {
    const t = r.text.trim();
    if (r.cat === '酒店' || isHeldOutReal(r.text) || labelled.has(t) || seen.has(t) || t.length > MAX_LEN)
      continue;
    seen.add(t);
    pool.push({ ...r, text: t });
  }
  const negTopic = TOPIC_ORDER.map((t, k) =>
    shuffled(
      pool.filter((r) => r.label === 0 && matches(r, t)),
      21 + k,
    ),
  );
  const negRandom = shuffled(
    pool.filter((r) => r.label === 0),
    31,
  );
  const posTopic = shuffled(
    pool.filter((r) => r.label === 1 && anyTopic(r)),
    41,
  );
  const taken = new Set<string>();
  const take = (list: CorpusReview[]): CorpusReview | undefined => {
    while (list.length) {
      const r = list.shift()!;
      if (!taken.has(r.text)) {
        taken.add(r.text);
        return r;
      }
    }
    return undefined;
  };
  const out: CorpusReview[] = [];
  const slots = [
    ...Array.from({ length: 24 }, (_, i) => `t${i % 4}`),
    ...Array.from({ length: 8 }, () => 'r'),
    ...Array.from({ length: 8 }, () => 'p'),
  ];
  for (let page = 0; page < 200; page++) {
    for (const s of shuffled(slots, 1000 + page)) {
      const r = take(s === 'r' ? negRandom : s === 'p' ? posTopic : negTopic[Number(s.slice(1))]!);
      if (r) out.push(r);
    }
  }
  return out;
}

const STREAM2_SLOTS: readonly (readonly [string, number])[] = [
  ['书籍', 10],
  ['手机', 10],
  ['蒙牛', 6],
  ['service', 14],
];

/** The second candidate stream, in reading order (deterministic): reviews outside `candidates()` from the
 * under-represented product categories and service complaints. */
export function stream2(first: readonly CorpusReview[] = candidates()): CorpusReview[] {
  const exclude = new Set([...loadLabelled().map((r) => r.text.trim()), ...first.map((r) => r.text.trim())]);
  const seen = new Set<string>();
  const pool: CorpusReview[] = [];
  for (const r of loadCorpus()) {
    const t = r.text.trim();
    if (r.label !== 0 || r.cat === '酒店' || isHeldOutReal(r.text) || exclude.has(t) || seen.has(t)) continue;
    if (t.length > MAX_LEN) continue;
    seen.add(t);
    pool.push({ ...r, text: t });
  }
  const lists = new Map(
    STREAM2_SLOTS.map(([k], i) => [
      k,
      shuffled(
        pool.filter((r) => (k === 'service' ? matches(r, 'service') : r.cat === k)),
        61 + i,
      ),
    ]),
  );
  const slots = STREAM2_SLOTS.flatMap(([k, n]) => Array.from({ length: n }, () => k));
  const taken = new Set<string>();
  const out: CorpusReview[] = [];
  for (let page = 0; page < 100; page++) {
    for (const k of shuffled(slots, 2000 + page)) {
      const list = lists.get(k)!;
      while (list.length) {
        const r = list.shift()!;
        if (taken.has(r.text)) continue;
        taken.add(r.text);
        out.push(r);
        break;
      }
    }
  }
  return out;
}

const GOODS = ['书籍', '平板', '手机', '水果', '洗发水', '热水器', '蒙牛', '衣服', '计算机'] as const;

/** The third stream, in reading order (deterministic): a stratified random sample like the shared file's
 * (per page, 4 negatives and 1 positive of each goods category while any are left). Reviews the earlier
 * rounds labelled stay in it, so the sample is not thinned where those rounds read most. */
export function stream3(): CorpusReview[] {
  const shared = new Set(loadLabelled().map((r) => r.text.trim()));
  const seen = new Set<string>();
  const pool = new Map<string, CorpusReview[]>();
  for (const r of loadCorpus()) {
    const t = r.text.trim();
    if (r.cat === '酒店' || !t || t.length >= SHARED_MAX_LEN || isHeldOutReal(r.text)) continue;
    if (shared.has(t) || seen.has(t)) continue;
    seen.add(t);
    const k = `${r.cat}:${r.label}`;
    const list = pool.get(k) ?? [];
    list.push({ ...r, text: t });
    pool.set(k, list);
  }
  const lists = new Map([...pool].map(([k, list], i) => [k, shuffled(list, 71 + i)]));
  const slots = GOODS.flatMap((c) => [...Array.from({ length: 4 }, () => `${c}:0`), `${c}:1`]);
  const out: CorpusReview[] = [];
  for (let page = 0; page < 100; page++)
    for (const k of shuffled(slots, 3000 + page)) {
      const r = lists.get(k)?.shift();
      if (r) out.push(r);
    }
  return out;
}

/** Labels the earlier rounds already gave (extra.jsonl, then extra-round3.jsonl), by key. */
function earlierLabels(): Map<string, ExtraLabel> {
  return new Map([...readLabels(ROUND3_FILE), ...readLabels(EXTRA_FILE)].map((l) => [keyString(l), l]));
}

/** Prints page n of the third stream, leaving out the reviews an earlier round labelled. */
function printStream3(n: number): void {
  const list = stream3();
  const earlier = earlierLabels();
  const from = (n - 1) * PAGE3;
  const page = list.slice(from, from + PAGE3);
  const known = page.filter((r) => earlier.has(keyString(labelKey(r.cat, r.text)))).length;
  console.log(`# page ${n}: ${page.length} reviews, ${known} labelled in an earlier round (not shown)`);
  page.forEach((r, i) => {
    if (!earlier.has(keyString(labelKey(r.cat, r.text))))
      console.log(`${from + i + 1} [${r.cat} ${r.label ? '+' : '-'}] ${r.text.replace(/\s+/g, ' ')}`);
  });
}

/** The third stream's labels for every page the reader's file touches: the reader's own, and the earlier
 * rounds' labels of the reviews those pages did not show (copied, so random.jsonl holds the whole sample). */
function stream3Labels(raw: string): ExtraLabel[] {
  const list = stream3();
  const earlier = earlierLabels();
  const read = parseRaw(raw);
  const pages = new Set(read.map(({ i }) => Math.floor((i - 1) / PAGE3)));
  const own = read.map(({ i, categories, sentiment }) => {
    const r = list[i - 1];
    if (!r) throw new Error(`no review ${i}`);
    const key = labelKey(r.cat, r.text);
    if (earlier.has(keyString(key))) throw new Error(`review ${i} was labelled in an earlier round`);
    return { ...key, categories, sentiment };
  });
  const copied = [...pages].flatMap((p) =>
    list.slice(p * PAGE3, (p + 1) * PAGE3).flatMap((r) => {
      const l = earlier.get(keyString(labelKey(r.cat, r.text)));
      return l ? [l] : [];
    }),
  );
  return [...own, ...copied];
}

/** Already hand-labelled training-side reviews for the blind agreement check: half at random, half that
 * mention a small topic. */
export function agreementSet() {
  const labelled = loadLabelled().filter((r) => !isHeldOutReal(r.text));
  const a = shuffled(labelled, 51);
  const topical = a.filter(anyTopic).slice(0, AGREE_COUNT / 2);
  const chosen = new Set(topical);
  const rest = a.filter((r) => !chosen.has(r)).slice(0, AGREE_COUNT - topical.length);
  return shuffled([...topical, ...rest], 52);
}

const LETTER: Record<string, ReviewCategory> = {
  q: 'quality',
  m: 'mismatch',
  l: 'logistics',
  s: 'service',
  p: 'price',
  o: 'other',
};
const SENT: Record<string, SentimentLabel> = { p: 'positive', u: 'neutral', n: 'negative' };

/** Parses `<number> <letters|-> <p|u|n>` lines. */
export function parseRaw(
  raw: string,
): { i: number; categories: ReviewCategory[]; sentiment: SentimentLabel }[] {
  return raw
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [num, cats, sent] = l.split(/\s+/);
      const i = Number(num);
      const sentiment = SENT[sent ?? ''];
      if (!Number.isInteger(i) || !cats || !sentiment) throw new Error(`bad label line: ${l}`);
      const categories =
        cats === '-'
          ? []
          : [
              ...new Set(
                [...cats].map(
                  (c) =>
                    LETTER[c] ??
                    (() => {
                      throw new Error(`bad category ${c}: ${l}`);
                    })(),
                ),
              ),
            ];
      return { i, categories, sentiment };
    });
}

function merge(file: string, add: ExtraLabel[]): number {
  const all = new Map(readLabels(file).map((l) => [keyString(l), l]));
  for (const l of add) all.set(keyString(l), l);
  mkdirSync(LABELS_DIR, { recursive: true });
  writeFileSync(file, formatLabels([...all.values()]));
  return all.size;
}

function print(list: readonly CorpusReview[], from: number, count: number): void {
  for (let i = from; i < Math.min(list.length, from + count); i++) {
    const r = list[i]!;
    console.log(`${i + 1} [${r.cat} ${r.label ? '+' : '-'}] ${r.text.trim().replace(/\s+/g, ' ')}`);
  }
}

function kappa(a: readonly boolean[], b: readonly boolean[]): { kappa: number; f1: number; n: number } {
  const n = a.length;
  let tt = 0;
  let tf = 0;
  let ft = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] && b[i]) tt++;
    else if (a[i]) tf++;
    else if (b[i]) ft++;
  }
  const po = (n - tf - ft) / n;
  const pa = (tt + tf) / n;
  const pb = (tt + ft) / n;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  return {
    kappa: pe === 1 ? 1 : (po - pe) / (1 - pe),
    f1: tt ? (2 * tt) / (2 * tt + tf + ft) : 0,
    n: tt + ft,
  };
}

function main(): void {
  const [cmd, arg] = process.argv.slice(2);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  if (cmd === 'page') print(candidates(), (Number(arg) - 1) * PAGE, PAGE);
  else if (cmd === 'page2') print(stream2(), (Number(arg) - 1) * PAGE, PAGE);
  else if (cmd === 'page3') printStream3(Number(arg));
  else if (cmd === 'save3') {
    const add = stream3Labels(readFileSync(resolve(arg!), 'utf8'));
    console.log(`added ${add.length}, ${merge(RANDOM_FILE, add)} in file`);
  } else if (cmd === 'agree-page') print(agreementSet(), (Number(arg) - 1) * AGREE_PAGE, AGREE_PAGE);
  else if (cmd === 'save' || cmd === 'save2' || cmd === 'save-agree') {
    const list = cmd === 'save' ? candidates() : cmd === 'save2' ? stream2() : agreementSet();
    const add = parseRaw(readFileSync(resolve(arg!), 'utf8')).map(({ i, categories, sentiment }) => {
      const r = list[i - 1];
      if (!r) throw new Error(`no review ${i}`);
      return { ...labelKey(r.cat, r.text), categories, sentiment };
    });
    const total = merge(cmd === 'save-agree' ? AGREEMENT_FILE : EXTRA_FILE, add);
    console.log(`added ${add.length}, ${total} in file`);
  } else if (cmd === 'agreement' || cmd === 'agree-check') {
    const shared = loadLabelled();
    let mine: { text: string; categories: ReviewCategory[]; sentiment: SentimentLabel }[];
    if (cmd === 'agreement') {
      const j = joinLabels(readLabels(AGREEMENT_FILE), loadCorpus());
      if (j.missing.length) console.log(`${j.missing.length} stored labels match no corpus text`);
      mine = j.reviews;
    } else {
      const set = agreementSet();
      mine = parseRaw(readFileSync(resolve(arg!), 'utf8')).map(({ i, categories, sentiment }) => {
        const r = set[i - 1];
        if (!r) throw new Error(`no review ${i}`);
        return { text: r.text, categories, sentiment };
      });
    }
    const ref = new Map(shared.map((r) => [r.text.trim(), r]));
    const pairs = mine.map((m) => ({ m, s: ref.get(m.text.trim())! })).filter((p) => p.s);
    console.log(`${pairs.length} reviews read blind`);
    for (const c of Object.values(LETTER)) {
      const k = kappa(
        pairs.map((p) => p.s.categories.includes(c)),
        pairs.map((p) => p.m.categories.includes(c)),
      );
      console.log(`${c}: kappa ${r2(k.kappa)}, F1 vs shared ${r2(k.f1)} (mine ${k.n})`);
    }
    const same = pairs.filter((p) => p.m.sentiment === p.s.sentiment).length;
    console.log(`sentiment: ${same}/${pairs.length} the same`);
    for (const p of pairs)
      if (
        [...p.m.categories].sort().join() !== [...p.s.categories].sort().join() ||
        p.m.sentiment !== p.s.sentiment
      )
        console.log(
          `  differs: shared ${p.s.categories.join('+') || '-'} ${p.s.sentiment} / mine ${p.m.categories.join('+') || '-'} ${p.m.sentiment} :: ${p.s.text.trim().slice(0, 60)}`,
        );
  } else if (cmd === 'stats') {
    const j = joinLabels(readLabels(), loadCorpus());
    const counts = new Map<string, number>();
    for (const r of j.reviews)
      for (const c of r.categories.length ? r.categories : ['none']) counts.set(c, (counts.get(c) ?? 0) + 1);
    console.log(`${j.reviews.length} joined (missing ${j.missing.length}, ambiguous ${j.ambiguous.length})`);
    console.log([...counts].map(([c, n]) => `${c} ${n}`).join(', '));
  } else console.log('usage: see the header of scripts/text/label-candidates.ts');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
