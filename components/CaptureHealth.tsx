import type { CaptureEvent } from '@/lib/model';
import { PLATFORM_NAMES } from '@/lib/platforms/index';
import { summarizeEvents } from '@/lib/queries';
import { bytes, shortTime } from './format';

const OUTCOME: Record<CaptureEvent['outcome'], [string, string]> = {
  ok: ['good', '已保存'],
  partial: ['warn', '部分保存'],
  rejected: ['bad', '已拒绝'],
};

/** What was seen, kept and rejected, and why — one line per captured response. */
export function CaptureHealth(props: { events: CaptureEvent[] }) {
  const s = summarizeEvents(props.events);
  if (props.events.length === 0) {
    return <div class="empty">还没有采集记录。打开控制台页面后，这里会列出每次采集的结果。</div>;
  }
  return (
    <div class="stack" data-testid="capture-health">
      <div class="kpis card">
        <div>
          响应 <b>{s.responses}</b>
        </div>
        <div>
          保存 <b style="color:var(--good)">{s.rowsKept}</b> 行
        </div>
        <div>
          拒绝 <b style={{ color: s.rowsRejected ? 'var(--bad)' : undefined }}>{s.rowsRejected}</b> 行
        </div>
        <div>
          异常响应 <b>{s.partial + s.rejected}</b>
        </div>
      </div>
      <div class="table-scroll">
        <table class="grid">
          <thead>
            <tr>
              <th>时间</th>
              <th>接口</th>
              <th>结果</th>
              <th>新增/更新/重复/拒绝</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((e) => (
              <tr key={e.id} data-outcome={e.outcome}>
                <td class="muted" style="white-space:nowrap">
                  {shortTime(e.at)}
                </td>
                <td>
                  <div>{e.endpoint}</div>
                  <div class="muted" style="font-size:11px">
                    {PLATFORM_NAMES[e.platform]} · {e.page} · {bytes(e.bytes)}
                  </div>
                  {e.reasons.map((r, i) => (
                    <div key={i} class="text" style="font-size:12px;color:var(--bad)" data-code={r.code}>
                      {r.message}
                    </div>
                  ))}
                </td>
                <td>
                  <span class={`tag ${OUTCOME[e.outcome][0]}`}>{OUTCOME[e.outcome][1]}</span>
                </td>
                <td style="white-space:nowrap">
                  {e.added}/{e.updated}/{e.unchanged}/{e.rejected}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
