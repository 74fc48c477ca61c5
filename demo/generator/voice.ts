/**
 * The buyer's own voice on top of a composed review (issue #11): real reviews are not the tidy
 * sentences of our phrase banks. About half the texts get one or two of: internet slang, emoji,
 * homophone spellings and typos, 繁体, a run-on without punctuation, sarcasm, a comparison with other
 * shops, or — for unhappy buyers — a long mixed review that praises one thing and complains about two.
 *
 * Draws come from a stream of their own (the caller forks it per order), so the rest of the world —
 * orders, stars, ids, scenarios — is the same with or without this layer.
 */
import type { Category } from './catalog';
import { phrase, type PhraseSet } from './phrases/bank';
import * as C from './phrases/complaints';
import * as P from './phrases/praise';
import * as V from './phrases/voice';
import type { Rng } from './prng';
import type { Cause, Stars } from './text';

export interface VoiceInput {
  cause: Cause;
  stars: Stars;
  category: Category;
  product: string;
}

type Mood = 'good' | 'bad' | 'meh';

const PUNCT = /[，。！!？?~、；,.]+/g;
const TRAD = new Map(V.TRADITIONAL.split(' ').map((p) => [p.charAt(0), p.charAt(1)] as const));

const traditional = (s: string): string => Array.from(s, (c) => TRAD.get(c) ?? c).join('');

function spell(rng: Rng, s: string): string {
  let out = s;
  for (const [from, to] of V.SPELLINGS)
    if (out.includes(from) && rng.chance(0.6)) out = out.replaceAll(from, to);
  return out;
}

function runOn(rng: Rng, s: string): string {
  const flat = s.replace(PUNCT, rng.chance(0.5) ? ' ' : '').trim();
  return flat + rng.pick(['', '', '哈哈哈', '。。。', '！！！', '啊啊啊']);
}

function emoji(rng: Rng, s: string, mood: Mood): string {
  const pool = mood === 'good' ? V.EMOJI_GOOD : mood === 'bad' ? V.EMOJI_BAD : V.EMOJI_MEH;
  const marks = Array.from({ length: rng.int(1, 3) }, () => rng.pick(pool)).join('');
  return rng.chance(0.7) ? s + marks : `${marks}${s}`;
}

/** A complaint about a dimension other than the cause's. */
const OTHER: Record<string, readonly PhraseSet[]> = {
  product: [C.SERVICE, C.LOGISTICS_SLOW, C.MILD_SERVICE, C.MILD_LOGISTICS],
  logistics: [C.SERVICE, C.PRICE, C.MILD_SERVICE],
  service: [C.LOGISTICS_SLOW, C.PRICE, C.MILD_LOGISTICS],
};
const dimensionOf = (c: Cause): 'product' | 'logistics' | 'service' =>
  c === 'quality' || c === 'mismatch' || c === 'price'
    ? 'product'
    : c === 'service'
      ? 'service'
      : 'logistics';
const CAUSE_SET: Partial<Record<Cause, PhraseSet>> = {
  quality: C.QUALITY,
  mismatch: C.MISMATCH,
  logistics_slow: C.LOGISTICS_SLOW,
  late_ship: C.LATE_SHIPMENT,
  damage: C.LOGISTICS_DAMAGE,
  missing: C.LOGISTICS_MISSING,
  wrong: C.LOGISTICS_WRONG,
  lost: C.LOGISTICS_LOST,
  service: C.SERVICE,
  price: C.PRICE,
};

/** Praises one thing, then complains about the cause and about a second, other dimension. */
function mixed(rng: Rng, o: VoiceInput): string | undefined {
  const own = CAUSE_SET[o.cause];
  if (!own) return undefined;
  const dim = dimensionOf(o.cause);
  const praise =
    dim === 'product'
      ? phrase(rng, rng.chance(0.5) ? P.PRAISE_LOGISTICS : P.PRAISE_SERVICE, o.category, o.product)
      : phrase(rng, P.PRAISE_PRODUCT, o.category, o.product);
  const first = phrase(rng, own, o.category, o.product);
  const second = phrase(rng, rng.pick(OTHER[dim]!), o.category, o.product);
  const [a, b] = rng.pick([
    ['，但是', '，还有就是'],
    ['，可是', '，而且'],
    ['。问题是', '，另外'],
    ['，就是', '，再一个'],
  ] as const);
  return `${praise}${a}${first}${b}${second}${rng.pick(['。', '！', '，唉。', '，自己看着办吧。'])}`;
}

/** The review as the buyer might really have typed it (often unchanged). */
export function buyerVoice(rng: Rng, text: string, o: VoiceInput): string {
  if (!text || rng.chance(0.5)) return text;
  const worst = Math.min(o.stars.product, o.stars.logistics, o.stars.service);
  const mood: Mood = worst <= 2 ? 'bad' : o.cause === 'none' && worst >= 4 ? 'good' : 'meh';
  let s = text;
  // The content first: a long mixed review, sarcasm, a comparison, slang.
  const long = mood !== 'good' && rng.chance(0.35) ? mixed(rng, o) : undefined;
  if (long) s = long;
  else if (mood === 'bad' && rng.chance(0.3))
    s = `${rng.pick(V.SARCASM_OPEN)}${s}${rng.chance(0.5) ? rng.pick(V.SARCASM_CLOSE) : ''}`;
  if (mood !== 'meh' && rng.chance(0.2))
    s += `${/[。！!]$/.test(s) ? '' : '，'}${rng.pick(mood === 'good' ? V.COMPARE_GOOD : V.COMPARE_BAD)}`;
  if (mood !== 'meh' && rng.chance(0.3)) {
    const slang = rng.pick(mood === 'good' ? V.SLANG_GOOD : V.SLANG_BAD);
    s = rng.chance(0.5) ? `${slang}！${s}` : `${s}${/[。！!]$/.test(s) ? '' : '，'}${slang}`;
  }
  // Then the typing: spellings, a run-on, 繁体, emoji.
  if (rng.chance(0.25)) s = spell(rng, s);
  if (rng.chance(0.15)) s = runOn(rng, s);
  if (rng.chance(0.06)) s = traditional(s);
  if (rng.chance(0.3)) s = emoji(rng, s, mood);
  return s;
}
