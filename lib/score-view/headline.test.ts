import { describe, expect, it } from 'vitest';
import type { OfficialScore } from '../model';
import { DOUYIN_EXPERIENCE as P } from '../scoring/profiles';
import { buildSnapshots, headlineOf, OFFICIAL_FRESH_DAYS, officialHeadline } from './snapshot';
import { addDays } from '../keys';

const S = 'douyin:69153428';
const official = (date: string, value: number | undefined): OfficialScore => ({
  key: `${S}|douyin.experience|${date}`,
  storeKey: S,
  platform: 'douyin',
  kind: 'douyin.experience',
  date,
  capturedAt: 1,
  scaleMin: 50,
  scaleMax: 100,
  ...(value !== undefined ? { value } : {}),
  dimensions: [{ id: 'product', name: '商品体验', value: 88, weight: 0.4 }],
  indicators: [],
});

const TODAY = '2026-12-05';
const snaps = () =>
  buildSnapshots({
    storeKey: S,
    profile: P,
    label: '商家体验分',
    rows: [],
    officials: [],
    today: TODAY,
    now: Date.parse('2026-12-05T10:00:00+08:00'),
    days: 3,
  }).snapshots;

describe('officialHeadline: the latest official score, whatever its age', () => {
  it('is undefined without an official value', () => {
    expect(officialHeadline([official('2026-11-20', undefined)], P, TODAY)).toBeUndefined();
  });

  it('is fresh within the refresh cycle and stale after it, keeping its own date', () => {
    const edge = addDays(TODAY, -OFFICIAL_FRESH_DAYS);
    expect(officialHeadline([official(edge, 86)], P, TODAY)).toMatchObject({ date: edge, value: 86 });
    expect(officialHeadline([official(edge, 86)], P, TODAY)?.stale).toBeUndefined();
    const old = officialHeadline([official('2026-11-22', 86)], P, TODAY);
    expect(old).toMatchObject({ source: 'official', date: '2026-11-22', value: 86, stale: true });
  });

  it('takes the newest dated score with a value (an empty newer row does not hide it)', () => {
    const h = officialHeadline(
      [official('2026-11-20', 84), official('2026-11-21', 86), official('2026-11-22', undefined)],
      P,
      TODAY,
    );
    expect(h).toMatchObject({ date: '2026-11-21', value: 86, deltas: { vsYesterday: 2 } });
  });
});

describe('headlineOf', () => {
  it('heads with a fresh official score', () => {
    const h = headlineOf(snaps(), [official('2026-12-04', 90)], P, TODAY);
    expect(h).toMatchObject({ source: 'official', value: 90, date: '2026-12-04' });
  });

  it('heads with the estimate when the official is stale (the card still shows the official first)', () => {
    const h = headlineOf(snaps(), [official('2026-11-22', 90)], P, TODAY);
    expect(h).toMatchObject({ source: 'estimate', date: TODAY });
  });
});
