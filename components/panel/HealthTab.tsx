import { getDb } from '@/lib/db';
import { recentEvents } from '@/lib/queries';
import { CaptureHealth } from '../CaptureHealth';
import { DriftReport } from '../DriftReport';
import { useLive } from '../hooks';
import { TeamHealth } from '../team/TeamHealth';
import { useTextModel } from '../useTextModel';

export function HealthTab() {
  const ev = useLive(() => recentEvents(getDb(), 200), []);
  const model = useTextModel();
  return (
    <div class="stack">
      {model.state === 'failed' && (
        // Issue #11: a missing or corrupt model file is said, never a blank panel.
        <div class="card" role="alert" data-testid="text-model-notice">
          评价分析模型未能加载（{model.reason}），情感与差评类别暂用词典判断，准确度较低。
        </div>
      )}
      {/* Robot delivery failures (issue #14) sit above the capture log. */}
      <TeamHealth />
      {ev.data ? (
        <>
          {/* Endpoint drift and the redacted sample export (issue #12). */}
          <DriftReport />
          <CaptureHealth events={ev.data} />
        </>
      ) : (
        <div class="muted">加载中…</div>
      )}
    </div>
  );
}
