/**
 * Negative keyword clusters per score dimension over a chosen period, with counts and the trend against
 * the period before; each cluster opens its reviews. Computed here from the stored reviews (pure
 * lib/text functions), bounded to 20 000 reviews.
 */
import { useMemo, useState } from 'preact/hooks';
import Dexie from 'dexie';
import { getDb } from '@/lib/db';
import { DAY_MS, type DimensionId, type Store } from '@/lib/model';
import { analyzeReview } from '@/lib/text/analyze';
import { useTextModel } from '../useTextModel';
import { clusterNegatives, clustersByDimension, type KeywordCluster } from '@/lib/text/clusters';
import { ReviewItem } from '../ReviewItem';
import { useLive } from '../hooks';
import { useNow } from './useReplyContext';

const PERIODS: [number, string][] = [
  [7, '近7天'],
  [30, '近30天'],
  [90, '近90天'],
];
const DIMENSIONS: [DimensionId, string][] = [
  ['product', '商品'],
  ['logistics', '物流'],
  ['service', '服务'],
];
/** Reviews listed under an opened cluster (newest first). */
const SHOWN = 15;
const TREND: Record<KeywordCluster['trend'], [string, string]> = {
  new: ['bad', '新出现'],
  up: ['bad', '上升'],
  flat: ['', '持平'],
  down: ['good', '下降'],
};

function ClusterRow({ c }: { c: KeywordCluster }) {
  const [open, setOpen] = useState(false);
  const reviews = useLive(
    async () => (open ? (await getDb().reviews.bulkGet(c.reviewKeys)).filter((r) => !!r) : []),
    [open, c.reviewKeys.join()],
  );
  const shown = (reviews.data ?? []).sort((a, b) => b.createdAt - a.createdAt);
  const [cls, label] = TREND[c.trend];
  return (
    <li data-testid="cluster" data-topic={c.topic} data-count={c.count} data-residue={c.residue}>
      <button
        style="width:100%;justify-content:space-between"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
      >
        <span>
          <b>{c.topic}</b>{' '}
          <span class="muted">
            {c.terms
              .slice(0, 3)
              .map((t) => t.term)
              .join('、')}
          </span>
        </span>
        <span class="row" style="gap:4px">
          <b>{c.count}</b> 条
          <span class={`tag ${cls}`} title={`上一周期 ${c.previousCount} 条`}>
            {label}
            {c.trend !== 'flat' && c.trend !== 'new' ? ` ${c.delta > 0 ? '+' : ''}${c.delta}` : ''}
          </span>
        </span>
      </button>
      {open && (
        <ul class="list" style="margin-left:8px">
          {shown.slice(0, SHOWN).map((r) => (
            <ReviewItem key={r.key} r={r} />
          ))}
          {shown.length > SHOWN && <li class="muted">还有 {shown.length - SHOWN} 条较早的评价</li>}
        </ul>
      )}
    </li>
  );
}

export function ClustersView({ store }: { store: Store }) {
  const [days, setDays] = useState(30);
  const now = useNow(600_000);
  const to = Math.ceil(now / 3_600_000) * 3_600_000; // hour-aligned: the query is not re-run every tick
  const from = to - days * DAY_MS;
  const live = useLive(
    () =>
      getDb()
        .reviews.where('[storeKey+createdAt]')
        .between([store.key, from - days * DAY_MS], [store.key, Dexie.maxKey])
        .limit(20_000)
        .toArray(),
    [store.key, from],
  );
  const model = useTextModel().state;
  const groups = useMemo(() => {
    if (!live.data) return undefined;
    const items = live.data
      .map((r) => ({ key: r.key, at: r.createdAt, hits: analyzeReview(r).hits }))
      .filter((i) => i.hits.length > 0);
    const clusters = clusterNegatives(items, { from, to, minSupport: 2 });
    // Stable sort: the topic-less residue goes last, the library's order is kept otherwise.
    clusters.sort((a, b) => Number(a.residue) - Number(b.residue));
    return clustersByDimension(clusters);
  }, [live.data, from, to, model]);
  return (
    <div class="stack" data-testid="clusters">
      <div class="row">
        {PERIODS.map(([d, label]) => (
          <button key={d} class={d === days ? 'primary' : ''} onClick={() => setDays(d)}>
            {label}
          </button>
        ))}
      </div>
      <div class="muted" style="font-size:12px">
        同一话题至少 2 条差评才成簇；趋势与上一个同长度周期相比。
      </div>
      {!groups ? (
        <div class="muted">加载中…</div>
      ) : (
        DIMENSIONS.map(([dim, name]) => (
          <section key={dim} class="card stack">
            <h3 style="font-size:13px">
              {name} <span class="muted">{groups[dim]?.length ?? 0} 个话题</span>
            </h3>
            {groups[dim]?.length ? (
              <ul class="list">
                {groups[dim].map((c) => (
                  <ClusterRow key={`${c.category}|${c.topic}`} c={c} />
                ))}
              </ul>
            ) : (
              <div class="muted">这段时间没有集中的差评话题</div>
            )}
          </section>
        ))
      )}
    </div>
  );
}
