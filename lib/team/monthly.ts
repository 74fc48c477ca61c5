/**
 * 月度口碑报告 (issue #14 item 5): one store's month from its own records — the score trend (official and
 * estimate), each dimension's change with its main causes, 差评 by category and the top topics, reply
 * speed, the worst products, what improved, and a rough forecast — as data, as a self-contained HTML file
 * (reportHtml) and as a robot message (reportSource). Pure: the caller gathers the records and passes the
 * text classifier. Months are Asia/Shanghai calendar months (the consoles' days). No buyer data: counts,
 * categories, topics and product names only.
 */
import type { DimensionId, Review } from '../model';
import type { ScoreSnapshot } from '../score-view/types';
import { CATEGORY_LABEL, type ReviewCategory } from '../text/types';
import { shortRef, type StoreLabel } from './messages';
import type { Source } from './outbox';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Asia/Shanghai, minutes east of UTC (no daylight saving). */
const CN = 480;

/** [start, end) of "YYYY-MM" in Asia/Shanghai, or undefined for a malformed month. */
export function monthRange(month: string): [number, number] | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return undefined;
  return [Date.UTC(y, mo - 1, 1) - CN * 60_000, Date.UTC(y, mo, 1) - CN * 60_000];
}

/** The month before "YYYY-MM". */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The Asia/Shanghai month of an instant. */
export const monthOf = (ms: number): string => new Date(ms + CN * 60_000).toISOString().slice(0, 7);

/** Which complaint categories explain a dimension's change. */
const DIM_CAUSES: Partial<Record<DimensionId, ReviewCategory[]>> = {
  product: ['quality', 'mismatch'],
  logistics: ['logistics'],
  service: ['service'],
};

export interface MonthlyInput {
  month: string;
  store: StoreLabel;
  /** The store's snapshots of the month (and any before it: the last one is the baseline). */
  snapshots: readonly ScoreSnapshot[];
  /** The store's reviews created in this month and the previous one. */
  reviews: readonly Review[];
  categorize: (r: Review) => { categories: readonly ReviewCategory[]; topics: readonly string[] };
  /** The shop's own response rule in hours (4 by default, the seeds' 4小时响应机制). */
  internalHours?: number;
}

export interface SeriesPoint {
  date: string;
  official?: number;
  estimate?: number;
}

export interface DimChange {
  id: DimensionId;
  name: string;
  start?: number;
  end?: number;
  delta?: number;
  /** e.g. "物流 差评 12 条（上月 8 条）". */
  causes: string[];
}

export interface CategoryCount {
  category: ReviewCategory;
  label: string;
  count: number;
  previous: number;
}

export interface ReplyStats {
  negatives: number;
  replied: number;
  withinInternal: number;
  within24h: number;
  medianHours?: number;
  internalHours: number;
}

export interface ProductRow {
  name: string;
  reviews: number;
  negatives: number;
  rate: number;
  mainCategory?: string;
}

export interface MonthlyReport {
  month: string;
  store: StoreLabel;
  /** The score's own name (商家体验分 …) and scale. */
  label: string;
  scale: { min: number; max: number };
  series: SeriesPoint[];
  /** Headline value (official where captured, else estimate) at the month's start and end. */
  start?: number;
  end?: number;
  delta?: number;
  dims: DimChange[];
  negatives: number;
  previousNegatives: number;
  byCategory: CategoryCount[];
  topTopics: { topic: string; count: number }[];
  reply: ReplyStats;
  worstProducts: ProductRow[];
  improvements: string[];
  /** The month's daily trend carried 30 days on (rough, labelled as such), clamped to the scale. */
  forecast?: { value: number; perDay: number };
}

const isNegative = (r: Review) =>
  (r.firstStar ?? r.star ?? 5) <= 2 || (r.star === undefined && r.polarity === 'bad');
const headline = (s: ScoreSnapshot) => s.official?.value ?? s.estimate.value ?? undefined;
const round2 = (v: number) => Math.round(v * 100) / 100;

function dimValues(s: ScoreSnapshot | undefined): Map<DimensionId, { name: string; value: number }> {
  const out = new Map<DimensionId, { name: string; value: number }>();
  for (const d of [...(s?.estimate.dims ?? []), ...(s?.official?.dims ?? [])])
    if (d.value !== null) out.set(d.id, { name: d.name, value: d.value }); // official overrides
  return out;
}

/** Least-squares slope of the last up-to-14 points, per day. */
function slope(points: readonly { x: number; y: number }[]): number | undefined {
  const p = points.slice(-14);
  if (p.length < 5) return undefined;
  const mx = p.reduce((s, q) => s + q.x, 0) / p.length;
  const my = p.reduce((s, q) => s + q.y, 0) / p.length;
  const sxx = p.reduce((s, q) => s + (q.x - mx) ** 2, 0);
  return sxx ? p.reduce((s, q) => s + (q.x - mx) * (q.y - my), 0) / sxx : undefined;
}

