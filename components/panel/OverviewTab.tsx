import { getDb } from '@/lib/db';
import type { Store } from '@/lib/model';
import { MAIN_SCORE } from '@/lib/platforms/index';
import { latestOfficial, storeCounts } from '@/lib/queries';
import { OfficialScoreCard } from '../OfficialScoreCard';
import { num } from '../format';
import { useLive } from '../hooks';

export function OverviewTab(props: { store: Store }) {
  const key = props.store.key;
  const main = MAIN_SCORE[props.store.platform];
  const official = useLive(() => latestOfficial(getDb(), key, main.kind, 30), [key]);
  const counts = useLive(() => storeCounts(getDb(), key), [key]);
  const rows = official.data ?? [];
  return (
    <div class="stack">
      <OfficialScoreCard label={main.label} latest={rows[0]} previous={rows[1]} />
      <div class="card kpis">
        <div>
          已保存评价 <b>{counts.data ? num(counts.data.reviews) : '…'}</b>
        </div>
        <div>
          订单 <b>{counts.data ? num(counts.data.orders) : '…'}</b>
        </div>
      </div>
      {rows.length > 0 && (
        <div class="card">
          <h3 style="font-size:13px;margin-bottom:6px">
            官方分数历史 <small class="en">Official history</small>
          </h3>
          <table class="grid" data-testid="official-history">
            <thead>
              <tr>
                <th>日期</th>
                <th>总分</th>
                <th>商品</th>
                <th>物流</th>
                <th>服务</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.key}>
                  <td>{s.date}</td>
                  <td>{s.value ?? '—'}</td>
                  {(['product', 'logistics', 'service'] as const).map((d) => (
                    <td key={d}>{s.dimensions.find((x) => x.id === d)?.value ?? '—'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
