import { afterEach, describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze';
import { extractEvidence } from '../evidence';
import { ShopAdapter } from './adapt';
import { setTextModelForTesting } from './load';
import {
  ASPECT_REACH,
  DENSE,
  FAMILY_ASKIP,
  FAMILY_GAP,
  FAMILY_PAIRS,
  FAMILY_PLAIN,
  HASH_BITS,
  MAX_CHARS,
  PLAIN_FEATURES,
  aspectPairs,
  featureExtras,
  featureSet,
  gappedPairs,
  modelFeatures,
  negatedSpans,
  ngrams,
  type NgramFeatures,
} from './features';
import {
  HEADS,
  MODEL_FORMAT,
  MODEL_VERSION,
  decodeModel,
  encodeIds,
  scoreHeads,
  type StoredModel,
} from './model';

/** The text of each feature's span. */
const spans = (text: string, f: NgramFeatures, from = 0, to = f.count) =>
  Array.from({ length: to - from }, (_, i) => text.slice(f.starts[from + i]!, f.ends[from + i]!));

const inside = (text: string, f: NgramFeatures) => {
  for (let i = 0; i < f.count; i++) {
    expect(f.starts[i]).toBeGreaterThanOrEqual(0);
    expect(f.ends[i]).toBeGreaterThan(f.starts[i]!);
    expect(f.ends[i]).toBeLessThanOrEqual(text.length);
    expect(f.ids[i]).toBeGreaterThanOrEqual(0);
    expect(f.ids[i]).toBeLessThan(1 << HASH_BITS);
  }
};

/** Features of a one-part review, as the trainer computes them. */
const features = (text: string, extras: string[]) => {
  const joined = text + '。';
  return { joined, f: modelFeatures(joined, [0], extractEvidence(text, -1), featureSet(extras)) };
};

const cpuMs = (fn: () => void) => {
  fn();
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    runs.push((c.user + c.system) / 1000);
  }
  return Math.min(...runs);
};

describe('feature sets', () => {
  it('parse the names a model file stores, and give them back in a fixed order', () => {
    expect(featureSet()).toEqual(PLAIN_FEATURES);
    expect(featureSet(['askip', 'gap2', 'pairs'])).toEqual({ gap: 2, pairs: true, askip: true });
    expect(featureExtras(featureSet(['askip', 'gap2', 'pairs']))).toEqual(['gap2', 'pairs', 'askip']);
    expect(featureExtras(PLAIN_FEATURES)).toEqual([]);
  });

  it.each([[['gap4']], [['words']], [['pairs', 'pairs']], [['gap1', 'gap3']], [[3]]])(
    'reject %j',
    (extras) => {
      expect(() => featureSet(extras)).toThrow();
    },
  );
});

describe('gapped pairs', () => {
  it('pair characters 1…gap apart within a clause, with spans inside the text', () => {
    const text = '发货真的太慢';
    const f = gappedPairs(text, [], 3);
    inside(text, f);
    expect(spans(text, f).sort()).toEqual(
      [
        '发货真',
        '发货真的',
        '发货真的太',
        '货真的',
        '货真的太',
        '货真的太慢',
        '真的太',
        '真的太慢',
        '的太慢',
      ].sort(),
    );
    expect(gappedPairs(text, [], 1).count).toBe(4);
  });

  it('are deterministic and ignore the characters between (one bucket for every distance)', () => {
    const a = gappedPairs('物流太慢', [], 3);
    expect(Array.from(gappedPairs('物流太慢', [], 3).ids)).toEqual(Array.from(a.ids));
    const idOf = (text: string, s: string) => {
      const f = gappedPairs(text, [], 3);
      return f.ids[spans(text, f).indexOf(s)];
    };
    expect(idOf('物流太慢', '流太慢')).toBe(idOf('物流超慢', '流超慢'));
    expect(idOf('物流太慢', '流太慢')).toBe(idOf('物流真的太慢', '流真的太慢'));
    expect(idOf('物流太慢', '流太慢')).not.toBe(idOf('物流太快', '流太快'));
    // Not the bigram of the same two characters.
    expect(ngrams('流慢').ids).not.toContain(idOf('物流太慢', '流太慢'));
  });

  it('never cross punctuation', () => {
    const text = '客服，不理';
    expect(spans(text, gappedPairs(text, [], 3))).toEqual([]);
    const t2 = '好评！物流快';
    expect(spans(t2, gappedPairs(t2, [], 3)).every((s) => !s.includes('！'))).toBe(true);
  });

  it('respect masked spans: no pair starts, ends or passes inside one', () => {
    const text = '一点也不起球真的很好';
    const f = gappedPairs(text, [[0, 6]], 3);
    expect(spans(text, f).sort()).toEqual(['真的很', '真的很好', '的很好'].sort());
    const mid = gappedPairs('物流不慢呀', [[2, 4]], 3);
    expect(spans('物流不慢呀', mid)).toEqual([]);
  });

  it('bounded work on 20,000 characters: only MAX_CHARS are read', () => {
    for (const text of ['好'.repeat(20_000), '物流太慢了，客服也不理人。'.repeat(1600)]) {
      const f = gappedPairs(text, [], 3);
      expect(f.count).toBeLessThanOrEqual(MAX_CHARS * 3);
      inside(text, f);
      for (let i = 0; i < f.count; i++) expect(f.ends[i]).toBeLessThanOrEqual(MAX_CHARS);
      expect(cpuMs(() => gappedPairs(text, [], 3))).toBeLessThan(5);
    }
  });
});

