/**
 * Side-panel data hooks for the score views. All reads are bounded index ranges (lib/score-queries.ts);
 * the engine runs here on what they return, with the merchant's overrides applied live.
 */
import { useMemo } from 'preact/hooks';
import { getDb } from '@/lib/db';
import type { DimensionId, OfficialScore, Store } from '@/lib/model';
import { addDays, dayKey } from '@/lib/model';
import { snapshotsIn } from '@/lib/score-queries';
import { fittedWeights, loadRange, mainProfile, scoreInputs } from '@/lib/score-view/inputs';
import type { RangeData, ScoreInputs } from '@/lib/score-view/inputs';
import { officialAsOf } from '@/lib/score-view/official';
import type { ScoreSnapshot } from '@/lib/score-view/types';
import type { Estimate } from '@/lib/scoring/estimate-types';
import { estimate } from '@/lib/scoring/estimate';
import { ProfileOverrides } from '@/lib/scoring/profiles';
import type { Profile } from '@/lib/scoring/profile-types';
import { scoreOverridesItem } from '@/lib/settings';
import { useLive, useStorageItem } from '../hooks';
import type { Live } from '../hooks';
import { now } from '@/lib/clock';

/** Today (Asia/Shanghai) as the views' default "as of". */
export const today = (): string => dayKey(now());

/** The merchant's validated overrides for `profile` (invalid stored input is ignored). */
export function useOverrides(profile: Profile | undefined): ProfileOverrides | undefined {
  const [all] = useStorageItem(scoreOverridesItem);
  return useMemo(() => {
    const raw = profile ? all?.[profile.id] : undefined;
    if (raw === undefined) return undefined;
    const r = ProfileOverrides.safeParse(raw);
    return r.success ? r.data : undefined;
  }, [all, profile]);
}

/** Snapshots of the last `days` days up to `asOf`, oldest first. */
export function useSnapshots(storeKey: string, asOf: string, days: number): Live<ScoreSnapshot[]> {
  return useLive(
    () => snapshotsIn(getDb(), storeKey, addDays(asOf, -(days - 1)), asOf),
    [storeKey, asOf, days],
  );
}

export interface CurrentScore extends ScoreInputs {
  estimate: Estimate;
  official?: OfficialScore;
  fitted?: Partial<Record<DimensionId, number>>;
  overrides?: ProfileOverrides;
}

/** Today's estimate with the latest captured official (weights, console-only indicators). */
export function useCurrentScore(store: Store, asOf: string): Live<CurrentScore> & { profile?: Profile } {
  const profile = mainProfile(store.platform);
  const overrides = useOverrides(profile);
  const inputs = useLive(
    () => (profile ? scoreInputs(getDb(), store.key, profile, asOf, 1) : Promise.resolve(undefined)),
    [store.key, asOf, profile?.id],
  );
  const data = useMemo(() => {
    const i = inputs.data;
    if (!i || !profile) return undefined;
    const official = officialAsOf(i.officials, asOf);
    const fitted = fittedWeights(profile, i.officials);
    const est = estimate(profile, i.rows, {
      asOf,
      ...(official ? { official } : {}),
      ...(overrides ? { overrides } : {}),
      ...(fitted ? { fitted } : {}),
    });
    return {
      ...i,
      estimate: est,
      ...(official ? { official } : {}),
      ...(fitted ? { fitted } : {}),
      ...(overrides ? { overrides } : {}),
    };
  }, [inputs.data, overrides, profile, asOf]);
  return { ...inputs, data, ...(profile ? { profile } : {}) };
}

/** Everything a diagnosis from…to and the forecast from `to` need, read by index (undefined until set). */
export function useRangeData(
  store: Store,
  profile: Profile | undefined,
  range: { from: string; to: string } | undefined,
): Live<RangeData | undefined> {
  return useLive(
    async () =>
      profile && range && range.from < range.to
        ? loadRange(getDb(), store.key, profile, range.from, range.to)
        : undefined,
    [store.key, profile?.id, range?.from, range?.to],
  );
}
