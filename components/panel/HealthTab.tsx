import { getDb } from '@/lib/db';
import { recentEvents } from '@/lib/queries';
import { CaptureHealth } from '../CaptureHealth';
import { DriftReport } from '../DriftReport';
import { useLive } from '../hooks';

export function HealthTab() {
  const ev = useLive(() => recentEvents(getDb(), 200), []);
  return ev.data ? (
    <div class="stack">
      <DriftReport />
      <CaptureHealth events={ev.data} />
    </div>
  ) : (
    <div class="muted">加载中…</div>
  );
}
