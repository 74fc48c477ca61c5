/**
 * The review-text classifier the daily aggregates are built with (lib/text `analyzeReview`), and a
 * fingerprint of its behaviour. The counters depend on it (negLogistics, negDamage…), so when its output
 * changes every aggregate row must be rebuilt: the fingerprint is part of the aggregates' state key, and
 * a lexicon change in lib/text triggers the rebuild without anyone remembering to bump a number.
 */
import type { Review } from '../model';
import { AGGREGATE_VERSION } from '../scoring/aggregates';
import type { Categorize } from '../scoring/classify';
import { lexiconCategories } from '../text/analyze';

/** Bump when `categorize` below changes shape (the fingerprint catches lexicon changes). */
export const CATEGORIZE_VERSION = 2; // 2: score marks carry review categories

/** Topics that name transport damage (counted as 破损 on top of the logistics cause). */
const DAMAGE_TOPIC = /破损|压坏|摔坏|碎|漏液|变形/;

/**
 * Category ids of lib/text (quality, mismatch, logistics, service, price, other) — the score engine maps
 * them to causes — plus `破损` when a complaint topic is transport damage.
 */
export const categorize: Categorize = (review: Review): string[] => {
  let out = memo.get(review);
  if (out) return out;
  // The lexicon alone (issue #11): aggregates are written by ingest transactions in the worker, where the
  // learned model loads asynchronously; counters that changed with its load time would drift from
  // their fingerprint. The score engine keeps the deterministic lexicon; the UI's analysis uses the model.
  // `lexiconCategories` is analyzeReview(review, { model: false })'s categories and topics without the rest
  // of the analysis (the rebuild classifies every negative review of a store, issue #15).
  const a = lexiconCategories(review);
  out = a.categories;
  if (a.topics.some((t) => DAMAGE_TOPIC.test(t))) out.push('破损');
  memo.set(review, out);
  return out;
};

/**
 * The engine asks for a review's categories several times (counters, causes, phrase, contribution):
 * analyse each review object once. Records are never mutated, so the object is a sound key.
 */
const memo = new WeakMap<Review, string[]>();

/** Probe texts covering every category, negation and damage: their categories make the fingerprint. */
const PROBES = [
  '物流太慢了，等了一周才到',
  '快递一直不动，催了也没用',
  '收到就破损了，盒子压坏了',
  '起球严重，质量太差',
  '色差很大，和图片不符',
  '尺码偏小一码，和描述不一样',
  '客服不理人，一直推诿',
  '退款难，态度差',
  '太贵了，不值这个价',
  '不好用，失望',
  '物流不慢，没有色差，质量很好',
  '虽然物流慢，但是衣服很好看',
  '洗一次就掉色，还有异味',
  '漏发了一件，联系客服没人回',
];

/** FNV-1a 32-bit, hex. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** Behaviour fingerprint of a classifier over the probe texts. */
export function categorizerFingerprint(fn: Categorize = categorize): string {
  const base: Review = {
    key: 'probe|1',
    storeKey: 'probe',
    platform: 'douyin',
    reviewId: '1',
    createdAt: 1_700_000_000_000,
    star: 1,
    text: '',
    appends: [],
    images: 0,
    videos: 0,
    replied: false,
    source: 'api',
    capturedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
  return fnv1a(JSON.stringify(PROBES.map((text) => fn({ ...base, text }))));
}

/** The state key the aggregates must carry: counter semantics × classifier version × behaviour. */
export function aggregateStateKey(fingerprint: string = categorizerFingerprint()): string {
  return `a${AGGREGATE_VERSION}.c${CATEGORIZE_VERSION}.${fingerprint}`;
}
