/**
 * Daily snapshots: the estimate for every day of a range (from the aggregates, so days the merchant
 * skipped still get one), the console's score where captured, coverage and calibration error; and the
 * headline the popup shows. Pure: the background reads the rows and writes the result.
 */
import type { DimensionId, OfficialScore } from '../model';
import { addDays } from '../model';
import type { DailyAggregate } from '../scoring/aggregates';
import type { Estimate } from '../scoring/estimate-types';
import type { History, SeriesDeltas } from '../scoring/history';
import { history } from '../scoring/history';
import type { ProfileOverrides } from '../scoring/profiles';
import type { Profile } from '../scoring/profile-types';
import { douyinFivePoint } from '../scoring/tiers';
import { coverageOf, trustworthy } from './coverage';
import { officialForCoverage } from './official';
import type { Headline, ScoreSnapshot, SnapDim, SnapScore } from './types';

export interface SnapshotInput {
  storeKey: string;
  profile: Profile;
  label: string;
  /** Aggregates covering historyRange(profile, today, days). */
  rows: readonly DailyAggregate[];
  /** Composed officials (composeOfficials), oldest first. */
  officials: readonly OfficialScore[];
  /** YYYY-MM-DD (Asia/Shanghai) of `now`. */
  today: string;
  now: number;
  days: number;
  overrides?: ProfileOverrides;
  fitted?: Partial<Record<DimensionId, number>>;
}

const estDims = (e: Estimate): SnapDim[] =>
  e.dimensions.map((d) => ({
    id: d.id,
    name: d.name,
    value: d.value,
    weight: d.weight,
    weightSource: d.weightSource,
  }));

/** The console's dimensions of the profile (deduction kept apart). */
export function officialDims(o: OfficialScore, profile: Profile): SnapDim[] {
  return profile.dimensions.map((d) => {
    const x = o.dimensions.find((y) => y.id === d.id);
    return {
      id: d.id,
      name: d.name,
      value: x?.value ?? null,
      weight: x?.weight ?? null,
      weightSource: 'console',
    };
  });
}

function officialScore(o: OfficialScore, profile: Profile): SnapScore & { windowOrders?: number } {
  const value = o.value ?? null;
  const fivePoint =
    o.fivePoint ?? (value !== null && profile.fivePoint === 'douyin' ? douyinFivePoint(value) : null);
  return {
    value,
    fivePoint,
    dims: officialDims(o, profile),
    ...(o.windowOrders !== undefined ? { windowOrders: o.windowOrders } : {}),
  };
}

/** Snapshots for the `days` days ending `today`, oldest first, and the history they came from. */
export function buildSnapshots(input: SnapshotInput): { snapshots: ScoreSnapshot[]; history: History } {
  const { profile, rows, officials } = input;
  const h = history(profile, rows, {
    asOf: input.today,
    days: input.days,
    officials,
    ...(input.overrides ? { overrides: input.overrides } : {}),
    ...(input.fitted ? { fitted: input.fitted } : {}),
  });
  const exact = new Map(officials.map((o) => [o.date, o]));
  const snapshots = h.points.map((p): ScoreSnapshot => {
    const e = p.estimate;
    const off = exact.get(p.date);
    const coverage = coverageOf(e, rows, officialForCoverage(officials, p.date));
    return {
      key: `${input.storeKey}|${p.date}`,
      storeKey: input.storeKey,
      profileId: profile.id,
      label: input.label,
      date: p.date,
      takenAt: input.now,
      scale: profile.scale.value,
      estimate: {
        value: e.value,
        fivePoint: e.fivePoint,
        dims: estDims(e),
        stage: e.stage,
        paidOrders: e.paidOrders,
        reviews: e.reviews,
      },
      ...(off ? { official: officialScore(off, profile) } : {}),
      coverage,
      ...(e.error !== undefined ? { error: e.error } : {}),
    };
  });
  return { snapshots, history: h };
}

/**
 * How recent the console's score must be to stand alone in the popup (its data date lags a day); an older
 * one still shows, with its age, and the estimate beside it.
 */
export const OFFICIAL_FRESH_DAYS = 3;

function deltasOf(values: Map<string, number | null>, date: string, last: number | null): SeriesDeltas {
  const back = (k: number): number | null => {
    const v = values.get(addDays(date, -k)) ?? null;
    return last === null || v === null ? null : last - v;
  };
  return { vsYesterday: back(1), vs7Days: back(7) };
}

/** The console's latest score with a value, whatever its age, as a headline (its Δ from the console's series). */
export function officialHeadline(
  officials: readonly OfficialScore[],
  profile: Profile,
  today: string,
): Headline | undefined {
  const last = [...officials].reverse().find((o) => o.value != null);
  if (!last) return undefined;
  const s = officialScore(last, profile);
  const values = new Map(officials.map((o) => [o.date, o.value ?? null]));
  return {
    ...s,
    source: 'official',
    date: last.date,
    lowCoverage: false,
    deltas: deltasOf(values, last.date, s.value),
    deltaDates: { yesterday: addDays(last.date, -1), week: addDays(last.date, -7) },
    ...(last.date < addDays(today, -OFFICIAL_FRESH_DAYS) ? { stale: true } : {}),
  };
}

/**
 * The headline: the console's recent score if any, else today's estimate (flagged when coverage is low).
 * An older official score is kept beside it (`SnapshotHead.official`): what the merchant saw leads.
 */
export function headlineOf(
  snapshots: readonly ScoreSnapshot[],
  officials: readonly OfficialScore[],
  profile: Profile,
  today: string,
): Headline | undefined {
  const latest = snapshots[snapshots.length - 1];
  if (!latest) return undefined;
  const official = officialHeadline(officials, profile, today);
  if (official && !official.stale) return official;
  const values = new Map(snapshots.map((s) => [s.date, s.estimate.value]));
  return {
    value: latest.estimate.value,
    fivePoint: latest.estimate.fivePoint,
    dims: latest.estimate.dims,
    source: 'estimate',
    date: latest.date,
    lowCoverage: !trustworthy(latest.coverage),
    deltas: deltasOf(values, latest.date, latest.estimate.value),
    deltaDates: { yesterday: addDays(latest.date, -1), week: addDays(latest.date, -7) },
  };
}
