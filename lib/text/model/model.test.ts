import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeParts, analyzeText } from '../analyze';
import { DENSE, HASH_BITS, ngrams } from './features';
import { loadTextModel, setTextModelForTesting, textModelStatus } from './load';
import {
  HEADS,
  MODEL_FORMAT,
  MODEL_VERSION,
  decodeModel,
  encodeIds,
  rowOf,
  scoreHeads,
  type StoredModel,
} from './model';

const FILE = new URL('../../../public/text-model.v1.json', import.meta.url);
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** A tiny hand-made model: the n-gram 差 pushes sentiment down and quality up (other topics stay off). */
function tiny(): StoredModel {
  const id = ngrams('差').ids[0]!;
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    hashBits: HASH_BITS,
    denseCount: DENSE,
    neutralMargin: 0.05,
    heads: HEADS.map((name) => ({
      name,
      bias: name === 'sentiment' ? 0 : -3,
      dense: new Array<number>(DENSE).fill(0),
      scale: 0.1,
      idx: b64(encodeIds([id])),
      w: b64(Uint8Array.from([name === 'sentiment' ? 256 - 127 : name === 'quality' ? 127 : 0])),
      threshold: 0.5,
    })),
  };
}

afterEach(() => void setTextModelForTesting(undefined));

describe('model file', () => {
  it('the committed model decodes, is versioned and stays within 400 kB gzip', async () => {
    const raw = readFileSync(FILE);
    expect(gzipSync(raw, { level: 9 }).length).toBeLessThanOrEqual(400_000);
    const m = decodeModel(JSON.parse(raw.toString('utf8')));
    expect(m.heads).toEqual(HEADS);
    expect(m.thresholds.every((t) => t > 0 && t < 1)).toBe(true);
    expect(await loadTextModel()).toMatchObject({ state: 'ready' });
  });

  it('decodes a hand-made model and scores with it', () => {
    const m = decodeModel(tiny());
    const f = ngrams('差');
    expect(rowOf(m, f.ids[0]!)).toBe(0);
    const { logits, known } = scoreHeads(m, f, new Float32Array(DENSE));
    expect(known).toBe(1);
    expect(logits[0]).toBeCloseTo(-12.7, 4);
    expect(logits[1]).toBeCloseTo(9.7, 4);
    expect(scoreHeads(m, ngrams('好'), new Float32Array(DENSE)).known).toBe(0);
  });

  it.each([
    ['another format', (m: StoredModel) => ({ ...m, format: 'x' })],
    ['another version', (m: StoredModel) => ({ ...m, version: 99 })],
    ['a head missing', (m: StoredModel) => ({ ...m, heads: m.heads.slice(1) })],
    [
      'ids and weights of different length',
      (m: StoredModel) => ({ ...m, heads: m.heads.map((h) => ({ ...h, w: '' })) }),
    ],
    [
      'a truncated varint',
      (m: StoredModel) => ({
        ...m,
        heads: m.heads.map((h) => ({ ...h, idx: b64(Uint8Array.from([0x81])) })),
      }),
    ],
    ['bad base64', (m: StoredModel) => ({ ...m, heads: m.heads.map((h) => ({ ...h, idx: '%%%' })) })],
    ['a non-number', (m: StoredModel) => ({ ...m, heads: m.heads.map((h) => ({ ...h, bias: 'x' })) })],
  ])('rejects %s', (_, corrupt) => {
    expect(() => decodeModel(corrupt(tiny()) as unknown)).toThrow();
  });
});

describe('model identity', () => {
  it('names the weights: the same file gives the same id, any changed weight another', () => {
    const a = decodeModel(tiny());
    expect(a.id).toMatch(/^[0-9a-f]{8}$/);
    expect(decodeModel(tiny()).id).toBe(a.id);
    const changed = (edit: (m: StoredModel) => void) => {
      const m = tiny();
      edit(m);
      return decodeModel(m).id;
    };
    const ids = [
      changed((m) => (m.heads[1]!.bias += 0.5)),
      changed((m) => (m.heads[1]!.scale *= 2)),
      changed((m) => (m.heads[2]!.threshold = 0.4)),
      changed((m) => (m.heads[0]!.dense[3] = 1)),
      changed((m) => (m.neutralMargin = 0.02)),
      changed((m) => (m.meta = { note: 'meta is not weights' })),
    ];
    expect(new Set([a.id, ...ids.slice(0, 5)]).size).toBe(6);
    expect(ids[5]).toBe(a.id);
  });
});

