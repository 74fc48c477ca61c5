/**
 * Platform profiles (data, see profile-types.ts) and the merchant's overrides from the options page.
 */
import * as z from 'zod/mini';
import type { PlatformId } from '../model';
import { DimensionId } from '../model';
import type { IndicatorDef, Profile, Tier } from './profile-types';
import { DOUYIN_EXPERIENCE } from './profiles-douyin';
import { JD_REVIEW, KUAISHOU_EXPERIENCE, PDD_REVIEW, PDD_SERVICE } from './profiles-others';
import { TAOBAO_DSR, TAOBAO_REAL } from './profiles-taobao';
import { tiersFromBenchmarks } from './tiers';

export type * from './profile-types';
export { guess, rule } from './profile-types';
export {
  DOUYIN_EXPERIENCE,
  JD_REVIEW,
  KUAISHOU_EXPERIENCE,
  PDD_REVIEW,
  PDD_SERVICE,
  TAOBAO_DSR,
  TAOBAO_REAL,
};

/** Every profile, main score of each platform first. */
export const PROFILES: readonly Profile[] = [
  DOUYIN_EXPERIENCE,
  TAOBAO_REAL,
  TAOBAO_DSR,
  PDD_REVIEW,
  PDD_SERVICE,
  JD_REVIEW,
  KUAISHOU_EXPERIENCE,
];

export function getProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}

/** Profiles of a platform (the first is its headline score). */
export const profilesFor = (platform: PlatformId): Profile[] =>
  PROFILES.filter((p) => p.platform === platform);

/** The profile that explains an OfficialScore kind. */
export const profileForKind = (kind: string): Profile | undefined =>
  PROFILES.find((p) => p.officialKinds.includes(kind));

const share = z.number().check(z.gte(0), z.lte(1));

/** Merchant overrides (options page), per profile. Validated at the storage boundary. */
export const ProfileOverrides = z.object({
  /** Dimension weights 0–1 (renormalised to sum 1 by the estimate). */
  weights: z.optional(z.partialRecord(DimensionId, share)),
  indicators: z.optional(
    z.record(
      z.string().check(z.maxLength(64)),
      z.object({
        weight: z.optional(share),
        benchmark: z.optional(z.object({ industry: z.number(), excellent: z.number() })),
        tiers: z.optional(
          z.array(z.object({ at: z.number(), score: z.number() })).check(z.minLength(1), z.maxLength(10)),
        ),
      }),
    ),
  ),
  /** 抖店 small-shop threshold: 300 (旗舰/部分行业) or 500. */
  smallShopOrders: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type ProfileOverrides = z.infer<typeof ProfileOverrides>;

/** A copy of `profile` with the overrides applied and marked `override: true` (never mutates). */
export function mergeOverrides(profile: Profile, overrides: ProfileOverrides | undefined): Profile {
  if (!overrides) return profile;
  const set = <T>(value: T) => ({ value, guessed: false, override: true as const });
  const dimensions = profile.dimensions.map((d) => {
    const w = overrides.weights?.[d.id];
    return w === undefined ? d : { ...d, weight: set(w) };
  });
  const indicators = profile.indicators.map((ind): IndicatorDef => {
    const o = overrides.indicators?.[ind.id];
    if (!o) return ind;
    let next: IndicatorDef = o.weight === undefined ? ind : { ...ind, weight: set(o.weight) };
    if (o.benchmark) next = { ...next, benchmark: set(o.benchmark) };
    if (next.scoring.kind === 'tiers') {
      const scores = next.scoring.tiers.value.map((t) => t.score);
      const tiers: Tier[] | undefined = o.tiers
        ? sortBestFirst(o.tiers, ind.direction)
        : o.benchmark && next.scoring.tiers.guessed
          ? tiersFromBenchmarks(o.benchmark, scores)
          : undefined;
      if (tiers) next = { ...next, scoring: { ...next.scoring, tiers: set(tiers) } };
    }
    return next;
  });
  const smallShop =
    profile.smallShop && overrides.smallShopOrders !== undefined
      ? { ...profile.smallShop, orders: set(overrides.smallShopOrders) }
      : profile.smallShop;
  return { ...profile, dimensions, indicators, ...(smallShop ? { smallShop } : {}) };
}

function sortBestFirst(tiers: readonly Tier[], direction: 'higher' | 'lower'): Tier[] {
  return [...tiers].sort((a, b) => (direction === 'higher' ? b.at - a.at : a.at - b.at));
}
