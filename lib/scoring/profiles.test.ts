import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS } from '../model';
import { COUNTERS } from './counters';
import type { G, Profile } from './profile-types';
import { DOUYIN_EXPERIENCE, PROFILES, ProfileOverrides, getProfile, mergeOverrides, profileForKind, profilesFor } from './profiles'; // prettier-ignore

/** Every `{ value, guessed }` constant inside a profile, with its path. */
function constants(node: unknown, path = ''): [string, G<unknown>][] {
  if (node === null || typeof node !== 'object') return [];
  if ('value' in node && 'guessed' in node) return [[path, node as G<unknown>]];
  return Object.entries(node).flatMap(([k, v]) => constants(v, `${path}.${k}`));
}

describe('profiles', () => {
  it.each(PROFILES.map((p) => [p.id, p] as const))('%s is well-formed', (_id, p: Profile) => {
    const ids = p.indicators.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    const dims = new Set(p.dimensions.map((d) => d.id));
    for (const x of p.indicators) expect(dims.has(x.dimension)).toBe(true);
    // Every dimension can be scored by something.
    for (const d of dims) expect(p.indicators.some((x) => x.dimension === d && x.role !== 'info')).toBe(true);
    for (const x of p.indicators) {
      const m = x.measure;
      const used = m.kind === 'ratio' ? [...m.bad, ...m.den, ...(m.badAlt ?? [])] : m.kind === 'mean' ? [m.sum, m.n, ...m.blame] : []; // prettier-ignore
      for (const c of used) expect(COUNTERS).toContain(c);
      if (x.role === 'info') expect(x.weight.value).toBe(0);
    }
    // Every constant carries the flag: at least window, scale, no-data score, each weight, tiers.
    const all = constants(p);
    const tiered = p.indicators.filter((x) => x.scoring.kind === 'tiers').length;
    expect(all.length).toBeGreaterThanOrEqual(3 + p.dimensions.length + p.indicators.length + tiered);
    for (const [, g] of all) expect(typeof g.guessed).toBe('boolean');
  });

  it.each([
    ['window', (p: Profile) => p.window, false],
    ['scale', (p: Profile) => p.scale, false],
    ['growth threshold', (p: Profile) => p.stage!.minOrders, false],
    ['差行为 per incident', (p: Profile) => p.deduction!.perIncident, false],
    ['差行为 cap', (p: Profile) => p.deduction!.cap, false],
    ['small-shop bad count', (p: Profile) => p.smallShop!.maxBad, false],
    ['small-shop score', (p: Profile) => p.smallShop!.score, false],
    ['small-shop order threshold (300 or 500 by industry)', (p: Profile) => p.smallShop!.orders, true],
    ['product weight', (p: Profile) => p.dimensions[0]!.weight, true],
  ])('抖店 %s: guessed = %s', (_n, pick, guessed) => {
    expect(pick(DOUYIN_EXPERIENCE).guessed).toBe(guessed);
  });

  it.each([
    ['taobao.dsr', true],
    ['pdd.review', true],
    ['jd.review', true],
    ['kuaishou.experience', true],
    ['douyin.experience', false],
    ['taobao.real_experience', false],
  ])('%s window guessed: %s', (id, guessed) => {
    expect(getProfile(id)!.window.guessed).toBe(guessed);
  });

  it('covers every platform and maps official kinds back', () => {
    for (const platform of PLATFORM_IDS) expect(profilesFor(platform).length).toBeGreaterThan(0);
    expect(profileForKind('douyin.experience')).toBe(DOUYIN_EXPERIENCE);
    expect(profileForKind('pdd.service')!.id).toBe('pdd.service');
  });
});

describe('overrides', () => {
  it.each([
    ['weights', { weights: { product: 0.5, logistics: 0.3, service: 0.2 } }, true],
    ['a weight above 1', { weights: { product: 1.5 } }, false],
    ['an unknown dimension', { weights: { price: 0.2 } }, false],
    ['indicator tiers', { indicators: { ship_ontime: { tiers: [{ at: 0.99, score: 100 }] } } }, true],
    ['empty tiers', { indicators: { ship_ontime: { tiers: [] } } }, false],
    ['small-shop threshold', { smallShopOrders: 300 }, true],
  ])('schema accepts %s: %s', (_n, value, ok) => {
    expect(ProfileOverrides.safeParse(value).success).toBe(ok);
  });

  it('marks overridden constants, re-derives guessed tiers from a new benchmark, never mutates', () => {
    const before = structuredClone(DOUYIN_EXPERIENCE);
    const p = mergeOverrides(DOUYIN_EXPERIENCE, {
      weights: { product: 0.5 },
      indicators: {
        ship_ontime: { benchmark: { industry: 0.9, excellent: 0.99 } },
        collect_delay: {
          tiers: [
            { at: 0.05, score: 80 },
            { at: 0.01, score: 100 },
          ],
        },
      },
    });
    expect(p.dimensions[0]!.weight).toEqual({ value: 0.5, guessed: false, override: true });
    const ship = p.indicators.find((x) => x.id === 'ship_ontime')!;
    expect(ship.scoring.kind === 'tiers' && ship.scoring.tiers.value.map((t) => t.at)).toEqual([0.99, 0.945, 0.9, 0.855, 0.81]); // prettier-ignore
    const delay = p.indicators.find((x) => x.id === 'collect_delay')!;
    // Sorted best-first for a lower-is-better indicator.
    expect(delay.scoring.kind === 'tiers' && delay.scoring.tiers.value).toEqual([{ at: 0.01, score: 100 }, { at: 0.05, score: 80 }]); // prettier-ignore
    expect(DOUYIN_EXPERIENCE).toEqual(before);
    expect(mergeOverrides(DOUYIN_EXPERIENCE, undefined)).toBe(DOUYIN_EXPERIENCE);
  });
});