describe('fallback', () => {
  it('a corrupt model file falls back to the lexicon and says why', () => {
    const status = setTextModelForTesting({ format: MODEL_FORMAT, version: MODEL_VERSION, heads: 'garbage' });
    expect(status).toMatchObject({ state: 'failed' });
    expect(textModelStatus().state).toBe('failed');
    const text = '物流太慢了，客服也不理人';
    expect(analyzeText(text)).toEqual(analyzeText(text, { model: false }));
    expect(analyzeText(text).categories).toEqual(expect.arrayContaining(['logistics', 'service']));
  });

  it('the analyzer uses an installed model, and the lexicon still supplies the evidence', () => {
    setTextModelForTesting(tiny());
    const a = analyzeText('质量差');
    expect(a.sentiment.label).toBe('negative');
    expect(a.categories).toEqual(['quality']);
    expect(a.hits[0]!.evidence.map((e) => e.term)).toContain('质量差');
  });
});

describe('learned layer on buyers’ own words (issue #11 examples)', () => {
  it.each([
    ['这是吃过最难吃的苹果', 'quality'],
    ['洗完头皮一直发痒', 'quality'],
    ['商品没图上的好看，面料也不怎么样', 'quality'],
  ])('%s → negative with %s, and the tag shows words from the text', (text, category) => {
    const a = analyzeText(text);
    expect(a.sentiment.label).toBe('negative');
    expect(a.categories).toContain(category);
    for (const h of a.hits) {
      expect(h.evidence.length).toBeGreaterThan(0);
      for (const e of h.evidence) expect(text.slice(e.start, e.end)).toBe(e.term);
    }
  });

  it('a complaint aside in a positive review keeps its category ("质量不错，就是物流慢了点")', () => {
    const a = analyzeText('质量不错，就是物流慢了点');
    expect(a.categories).toEqual(['logistics']);
  });

  it('appends are read with the main text; evidence offsets point into their own part', () => {
    const parts = ['样子挺好看的，喜欢', '追评：质量太差了，才一周就坏掉了，客服也不理人'];
    expect(analyzeText(parts[0]!).categories).toEqual([]);
    const a = analyzeParts(parts);
    expect(a.sentiment.label).toBe('negative');
    expect(a.categories).toEqual(expect.arrayContaining(['quality', 'service']));
    for (const h of a.hits)
      for (const e of h.evidence) expect(parts[e.part + 1]!.slice(e.start, e.end)).toBe(e.term);
  });
});

describe('bad input', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['spaces', ' \n\t '],
    ['emoji only', '😀🎉👍🏻❤️'],
    ['zero-width', '\u200b\u200c\u200d\ufeff'],
    ['control characters', '\u0000\u0001\u0007\u001b\u007f'],
    ['direction marks', '\u202e\u202c'],
  ];
  it.each(cases)('%s: neutral, no tags', (_, text) => {
    const a = analyzeText(text);
    expect(a.sentiment.label).toBe('neutral');
    expect(a.categories).toEqual([]);
  });

  it('HTML fragments and mixed scripts do not crash and keep offsets valid', () => {
    for (const text of [
      '<div><script>alert(1)</script><img src=x onerror=alert(1)>质量差</div>',
      'Good 很好 хорошо 좋아요',
    ]) {
      const a = analyzeText(text);
      for (const e of a.evidence) expect(text.slice(e.start, e.end)).toBe(e.term);
    }
  });

  it.each([
    ['punctuated', '质量很好，物流也快，就是价格有点贵。'.repeat(1200).slice(0, 20_000)],
    ['one long clause', '好'.repeat(20_000)],
  ])('20,000 characters (%s): bounded time', (_, text) => {
    analyzeText(text);
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      // CPU time of this process: other work on a shared machine does not count against it.
      const c0 = process.cpuUsage();
      analyzeText(text);
      const c = process.cpuUsage(c0);
      runs.push((c.user + c.system) / 1000);
    }
    // Best of 7: the figure in docs/text-analysis.md is ≤ 5 ms.
    expect(Math.min(...runs)).toBeLessThan(10);
  });
});