export function monthlyReport(input: MonthlyInput): MonthlyReport | undefined {
  const range = monthRange(input.month);
  if (!range) return undefined;
  const prevRange = monthRange(previousMonth(input.month))!;
  const first = `${input.month}-01`;
  const snaps = [...input.snapshots].sort((a, b) => a.date.localeCompare(b.date));
  const inMonth = snaps.filter((s) => s.date.slice(0, 7) === input.month);
  const baseline = [...snaps].reverse().find((s) => s.date < first) ?? inMonth[0];
  const last = inMonth.at(-1);
  const ref = last ?? baseline;

  const series = inMonth.map((s) => ({
    date: s.date,
    ...(s.official?.value != null ? { official: s.official.value } : {}),
    ...(s.estimate.value != null ? { estimate: s.estimate.value } : {}),
  }));
  const start = baseline ? headline(baseline) : undefined;
  const end = last ? headline(last) : undefined;

  // 差评 of this month and the previous one, by category and topic.
  const cats = new Map<Review, ReturnType<MonthlyInput['categorize']>>();
  const of = (r: Review) => {
    let c = cats.get(r);
    if (!c) cats.set(r, (c = input.categorize(r)));
    return c;
  };
  const inRange = (r: Review, [a, b]: [number, number]) => r.createdAt >= a && r.createdAt < b;
  const reviews = input.reviews.filter((r) => inRange(r, range));
  const bad = reviews.filter(isNegative);
  const prevBad = input.reviews.filter((r) => inRange(r, prevRange) && isNegative(r));
  const mainCat = (r: Review): ReviewCategory => of(r).categories.find((c) => c !== 'other') ?? 'other';
  const count = (list: readonly Review[]) => {
    const m = new Map<ReviewCategory, number>();
    for (const r of list) m.set(mainCat(r), (m.get(mainCat(r)) ?? 0) + 1);
    return m;
  };
  const now = count(bad);
  const before = count(prevBad);
  const byCategory = [...new Set([...now.keys(), ...before.keys()])]
    .map((category) => ({
      category,
      label: CATEGORY_LABEL[category],
      count: now.get(category) ?? 0,
      previous: before.get(category) ?? 0,
    }))
    .sort((a, b) => b.count - a.count || b.previous - a.previous);
  const topics = new Map<string, number>();
  for (const r of bad) for (const t of new Set(of(r).topics)) topics.set(t, (topics.get(t) ?? 0) + 1);
  const topTopics = [...topics]
    .map(([topic, n]) => ({ topic, count: n }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
    .slice(0, 5);

  // Dimensions: start vs end, with the complaint counts that explain them.
  const d0 = dimValues(baseline);
  const d1 = dimValues(last);
  const dims: DimChange[] = [...new Set([...d0.keys(), ...d1.keys()])].map((id) => {
    const a = d0.get(id)?.value;
    const b = d1.get(id)?.value;
    const causes = (DIM_CAUSES[id] ?? [])
      .filter((c) => (now.get(c) ?? 0) + (before.get(c) ?? 0) > 0)
      .map((c) => `${CATEGORY_LABEL[c]} 差评 ${now.get(c) ?? 0} 条（上月 ${before.get(c) ?? 0} 条）`);
    return {
      id,
      name: (d1.get(id) ?? d0.get(id))!.name,
      ...(a !== undefined ? { start: a } : {}),
      ...(b !== undefined ? { end: b } : {}),
      ...(a !== undefined && b !== undefined ? { delta: round2(b - a) } : {}),
      causes,
    };
  });

  // Reply speed on this month's 差评.
  const internalHours = input.internalHours ?? 4;
  const delays = bad
    .filter((r) => r.replied && r.replyAt !== undefined)
    .map((r) => r.replyAt! - r.createdAt)
    .sort((a, b) => a - b);
  const reply: ReplyStats = {
    negatives: bad.length,
    replied: bad.filter((r) => r.replied).length,
    withinInternal: delays.filter((d) => d <= internalHours * HOUR_MS).length,
    within24h: delays.filter((d) => d <= 24 * HOUR_MS).length,
    ...(delays.length
      ? {
          medianHours: round2(
            (delays.length % 2
              ? delays[(delays.length - 1) / 2]!
              : (delays[delays.length / 2 - 1]! + delays[delays.length / 2]!) / 2) / HOUR_MS,
          ),
        }
      : {}),
    internalHours,
  };

  // Products by 差评 this month.
  const products = new Map<string, { reviews: number; bad: Review[] }>();
  for (const r of reviews) {
    const name = r.productName ?? r.productId;
    if (!name) continue;
    const p = products.get(name) ?? { reviews: 0, bad: [] };
    p.reviews++;
    if (isNegative(r)) p.bad.push(r);
    products.set(name, p);
  }
  const worstProducts = [...products]
    .filter(([, p]) => p.bad.length > 0)
    .map(([name, p]) => {
      const top = [...count(p.bad)].sort((a, b) => b[1] - a[1])[0]?.[0];
      return {
        name,
        reviews: p.reviews,
        negatives: p.bad.length,
        rate: p.bad.length / p.reviews,
        ...(top ? { mainCategory: CATEGORY_LABEL[top] } : {}),
      };
    })
    .sort((a, b) => b.negatives - a.negatives || b.rate - a.rate || a.name.localeCompare(b.name))
    .slice(0, 5);

  // What got better.
  const improvements: string[] = [];
  if (start !== undefined && end !== undefined && end > start)
    improvements.push(
      `${ref?.label ?? '评分'} ${start.toFixed(2)} → ${end.toFixed(2)}（+${(end - start).toFixed(2)}）`,
    );
  for (const d of dims)
    if (d.delta !== undefined && d.delta > 0) improvements.push(`${d.name} +${d.delta.toFixed(2)}`);
  for (const c of byCategory)
    if (c.previous > c.count) improvements.push(`${c.label} 差评 ${c.previous} → ${c.count} 条`);
  if (prevBad.length > bad.length) improvements.push(`差评总数 ${prevBad.length} → ${bad.length} 条`);

  // A rough forecast: the month's trend carried 30 days on.
  const pts = inMonth.flatMap((s) => {
    const v = headline(s);
    return v === undefined ? [] : [{ x: Date.parse(s.date) / DAY_MS, y: v }];
  });
  const perDay = slope(pts);
  const scale = ref?.scale ?? { min: 0, max: 100 };
  const forecast =
    perDay !== undefined && end !== undefined
      ? {
          value: round2(Math.min(scale.max, Math.max(scale.min, end + 30 * perDay))),
          perDay: Math.round(perDay * 1000) / 1000,
        }
      : undefined;

  return {
    month: input.month,
    store: input.store,
    label: ref?.label ?? '评分',
    scale,
    series,
    ...(start !== undefined ? { start } : {}),
    ...(end !== undefined ? { end } : {}),
    ...(start !== undefined && end !== undefined ? { delta: round2(end - start) } : {}),
    dims,
    negatives: bad.length,
    previousNegatives: prevBad.length,
    byCategory,
    topTopics,
    reply,
    worstProducts,
    improvements,
    ...(forecast ? { forecast } : {}),
  };
}

const pct = (n: number, d: number) => (d ? `${Math.round((n / d) * 100)}%` : '—');
const signed = (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));

/** The report's facts as text lines (robot message, the PNG's body, the HTML's summary). */
export function reportLines(r: MonthlyReport): string[] {
  const lines = [`**店铺**：${r.store.name}`];
  lines.push(
    r.end !== undefined
      ? `**${r.label}**：${r.end.toFixed(2)}${r.delta !== undefined ? `（本月 ${signed(r.delta)}）` : ''}`
      : `**${r.label}**：本月没有评分记录（打开控制台的体验分页面后自动采集）`,
  );
  const moved = r.dims.filter((d) => d.delta !== undefined && d.delta !== 0);
  if (moved.length)
    lines.push(`**分项变化**：${moved.map((d) => `${d.name} ${signed(d.delta!)}`).join('、')}`);
  lines.push(
    `**差评** ${r.negatives} 条（上月 ${r.previousNegatives} 条）` +
      (r.byCategory.length
        ? `：${r.byCategory
            .filter((c) => c.count)
            .map((c) => `${c.label} ${c.count}`)
            .join('、')}`
        : ''),
  );
  if (r.topTopics.length)
    lines.push(`**集中问题**：${r.topTopics.map((t) => `${t.topic}（${t.count}）`).join('、')}`);
  lines.push(
    `**差评回复**：已回复 ${pct(r.reply.replied, r.reply.negatives)}，${r.reply.internalHours} 小时内 ${pct(r.reply.withinInternal, r.reply.negatives)}` +
      (r.reply.medianHours !== undefined ? `，中位用时 ${r.reply.medianHours} 小时` : ''),
  );
  if (r.worstProducts.length)
    lines.push(
      `**差评最多的商品**：${r.worstProducts
        .slice(0, 3)
        .map((p) => `${p.name} ${p.negatives} 条${p.mainCategory ? `（${p.mainCategory}）` : ''}`)
        .join('；')}`,
    );
  lines.push(r.improvements.length ? `**改善**：${r.improvements.join('；')}` : '**改善**：本月暂无');
  if (r.forecast)
    lines.push(`**预测**：按本月趋势，30 天后约 ${r.forecast.value.toFixed(2)}（粗略外推，仅供参考）`);
  return lines;
}

/** The monthly report as a robot message (sent through the outbox like the digest). */
export function reportSource(r: MonthlyReport): Source {
  const source = `monthly|${r.store.key}|${r.month}`;
  return {
    source,
    storeKey: r.store.key,
    message: {
      kind: 'digest',
      level: r.delta !== undefined && r.delta < 0 ? 'warn' : 'info',
      title: `【口碑月报】${r.month}`,
      lines: reportLines(r),
      ref: shortRef(source),
    },
  };
}
