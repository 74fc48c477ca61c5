import { useState } from 'preact/hooks';
import { CalibrationView } from '@/components/score/CalibrationView';
import { HistoryChart } from '@/components/score/HistoryChart';
import { IndicatorTable } from '@/components/score/IndicatorTable';
import { ScoreCard } from '@/components/score/ScoreCard';
import { UrgentCard } from '@/components/score/UrgentCard';
import { today, useCurrentScore, useSnapshots } from '@/components/score/useScore';
import { getDb } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import type { Store } from '@/lib/model';
import { storeCounts } from '@/lib/queries';
import { latestSnapshot } from '@/lib/score-queries';
import { num } from '../format';
import { useLive } from '../hooks';

/** The score: headline, most urgent item, dated history, indicators and calibration against the console. */
export function OverviewTab(props: { store: Store }) {
  const key = props.store.key;
  const asOf = today();
  const [days, setDays] = useState(90);
  const snap = useLive(() => latestSnapshot(getDb(), key), [key]);
  const snaps = useSnapshots(key, asOf, days);
  const current = useCurrentScore(props.store, asOf);
  const counts = useLive(() => storeCounts(getDb(), key), [key]);
  const head = snap.data?.head;
  const open = (tab: string) => (location.search = `?tab=${tab}`);
  const snooze = (k: string) =>
    void sendMessage('ui-bg/snooze-alert', { key: k, hours: 24 }).catch(() => undefined);
  return (
    <div class="stack">
      {snap.data && head ? (
        <>
          <ScoreCard snapshot={snap.data} />
          <UrgentCard urgent={head.urgent} onSnooze={snooze} onOpen={() => open('diagnosis')} />
        </>
      ) : (
        <div class="card muted">正在计算评分…</div>
      )}
      <div class="card kpis">
        <div>
          已保存评价 <b>{counts.data ? num(counts.data.reviews) : '…'}</b>
        </div>
        <div>
          订单 <b>{counts.data ? num(counts.data.orders) : '…'}</b>
        </div>
      </div>
      <HistoryChart snapshots={snaps.data ?? []} days={days} onDays={setDays} />
      {current.data && <IndicatorTable estimate={current.data.estimate} />}
      {current.data && current.profile && (
        <CalibrationView
          snapshots={snaps.data ?? []}
          officials={current.data.officials}
          profile={current.profile}
        />
      )}
      {current.data && current.data.estimate.guessed.length > 0 && (
        <details class="card">
          <summary>估算中的推测项（{current.data.estimate.guessed.length}）</summary>
          <ul class="score-note">
            {current.data.estimate.guessed.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
