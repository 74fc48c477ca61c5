import { useContext, useState } from 'preact/hooks';
import { InitialHeadline } from '@/components/headline/context';
import { CalibrationView } from '@/components/score/CalibrationView';
import { HistoryChart } from '@/components/score/HistoryChart';
import { IndicatorTable } from '@/components/score/IndicatorTable';
import { today, useCurrentScore, useSnapshots } from '@/components/score/useScore';
import { getDb } from '@/lib/db';
import type { Store } from '@/lib/model';
import { storeCounts } from '@/lib/queries';
import { latestSnapshot } from '@/lib/score-queries';
import { useLive } from '../hooks';
import { OverviewHead } from './OverviewHead';

/** The score: headline, most urgent item, dated history, indicators and calibration against the console. */
export function OverviewTab(props: { store: Store }) {
  const key = props.store.key;
  const asOf = today();
  const [days, setDays] = useState(90);
  const snap = useLive(() => latestSnapshot(getDb(), key), [key]);
  const snaps = useSnapshots(key, asOf, days);
  const current = useCurrentScore(props.store, asOf);
  const counts = useLive(() => storeCounts(getDb(), key), [key]);
  // Until the live queries answer, the headline the panel painted first (issue #15) stays on screen.
  const initial = useContext(InitialHeadline);
  const seed = initial?.storeKey === key ? initial : undefined;
  return (
    <div class="stack">
      <OverviewHead
        card={snap.data ?? (snap.loading ? seed?.card : undefined)}
        counts={counts.data ?? (counts.loading ? seed?.counts : undefined)}
      />
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