describe('aspect features', () => {
  it('pair an aspect with a lexicon opinion word in its clause ("物流…慢")', () => {
    const { joined, f } = features('物流真的太慢了', ['pairs']);
    inside(joined, f);
    const pairs = spans(joined, f, f.plain, f.count);
    expect(pairs.length).toBeGreaterThan(0);
    for (const s of pairs) expect(s.startsWith('物流')).toBe(true);
    for (let i = f.plain!; i < f.count; i++) expect(f.family![i]).toBe(FAMILY_PAIRS);
  });

  it('the same aspect and opinion give the same pair with other words between, another with the opposite polarity', () => {
    const pairIds = (text: string) => {
      const { f } = features(text, ['pairs']);
      return Array.from(f.ids.subarray(f.plain, f.count));
    };
    const slow = pairIds('物流慢');
    expect(slow.length).toBe(1);
    expect(pairIds('物流真的慢')).toContain(slow[0]);
    expect(pairIds('物流这次也慢')).toContain(slow[0]);
    expect(pairIds('物流真的快')).not.toContain(slow[0]);
    expect(pairIds('物流不慢')).not.toContain(slow[0]);
  });

  it('askip pairs an aspect with each following character of its clause, up to ASPECT_REACH', () => {
    const { joined, f } = features('客服也不理，质量还行', ['askip']);
    const skips = spans(joined, f, f.plain, f.count);
    expect(skips).toEqual(expect.arrayContaining(['客服也', '客服也不', '客服也不理', '质量还', '质量还行']));
    expect(skips.some((s) => s.includes('，'))).toBe(false);
    const long = features('客服' + '啊'.repeat(20), ['askip']);
    expect(long.f.count - long.f.plain!).toBe(ASPECT_REACH);
  });

  it('an aspect after 比 is a comparison, not the thing judged', () => {
    const { f } = features('运费比快递贵', ['askip']);
    const { joined } = features('运费比快递贵', ['askip']);
    expect(spans(joined, f, f.plain, f.count).some((s) => s.startsWith('快递'))).toBe(false);
  });

  it('respect the masked negated complaints', () => {
    const text = '面料一点也不起球';
    const joined = text + '。';
    const ev = extractEvidence(text, -1);
    const masked = negatedSpans(ev, [0], joined);
    expect(masked.length).toBeGreaterThan(0);
    const f = aspectPairs(joined, ev, [0], masked, featureSet(['pairs', 'askip']));
    expect(f.count).toBeGreaterThan(0);
    for (let i = 0; i < f.count; i++)
      for (const [s, e] of masked) expect(f.ends[i]! <= s || f.starts[i]! >= e).toBe(true);
  });

  it('bounded work on 20,000 characters', () => {
    for (const text of [
      '质量很好，物流也快，就是价格有点贵。'.repeat(1200).slice(0, 20_000),
      '物流'.repeat(10_000),
    ]) {
      const joined = text + '。';
      const ev = extractEvidence(text, -1);
      const set = featureSet(['gap3', 'pairs', 'askip']);
      const f = modelFeatures(joined, [0], ev, set);
      inside(joined, f);
      expect(cpuMs(() => modelFeatures(joined, [0], ev, set))).toBeLessThan(5);
    }
  });
});

