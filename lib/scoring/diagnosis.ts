/**
 * Why the score moved between two dates: Δ per dimension and indicator (in weighted points), the
 * negative records that entered or left the window, cause categories and one plain-Chinese sentence.
 */
import type { DimensionId, Order, Review } from '../model';
import { addDays } from '../model';
import type { Categorize, CauseId } from './classify';
import { CAUSE_LABELS } from './classify';
import { contributions } from './contributions';
import type { Estimate } from './estimate';
import { signed } from './format';
import type { Profile } from './profile-types';
import { recordCauses, recordDay, recordPhrase, span } from './records';

export interface DiagnosisInput {
  profile: Profile;
  /** Estimate as of the earlier date. */
  before: Estimate;
  /** Estimate as of the later date. */
  after: Estimate;
  /** Negative records counted on days that entered the window (see `windowShift`). */
  entered?: readonly (Review | Order)[];
  /** Negative records counted on days that left it. */
  left?: readonly (Review | Order)[];
  /** Review-text classifier (lib/text); stars decide when absent. */
  categorize?: Categorize;
}

export interface RecordRef {
  key: string;
  kind: 'review' | 'order';
  day: string;
  causes: CauseId[];
  /** Points it costs (entered, in `after`) or gave back (left, in `before`). */
  points: number;
  /** What went wrong ("发货超时") and the day that is counted on. */
  phrase: string;
  phraseDay: string;
}

export interface CauseDelta {
  cause: CauseId;
  label: string;
  /** Signed points attributed to this cause (negative = cost). */
  points: number;
  entered: RecordRef[];
  left: RecordRef[];
}

export interface Diagnosis {
  from: string;
  to: string;
  delta: number | null;
  deltaFivePoint: number | null;
  dimensions: {
    id: DimensionId;
    name: string;
    before: number;
    after: number;
    weight: number;
    deltaPoints: number;
  }[];
  indicators: {
    id: string;
    name: string;
    dimension: DimensionId;
    before: string;
    after: string;
    scoreBefore: number | null;
    scoreAfter: number | null;
    tiered: boolean;
    /** −Δ(lost): the indicator's effect on the total. */
    deltaPoints: number;
  }[];
  causes: CauseDelta[];
  mainCause: CauseId | null;
  summary: string;
}

/** Day ranges whose records entered/left a W-day window between `from` and `to` (query these). */
export function windowShift(profile: Profile, from: string, to: string) {
  const w = profile.window.value;
  return {
    entered: { from: addDays(from, 1), to },
    left: { from: addDays(from, -(w - 1)), to: addDays(to, -w) },
  };
}

const DIM_CAUSES: Record<DimensionId, CauseId[]> = {
  logistics: ['logistics'],
  product: ['quality', 'description'],
  service: ['service'],
  deduction: ['violation'],
  overall: ['quality', 'description', 'logistics', 'service'],
  other: [],
};

export function diagnose(input: DiagnosisInput): Diagnosis {
  const { profile, before, after } = input;
  const opts = input.categorize ? { categorize: input.categorize } : {};
  const dimensions = after.dimensions.map((d) => {
    const b = before.dimensions.find((x) => x.id === d.id);
    return { id: d.id, name: d.name, before: b?.value ?? d.value, after: d.value, weight: d.weight, deltaPoints: d.weighted - (b?.weighted ?? d.weighted) }; // prettier-ignore
  });
  const dedDelta = -(after.deduction.points - before.deduction.points);
  if (dedDelta !== 0)
    dimensions.push({ id: 'deduction', name: '差行为扣分', before: before.deduction.points, after: after.deduction.points, weight: 1, deltaPoints: dedDelta }); // prettier-ignore
  const indicators = after.indicators.map((x) => {
    const b = before.indicators.find((y) => y.id === x.id);
    return { id: x.id, name: x.name, dimension: x.dimension, before: b?.display ?? '无数据', after: x.display, scoreBefore: b?.score ?? null, scoreAfter: x.score, tiered: x.tiers !== undefined, deltaPoints: (b?.lost ?? 0) - x.lost }; // prettier-ignore
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
    return { cause, label: CAUSE_LABELS[cause], points: cause === 'violation' ? dedDelta : points, entered: ein, left: lout }; // prettier-ignore
  });
  causes.sort((a, b) => a.points - b.points || b.entered.length - a.entered.length);
  const delta = after.value !== null && before.value !== null ? after.value - before.value : null;
  const worst = causes[0];
  const mainCause =
    worst && (worst.points < 0 || (worst.points === 0 && worst.entered.length > 0)) ? worst.cause : null;
  const dFive =
    after.fivePoint !== null && before.fivePoint !== null ? after.fivePoint - before.fivePoint : null;
  const diag: Diagnosis = { from: before.asOf, to: after.asOf, delta, deltaFivePoint: dFive, dimensions, indicators, causes, mainCause, summary: '' }; // prettier-ignore
  diag.summary = summarize(diag);
  return diag;
}

