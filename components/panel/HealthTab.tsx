import { getDb } from '@/lib/db';
import { recentEvents } from '@/lib/queries';
import { CaptureHealth } from '../CaptureHealth';
import { useLive } from '../hooks';
import { TeamHealth } from '../team/TeamHealth';

export function HealthTab() {
  const ev = useLive(() => recentEvents(getDb(), 200), []);
  return (
    <div class="stack">
      {/* Robot delivery failures (issue #14) sit above the capture log. */}
      <TeamHealth />
      {ev.data ? <CaptureHealth events={ev.data} /> : <div class="muted">加载中…</div>}
    </div>
  );
}
