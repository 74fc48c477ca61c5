import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../model';
import { BASE, makeReview } from './__fixtures__/make-review';
import { detectCoercion, detectContact } from './signals';
import { findBursts, findMissingOrders, findSuspicious, findTemplated, knownOrderIds } from './suspicious';

describe('detectCoercion', () => {
  it.each([
    '不退款就差评',
    '不退款就一直给差评，你们看着办',
    '不给赔偿我就去投诉曝光你们',
    '赶紧处理，否则12315见',
    '要么退款要么差评',
    '赔我100就改好评',
    '不 退 款 就 差 评',
  ])('flags %s', (text) => {
    expect(detectCoercion(text).length).toBeGreaterThan(0);
  });
  it.each(['客服处理得很好，就不差评了', '本来想给差评的，不过算了', '质量不好，差评', '退款很快，好评'])(
    'does not flag %s',
    (text) => {
      expect(detectCoercion(text)).toEqual([]);
    },
  );
});

describe('detectContact', () => {
  it.each([
    ['加我vx看视频', 'add-contact'],
    ['加V：abc12345', 'add-contact'],
    ['+ｖ 详聊', 'add-contact'],
    ['➕薇 详聊', 'add-contact'],
    ['微信同号，有事说', 'wechat'],
    ['薇信同号', 'wechat'],
    ['我的wx是abc12345', 'wechat'],
    ['１３８ ００１３ ８０００', 'phone'],
    ['壹叁捌零零壹叁捌零零零', 'phone'],
    ['有问题qq 12345678', 'qq'],
    ['电话010-12345678', 'landline'],
  ])('flags %s as %s', (text, pattern) => {
    const m = detectContact(text);
    expect(m[0]?.pattern).toBe(pattern);
    expect(text.slice(m[0]?.start, m[0]?.end)).toBe(m[0]?.text);
  });
  it.each(['果冻很Q弹', 'V领设计很好看', '有问题请联系我们的在线客服', '订单号 2951203765016139860 已签收'])(
    'does not flag %s',
    (text) => {
      expect(detectContact(text)).toEqual([]);
    },
  );
});

describe('findTemplated', () => {
  it('flags groups of ≥3 near-identical texts in one store, with the group as evidence', () => {
    const text = '宝贝收到了，质量非常好，做工精细，物流很快，推荐购买！';
    const reviews = [
      makeReview('1', { text }),
      makeReview('2', { text: text + '！' }),
      makeReview('3', { text: text.replace('很快', '超快') }),
      makeReview('4', { text: '衣服起球了' }),
      makeReview('5', { text, storeKey: 'douyin:2002' }),
    ];
    const flags = findTemplated(reviews);
    expect(flags.map((f) => f.reviewKey).sort()).toEqual(['douyin:1001|1', 'douyin:1001|2', 'douyin:1001|3']);
    expect(flags[0]?.evidence).toMatchObject({
      kind: 'templated',
      groupKeys: ['douyin:1001|1', 'douyin:1001|2', 'douyin:1001|3'],
    });
    expect(flags[0]?.message).toContain('雷同');
  });
});

