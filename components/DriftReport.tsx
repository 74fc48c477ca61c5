/**
 * 采集健康 → 接口字段变化 (issue #12): per endpoint, fields the public sources name that the console no
 * longer sends, fields that appeared, rows rejected and why, first/last seen — and the redacted sample of
 * the last failing response (no text, no buyer data, ids hashed) to send to us.
 */
import { getDb } from '@/lib/db';
import type { DriftRow } from '@/lib/background/drift';
import { driftRows } from '@/lib/background/drift';
import { PLATFORM_NAMES } from '@/lib/platforms/names';
import { shortTime } from './format';
import { useLive } from './hooks';

function exportSample(r: DriftRow) {
  const payload = {
    kind: 'koubei-redacted-sample',
    platform: r.platform,
    endpoint: r.endpoint,
    missing: r.missing,
    newFields: r.newFields.map((f) => f.field),
    // Codes only: reason texts may quote a value (a time, a duplicated id).
    reasons: r.reasons.map((x) => ({ code: x.code, count: x.count })),
    sample: r.sample,
  };
  const url = URL.createObjectURL(new Blob([JSON.stringify(payload, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `koubei-sample-${r.platform}-${r.endpoint}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DriftReport() {
  const rows = useLive(() => driftRows(getDb()), []);
  const list = (rows.data ?? []).filter((r) => r.missing.length || r.newFields.length || r.rejectedRows);
  if (!list.length) return null;
  return (
    <div class="card stack" data-testid="drift-report">
      <b>接口字段变化</b>
      {list.map((r) => (
        <div key={`${r.platform}|${r.endpoint}`} data-endpoint={r.endpoint} class="stack" style="gap:2px">
          <div>
            {PLATFORM_NAMES[r.platform]} · <code>{r.endpoint}</code>
            <span class="muted" style="font-size:11px">
              {' '}
              首次 {shortTime(r.firstSeen)} · 最近 {shortTime(r.lastSeen)} · {r.responses} 次响应
            </span>
          </div>
          {r.missing.length > 0 && (
            <div style="font-size:12px;color:var(--bad)" data-testid="drift-missing">
              缺少字段：{r.missing.join('、')}
            </div>
          )}
          {r.newFields.length > 0 && (
            <div style="font-size:12px" data-testid="drift-new">
              新出现字段：{r.newFields.map((f) => f.field).join('、')}
            </div>
          )}
          {r.rejectedRows > 0 && (
            <div style="font-size:12px" data-testid="drift-rejected">
              拒绝 {r.rejectedRows} 行：
              {r.reasons.map((x) => `${x.message}（${x.count}）`).join('；')}
            </div>
          )}
          {r.sample !== undefined && (
            <button data-testid="drift-export" onClick={() => exportSample(r)}>
              导出脱敏样本（不含文字与买家信息）
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