describe('modelFeatures', () => {
  it('without extras is exactly the masked 1–3-grams', () => {
    const text = '衣服一点也不起球，就是发货慢';
    const joined = text + '。';
    const ev = extractEvidence(text, -1);
    const f = modelFeatures(joined, [0], ev, PLAIN_FEATURES);
    const g = ngrams(joined, negatedSpans(ev, [0], joined));
    expect(f.family).toBeUndefined();
    expect(Array.from(f.ids.subarray(0, f.count))).toEqual(Array.from(g.ids.subarray(0, g.count)));
  });

  it('with extras: the plain n-grams first, then each family tagged; deterministic', () => {
    const text = '物流真的太慢了，客服也不理人';
    const a = features(text, ['gap3', 'pairs', 'askip']);
    const b = features(text, ['gap3', 'pairs', 'askip']);
    expect(Array.from(a.f.ids)).toEqual(Array.from(b.f.ids));
    const plain = ngrams(a.joined, negatedSpans(extractEvidence(text, -1), [0], a.joined));
    expect(a.f.plain).toBe(plain.count);
    expect(Array.from(a.f.ids.subarray(0, plain.count))).toEqual(
      Array.from(plain.ids.subarray(0, plain.count)),
    );
    const fams = new Set(a.f.family);
    for (const fam of [FAMILY_PLAIN, FAMILY_GAP, FAMILY_PAIRS, FAMILY_ASKIP])
      expect(fams.has(fam)).toBe(true);
    inside(a.joined, a.f);
  });
});

describe('heads reading different families', () => {
  afterEach(() => void setTextModelForTesting(undefined));
  const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
  /** Sentiment reads gap3 with one weight on the gapped pair 慢…了 (as in "慢死了"); topics read plain. */
  function model(): StoredModel {
    const text = '慢死了';
    const gap = gappedPairs(text, [], 3);
    const gid = gap.ids[spans(text, gap).indexOf('慢死了')]!;
    const pid = ngrams('慢').ids[0]!;
    const ids = [gid, pid].sort((x, y) => x - y);
    const wOf = (name: string, id: number) =>
      name === 'sentiment' ? (id === gid ? -100 : 0) : id === pid ? 100 : 0;
    return {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      hashBits: HASH_BITS,
      denseCount: DENSE,
      neutralMargin: 0.05,
      heads: HEADS.map((name) => ({
        name,
        bias: 0,
        dense: new Array<number>(DENSE).fill(0),
        scale: 0.01,
        idx: b64(encodeIds(ids)),
        w: b64(Uint8Array.from(ids.map((id) => (wOf(name, id) + 256) % 256))),
        threshold: 0.5,
        ...(name === 'sentiment' ? { features: ['gap3'] } : {}),
      })),
    };
  }

  it('the model knows its features; each head reads only its own, normalized over their count', () => {
    const m = decodeModel(model());
    expect(featureExtras(m.features)).toEqual(['gap3']);
    const text = '慢死了';
    const f = modelFeatures(text, [0], [], m.features);
    const plain = ngrams(text);
    const { logits, known } = scoreHeads(m, f, new Float32Array(DENSE));
    // Sentiment: the gapped pair, over all 6 + 1 features; quality: 慢 over the 6 plain n-grams only.
    expect(f.count).toBe(plain.count + 1);
    expect(logits[0]).toBeCloseTo(-1 / Math.sqrt(plain.count + 1), 5);
    expect(logits[1]).toBeCloseTo(1 / Math.sqrt(plain.count), 5);
    // A topic head scores exactly as on the plain n-grams alone.
    expect(scoreHeads(m, plain, new Float32Array(DENSE)).logits[1]).toBeCloseTo(logits[1]!, 12);
    expect(known).toBe(1);
  });

  it('the analyzer and the shop adapter run on such a model; evidence stays in the text', () => {
    expect(setTextModelForTesting(model())).toMatchObject({ state: 'ready' });
    const text = '这次慢死了';
    const a = analyzeText(text);
    expect(a.sentiment.label).toBe('negative');
    for (const e of a.evidence) expect(text.slice(e.start, e.end)).toBe(e.term);
    for (const h of a.hits) for (const e of h.evidence) expect(text.slice(e.start, e.end)).toBe(e.term);
    const adapter = new ShopAdapter(decodeModel(model()));
    adapter.learnStars(text, 1);
    expect(adapter.seen).toBe(1);
    // The adapter learns on the plain n-grams only: as many deltas as the text has distinct ones.
    const plain = ngrams(text + '。');
    expect(adapter.size).toBe(new Set(plain.ids.subarray(0, plain.count)).size);
  });

  it('rejects heads with unknown features or gapped pairs of different reach', () => {
    const bad = model();
    bad.heads[1] = { ...bad.heads[1]!, features: ['gap2'] };
    expect(() => decodeModel(bad)).toThrow();
    const unknown = model();
    unknown.heads[2] = { ...unknown.heads[2]!, features: ['words'] };
    expect(() => decodeModel(unknown)).toThrow();
  });
});