/** "物流体验 −6：揽收时长平均得分 90 → 70；11-18 以来 23 单发货超时，14 条物流差评集中在 11-18 至 11-20". */
function summarize(d: Diagnosis): string {
  if (d.delta === null) return '分数暂不可比（订单或评价不足）';
  const moved = [...d.dimensions].sort((a, b) => a.deltaPoints - b.deltaPoints);
  const dim = d.delta < 0 ? moved[0] : moved[moved.length - 1];
  if (!dim || Math.abs(dim.deltaPoints) < 0.05) return `与 ${d.from.slice(5)} 相比分数无明显变化`;
  const parts: string[] = [];
  const ind = d.indicators
    .filter((x) => x.dimension === dim.id && Math.abs(x.deltaPoints) >= 0.01)
    .sort((a, b) => Math.abs(b.deltaPoints) - Math.abs(a.deltaPoints))[0];
  if (ind)
    parts.push(
      ind.tiered && ind.scoreBefore !== ind.scoreAfter
        ? `${ind.name}档位 ${ind.scoreBefore ?? '—'} → ${ind.scoreAfter ?? '—'}`
        : `${ind.name} ${ind.before} → ${ind.after}`,
    );
  if (dim.id === 'deduction') parts.push(`差行为扣分 ${dim.before} → ${dim.after}`);
  if (d.delta < 0) {
    const own = d.causes.find((c) => DIM_CAUSES[dim.id].includes(c.cause) && c.entered.length > 0);
    const main = d.causes.find((c) => c.cause === d.mainCause);
    // 1★ reviews about delivery cost 商品综合评分 points: name the cause when it is not the dimension's own.
    if (own && (!main || own === main)) parts.push(describeRecords(own));
    else if (main && main.entered.length > 0) parts.push(`主因${main.label}：${describeRecords(main)}`);
  }
  const head = `${dim.name} ${signed(dim.deltaPoints)}`;
  return parts.length > 0 ? `${head}：${parts.join('；')}` : head;
}

function describeRecords(c: CauseDelta): string {
  const out: string[] = [];
  const orders = c.entered.filter((r) => r.kind === 'order');
  if (orders.length > 0) {
    const byPhrase = new Map<string, RecordRef[]>();
    for (const o of orders) byPhrase.set(o.phrase, [...(byPhrase.get(o.phrase) ?? []), o]);
    const [phrase, list] = [...byPhrase].sort((a, b) => b[1].length - a[1].length)[0]!;
    const since = list.map((r) => r.phraseDay).sort()[0]!;
    out.push(`${since.slice(5)} 以来 ${list.length} 单${phrase}`);
  }
  const reviews = c.entered.filter((r) => r.kind === 'review');
  if (reviews.length > 0) {
    const [a, b] = span(reviews.map((r) => r.day));
    const where = a === b ? `集中在 ${a.slice(5)}` : `集中在 ${a.slice(5)} 至 ${b.slice(5)}`;
    const noun = c.cause === 'logistics' ? '物流' : c.cause === 'service' ? '客服' : c.label;
    out.push(`${reviews.length} 条${noun}差评${where}`);
  }
  return out.join('，');
}