describe('findBursts', () => {
  const steady = Array.from({ length: 30 }, (_, i) =>
    makeReview(`s${i}`, { text: `评价${i}`, createdAt: BASE - (i + 2) * DAY_MS }),
  );
  it('flags many reviews on one product in 24 h against its baseline', () => {
    const burst = Array.from({ length: 8 }, (_, i) => makeReview(`b${i}`, { createdAt: BASE + i * 600_000 }));
    const flags = findBursts([...steady, ...burst]);
    expect(flags).toHaveLength(8);
    expect(flags[0]?.evidence).toMatchObject({ kind: 'burst', productId: 'p1', count: 8 });
    const e = flags[0]?.evidence;
    expect(e?.kind === 'burst' && e.baselinePerWindow).toBeCloseTo(28 / 30, 1);
  });
  it('does not flag a product whose normal pace is that high', () => {
    const busy = Array.from({ length: 300 }, (_, i) =>
      makeReview(`x${i}`, { createdAt: BASE - i * 0.1 * DAY_MS }),
    );
    expect(findBursts(busy)).toEqual([]);
  });
  it('needs history before judging a burst', () => {
    const launch = Array.from({ length: 8 }, (_, i) =>
      makeReview(`l${i}`, { createdAt: BASE + i * 600_000 }),
    );
    expect(findBursts(launch)).toEqual([]);
  });
  it('keeps products apart (the same 8 reviews spread over 8 products are no burst)', () => {
    const history = Array.from({ length: 8 }, (_, p) =>
      Array.from({ length: 10 }, (_, i) =>
        makeReview(`h${p}-${i}`, { productId: `p${p}`, createdAt: BASE - (i * 3 + 2) * DAY_MS }),
      ),
    ).flat();
    const spread = Array.from({ length: 8 }, (_, i) =>
      makeReview(`c${i}`, { productId: `p${i}`, createdAt: BASE + i }),
    );
    const together = spread.map((r) => ({ ...r, productId: 'p0' }));
    expect(findBursts([...history, ...spread])).toEqual([]);
    expect(findBursts([...history, ...together])).toHaveLength(8);
  });
});

describe('findMissingOrders', () => {
  const reviews = [
    makeReview('1', { orderId: 'o-known' }),
    makeReview('2', { orderId: 'o-unknown' }),
    makeReview('3', { orderId: 'sub-9', parentOrderId: 'o-parent' }),
  ];
  const ids = knownOrderIds([
    { orderId: 'o-known', items: [] },
    { orderId: 'o-parent', items: [{ itemOrderId: 'sub-1' }] },
  ]);
  it('flags a review without a captured order when the period is covered', () => {
    const flags = findMissingOrders(reviews, {
      knownOrderIds: ids,
      coverage: [{ storeKey: 'douyin:1001', from: BASE - 40 * DAY_MS, to: BASE }],
    });
    expect(flags.map((f) => f.reviewKey)).toEqual(['douyin:1001|2']);
    expect(flags[0]?.evidence).toMatchObject({ kind: 'no_order', orderId: 'o-unknown' });
  });
  it('merges adjacent coverage intervals', () => {
    const coverage = [
      { storeKey: 'douyin:1001', from: BASE - 40 * DAY_MS, to: BASE - 20 * DAY_MS },
      { storeKey: 'douyin:1001', from: BASE - 20 * DAY_MS, to: BASE + DAY_MS },
    ];
    expect(findMissingOrders(reviews, { knownOrderIds: ids, coverage })).toHaveLength(1);
  });
  it.each([
    ['no coverage', []],
    ['coverage too short', [{ storeKey: 'douyin:1001', from: BASE - 5 * DAY_MS, to: BASE }]],
    ['another store', [{ storeKey: 'douyin:2002', from: BASE - 40 * DAY_MS, to: BASE }]],
  ])('stays silent with %s', (_, coverage) => {
    expect(findMissingOrders(reviews, { knownOrderIds: ids, coverage })).toEqual([]);
  });
});

describe('findSuspicious', () => {
  it('reports text signals with Chinese explanations and evidence spans, including appends', () => {
    const r = makeReview('t', {
      text: '质量太差了，加我vx给你看视频',
      appends: [{ text: '不退款就一直差评' }],
    });
    const flags = findSuspicious([r], { knownOrderIds: new Set(), coverage: [] });
    expect(flags.map((f) => f.code).sort()).toEqual(['coercion', 'contact_diversion']);
    const coercion = flags.find((f) => f.code === 'coercion');
    expect(coercion?.evidence).toMatchObject({ kind: 'text', part: 0 });
    expect(coercion?.message).toContain('不退款就一直差评');
  });
});
