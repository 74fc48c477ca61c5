/**
 * Why the score moved between two dates, for the merchant: the engine's diagnosis (estimates from the
 * aggregates, records that entered/left the window, causes) with — where the console's score was captured
 * on both dates — the console's own dimension and indicator movements in place of our estimated ones, so
 * the headline numbers are the platform's while the records behind them are ours.
 */
import type { DimensionId, OfficialScore, Order, Review } from '../model';
import type { DailyAggregate } from '../scoring/aggregates';
import type { Categorize } from '../scoring/classify';
import type { Diagnosis } from '../scoring/diagnosis-types';
import { diagnose } from '../scoring/diagnosis';
import { summarize } from '../scoring/diagnosis-summary';
import type { Estimate } from '../scoring/estimate-types';
import { estimate } from '../scoring/estimate';
import type { ProfileOverrides } from '../scoring/profiles';
import type { Profile } from '../scoring/profile-types';
import { addDays } from '../model';
import { categorize } from './categorize';
import { officialAsOf } from './official';

export interface RangeInput {
  profile: Profile;
  /** Aggregates covering from − window + 1 … to. */
  rows: readonly DailyAggregate[];
  /** Composed officials, oldest first. */
  officials: readonly OfficialScore[];
  from: string;
  to: string;
  /** Records with marks on days that entered / left the window (windowShift). */
  entered: readonly (Review | Order)[];
  left: readonly (Review | Order)[];
  overrides?: ProfileOverrides;
  fitted?: Partial<Record<DimensionId, number>>;
  /** Review classifier; default lib/text through `categorize` (pass `categorizeFrom(marks)` to skip text). */
  categorize?: Categorize;
}

export interface RangeAnalysis {
  before: Estimate;
  after: Estimate;
  diagnosis: Diagnosis;
  /** Whose dimension/indicator Δ the diagnosis shows. */
  basis: 'official' | 'estimate';
  officialBefore?: OfficialScore;
  officialAfter?: OfficialScore;
}

export function analyzeRange(input: RangeInput): RangeAnalysis {
  const { profile, rows, officials, from, to } = input;
  const est = (asOf: string): Estimate => {
    const official = officialAsOf(officials, asOf);
    return estimate(profile, rows, {
      asOf,
      ...(official ? { official } : {}),
      ...(input.overrides ? { overrides: input.overrides } : {}),
      ...(input.fitted ? { fitted: input.fitted } : {}),
    });
  };
  const before = est(from);
  const after = est(to);
  const engine = diagnose({
    profile,
    before,
    after,
    entered: input.entered,
    left: input.left,
    categorize: input.categorize ?? categorize,
  });
  const offB = officials.find((o) => o.date === from && o.value != null);
  const offA = officials.find((o) => o.date === to && o.value != null);
  if (!offB || !offA) return { before, after, diagnosis: engine, basis: 'estimate' };
  return {
    before,
    after,
    diagnosis: withOfficial(engine, offB, offA, profile),
    basis: 'official',
    officialBefore: offB,
    officialAfter: offA,
  };
}

const show = (v: number | null, unit?: string): string => (v === null ? '无数据' : `${v}${unit ?? ''}`);

/** The diagnosis with the console's Δ per dimension and indicator; causes and records stay the engine's. */
export function withOfficial(d: Diagnosis, b: OfficialScore, a: OfficialScore, profile: Profile): Diagnosis {
  const dimW = (o: OfficialScore, id: DimensionId) => o.dimensions.find((x) => x.id === id);
  const dimensions: Diagnosis['dimensions'] = profile.dimensions.map((p) => {
    const x = dimW(b, p.id);
    const y = dimW(a, p.id);
    const wb = x?.weight ?? y?.weight ?? p.weight.value;
    const wa = y?.weight ?? wb;
    const vb = x?.value ?? 0;
    const va = y?.value ?? vb;
    return { id: p.id, name: p.name, before: vb, after: va, weight: wa, deltaPoints: va * wa - vb * wb };
  });
  const dedB = Math.abs(dimW(b, 'deduction')?.value ?? 0);
  const dedA = Math.abs(dimW(a, 'deduction')?.value ?? 0);
  if (dedA !== dedB)
    dimensions.push({
      id: 'deduction',
      name: '差行为扣分',
      before: dedB,
      after: dedA,
      weight: 1,
      deltaPoints: dedB - dedA,
    });
  const indicators: Diagnosis['indicators'] = a.indicators
    .filter((i) => i.dimension && i.dimension !== 'other')
    .map((i) => {
      const p = b.indicators.find((x) => x.id === i.id);
      const w = dimW(a, i.dimension!)?.weight ?? 0;
      const sa = i.score ?? null;
      const sb = p?.score ?? null;
      const pts =
        sa !== null && sb !== null ? (sa * (i.weight ?? 0) - sb * (p?.weight ?? i.weight ?? 0)) * w : 0;
      return {
        id: i.id,
        name: i.name,
        dimension: i.dimension!,
        before: show(p?.value ?? null, p?.unit),
        after: show(i.value, i.unit),
        scoreBefore: sb,
        scoreAfter: sa,
        tiered: true,
        deltaPoints: pts,
      };
    });
  const delta = a.value != null && b.value != null ? a.value - b.value : null;
  const dFive = a.fivePoint != null && b.fivePoint != null ? a.fivePoint - b.fivePoint : null;
  const out: Diagnosis = { ...d, delta, deltaFivePoint: dFive, dimensions, indicators };
  out.summary = summarize(out);
  return out;
}

/**
 * Default dates for "why did it move": the newest day with data, against the best day of the 30 before
 * it when the score fell since (the drop the merchant asks about), else a week before.
 */
export function autoRange(
  series: readonly { date: string; value: number | null }[],
  today: string,
): { from: string; to: string } {
  const known = series.filter((p) => p.value !== null);
  const last = known[known.length - 1];
  const to = last && last.date >= addDays(today, -3) ? last.date : today;
  const now = known.find((p) => p.date === to)?.value ?? null;
  const lookback = known.filter((p) => p.date < to && p.date >= addDays(to, -30));
  const best = lookback.reduce<(typeof lookback)[number] | undefined>(
    (m, p) => (m === undefined || (p.value ?? -Infinity) >= (m.value ?? -Infinity) ? p : m),
    undefined,
  );
  if (best && now !== null && best.value !== null && best.value > now) return { from: best.date, to };
  return { from: addDays(to, -7), to };
}
