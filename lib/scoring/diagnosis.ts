/**
 * Why the score moved between two dates: Δ per dimension and indicator (in weighted points), the
 * negative records that entered or left the window, cause categories and one plain-Chinese sentence.
 */
import type { Order, Review } from '../model';
import { addDays } from '../model';
import type { CauseId } from './classify';
import { CAUSE_LABELS } from './classify';
import { contributions } from './contributions';
import type { Estimate } from './estimate';
import type { CauseDelta, Diagnosis, DiagnosisInput, RecordRef } from './diagnosis-types';
import { summarize } from './diagnosis-summary';
import type { Profile } from './profile-types';
import { recordCauses, recordDay, recordPhrase } from './records';

export type * from './diagnosis-types';

/** Day ranges whose records entered/left a W-day window between `from` and `to` (query these). */
export function windowShift(profile: Profile, from: string, to: string) {
  const w = profile.window.value;
  return {
    entered: { from: addDays(from, 1), to },
    left: { from: addDays(from, -(w - 1)), to: addDays(to, -w) },
  };
}

export function diagnose(input: DiagnosisInput): Diagnosis {
  const { profile, before, after } = input;
  const opts = input.categorize ? { categorize: input.categorize } : {};
  const dimensions = after.dimensions.map((d) => {
    const b = before.dimensions.find((x) => x.id === d.id);
    return {
      id: d.id,
      name: d.name,
      before: b?.value ?? d.value,
      after: d.value,
      weight: d.weight,
      deltaPoints: d.weighted - (b?.weighted ?? d.weighted),
    };
  });
  const dedDelta = -(after.deduction.points - before.deduction.points);
  if (dedDelta !== 0)
    dimensions.push({
      id: 'deduction',
      name: '差行为扣分',
      before: before.deduction.points,
      after: after.deduction.points,
      weight: 1,
      deltaPoints: dedDelta,
    });
  const indicators = after.indicators.map((x) => {
    const b = before.indicators.find((y) => y.id === x.id);
    return {
      id: x.id,
      name: x.name,
      dimension: x.dimension,
      before: b?.display ?? '无数据',
      after: x.display,
      scoreBefore: b?.score ?? null,
      scoreAfter: x.score,
      tiered: x.tiers !== undefined,
      deltaPoints: (b?.lost ?? 0) - x.lost,
    };
  });

  const shift = windowShift(profile, before.asOf, after.asOf);
  const refs = (
    list: readonly (Review | Order)[],
    est: Estimate,
    range: { from: string; to: string },
  ): RecordRef[] => {
    const cost = new Map(contributions(profile, est, list, opts).records.map((r) => [r.key, r.points]));
    return list.map((r) => {
      const { phrase, day: phraseDay } = recordPhrase(r, opts, range);
      const kind = 'reviewId' in r ? ('review' as const) : ('order' as const);
      const causes = recordCauses(r, opts);
      return {
        key: r.key,
        kind,
        day: recordDay(r, range, opts),
        causes,
        points: cost.get(r.key) ?? 0,
        phrase,
        phraseDay,
      };
    });
  };
  const entered = refs(input.entered ?? [], after, shift.entered);
  const left = refs(input.left ?? [], before, shift.left);
  const causes: CauseDelta[] = (Object.keys(CAUSE_LABELS) as CauseId[]).map((cause) => {
    const ein = entered.filter((r) => r.causes.includes(cause));
    const lout = left.filter((r) => r.causes.includes(cause));
    const share = (r: RecordRef) => r.points / Math.max(1, r.causes.length);
    const points = lout.reduce((s, r) => s + share(r), 0) - ein.reduce((s, r) => s + share(r), 0);
    return {
      cause,
      label: CAUSE_LABELS[cause],
      points: cause === 'violation' ? dedDelta : points,
      entered: ein,
      left: lout,
    };
  });
  causes.sort((a, b) => a.points - b.points || b.entered.length - a.entered.length);
  const delta = after.value !== null && before.value !== null ? after.value - before.value : null;
  const worst = causes[0];
  const mainCause =
    worst && (worst.points < 0 || (worst.points === 0 && worst.entered.length > 0)) ? worst.cause : null;
  const dFive =
    after.fivePoint !== null && before.fivePoint !== null ? after.fivePoint - before.fivePoint : null;
  const diag: Diagnosis = {
    from: before.asOf,
    to: after.asOf,
    delta,
    deltaFivePoint: dFive,
    dimensions,
    indicators,
    causes,
    mainCause,
    summary: '',
  };
  diag.summary = summarize(diag);
  return diag;
}
