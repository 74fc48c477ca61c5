import { getDb } from '@/lib/db';
import { recentEvents } from '@/lib/queries';
import { CaptureHealth } from '../CaptureHealth';
import { useLive } from '../hooks';

export function HealthTab() {
  const ev = useLive(() => recentEvents(getDb(), 200), []);
  return ev.data ? <CaptureHealth events={ev.data} /> : <div class="muted">加载中…</div>;
}
