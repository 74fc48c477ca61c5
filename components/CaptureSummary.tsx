import { getDb } from '@/lib/db';
import { recentEvents, summarizeEvents } from '@/lib/queries';
import { ago } from './format';
import { useLive } from './hooks';
import { now } from '@/lib/clock';

/** One line of capture health for the popup: when it last captured, and whether anything was rejected. */
export function CaptureSummary() {
  const ev = useLive(() => recentEvents(getDb(), 50), []);
  if (!ev.data || ev.data.length === 0) return null;
  const s = summarizeEvents(ev.data);
  return (
    <div class="row muted" data-testid="capture-summary">
      <span>最近采集 {s.lastAt ? ago(s.lastAt, now()) : '—'}</span>
      {s.rowsRejected > 0 || s.rejected > 0 ? (
        <span class="tag bad">
          {s.partial + s.rejected} 次异常 · {s.rowsRejected} 行被拒绝（见侧边栏“采集健康”）
        </span>
      ) : (
        <span class="tag good">采集正常</span>
      )}
    </div>
  );
}
