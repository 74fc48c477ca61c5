/** The plain-Chinese sentence of a diagnosis. */
import type { DimensionId } from '../model';
import type { CauseId } from './classify';
import type { CauseDelta, Diagnosis, RecordRef } from './diagnosis-types';
import { signed } from './format';
import { span } from './records';

const DIM_CAUSES: Record<DimensionId, CauseId[]> = {
  logistics: ['logistics'],
  product: ['quality', 'description'],
  service: ['service'],
  deduction: ['violation'],
  overall: ['quality', 'description', 'logistics', 'service'],
  other: [],
};

/** "物流体验 −6：揽收时长平均得分 90 → 70；11-18 以来 23 单发货超时，14 条物流差评集中在 11-18 至 11-20". */
export function summarize(d: Diagnosis): string {
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
