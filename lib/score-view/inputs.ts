/**
 * Loading what a score view needs (the headline profile, aggregates and composed officials of a range)
 * and the dimension weights fitted from the console's history when it hides them.
 */
import type { KoubeiDb } from '../db';
import type { DimensionId, OfficialScore, PlatformId } from '../model';
import { addDays } from '../model';
import { aggregatesIn, officialsIn } from '../score-queries';
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
