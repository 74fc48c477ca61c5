/**
 * Loading what a score view needs (the headline profile, aggregates and composed officials of a range,
 * the records behind a diagnosis) and the dimension weights fitted from the console's history when it
 * hides them.
 */
import type { KoubeiDb } from '../db';
import type { DimensionId, OfficialScore, Order, PlatformId, Review } from '../model';
import { addDays } from '../model';
import { aggregatesIn, marksIn, officialsIn, recordsOf, type RecordCache } from '../score-queries';
import type { Categorize } from '../scoring/classify';
import { windowShift } from '../scoring/diagnosis';
import { categorize } from './categorize';
import { categorizeFrom } from './marks';
import type { DailyAggregate } from '../scoring/aggregates';
import { fitSamples, fitWeights } from '../scoring/calibration';
import type { History } from '../scoring/history';
import { historyRange } from '../scoring/history';
import { profilesFor } from '../scoring/profiles';
import type { Profile } from '../scoring/profile-types';
import { hasWeights } from './official';

/** The profile of a platform's headline score (the one the popup shows). */
export function mainProfile(platform: PlatformId): Profile | undefined {
  return profilesFor(platform)[0];
}

/** What a score view of `days` days ending `asOf` needs: the aggregates behind it and the officials. */
export interface ScoreInputs {
  profile: Profile;
  rows: DailyAggregate[];
  officials: OfficialScore[];
  range: { from: string; to: string };
}

export async function scoreInputs(
  db: KoubeiDb,
  storeKey: string,
  profile: Profile,
  asOf: string,
  days: number,
): Promise<ScoreInputs> {
  const range = historyRange(profile, asOf, days);
  const [rows, officials] = await Promise.all([
    aggregatesIn(db, storeKey, range.from, range.to),
    // Officials from before the shown range carry weights into its first days.
    officialsIn(db, storeKey, profile, addDays(range.from, -profile.window.value), range.to),
  ]);
  return { profile, rows, officials, range };
}

/**
 * Dimension weights fitted from the console's history when the console hides them (else undefined: the
 * reported weights win). Needs a fit of at least fair quality.
 */
export function fittedWeights(
  profile: Profile,
  officials: readonly OfficialScore[],
  h?: History,
): Partial<Record<DimensionId, number>> | undefined {
  const latest = officials[officials.length - 1];
  if (!latest || hasWeights(latest, profile)) return undefined;
  const dims = profile.dimensions.map((d) => d.id);
  const fit = fitWeights(
    fitSamples(officials, dims, h),
    dims,
    profile.scale.value.max - profile.scale.value.min,
  );
  return fit.quality === 'good' || fit.quality === 'fair' ? fit.weights : undefined;
}

/** What a diagnosis from…to and a forecast from `to` need, read in one marks range. */
export interface RangeData extends ScoreInputs {
  /** Records with marks on days that entered / left the window, and in the window ending `to`. */
  entered: (Review | Order)[];
  left: (Review | Order)[];
  current: (Review | Order)[];
  byKey: Map<string, Review | Order>;
  /** Categories from the marks (text analysed only for reviews without them). */
  categorize: Categorize;
}

/**
 * Loads a range: aggregates and officials (scoreInputs), then the marks of from − W + 1 … to once and
 * their records once, split into entered / left / current. The record objects are shared, so per-object
 * memoisation in the engine works across the diagnosis and the forecast.
 */
export async function loadRange(
  db: KoubeiDb,
  storeKey: string,
  profile: Profile,
  from: string,
  to: string,
  cache?: RecordCache,
): Promise<RangeData> {
  const w = profile.window.value;
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  const shift = windowShift(profile, from, to);
  const current = { from: addDays(to, -(w - 1)), to };
  const [inputs, marks] = await Promise.all([
    scoreInputs(db, storeKey, profile, to, days),
    marksIn(db, storeKey, shift.left.from, to),
  ]);
  const byKey = await recordsOf(db, marks, cache);
  const pick = (r: { from: string; to: string }) => {
    const refs = new Set(marks.filter((m) => m.day >= r.from && m.day <= r.to).map((m) => m.ref));
    return [...refs].flatMap((k) => byKey.get(k) ?? []);
  };
  return {
    ...inputs,
    entered: pick(shift.entered),
    left: pick(shift.left),
    current: pick(current),
    byKey,
    categorize: categorizeFrom(marks, categorize),
  };
}
