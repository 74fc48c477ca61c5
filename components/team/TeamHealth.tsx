/**
 * 采集健康 → 团队消息 (issue #14): robots that failed for good (the platform's own words and what to do),
 * messages waiting to be retried, and a retry button. Webhooks are never shown unredacted.
 */
import { getDb } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import { readBlocked } from '@/lib/team/outbox';
import { ROBOT_NAMES } from '@/lib/team/types';
import { useLive } from '../hooks';
import { shortTime } from '../format';

async function load() {
  const db = getDb();
  const [failed, waiting, delivered, blocked] = await Promise.all([
    db.outbox
      .where('[state+nextAt]')
      .between(['failed', -Infinity], ['failed', Infinity])
      .reverse()
      .limit(20)
      .toArray(),
    db.outbox.where('[state+nextAt]').between(['held', -Infinity], ['sending', Infinity]).toArray(),
    db.outbox.where('[state+nextAt]').between(['delivered', -Infinity], ['delivered', Infinity]).count(),
    readBlocked(db),
  ]);
  return { failed, waiting, delivered, blocked: Object.keys(blocked).length };
}

export function TeamHealth() {
  const live = useLive(load, []);
  const d = live.data;
  if (!d || d.failed.length + d.waiting.length + d.delivered === 0) return null;
  const retrying = d.waiting.filter((r) => r.lastReason);
  return (
    <div class="card stack" data-testid="team-health">
      <b>团队消息（群机器人）</b>
      <div class="muted" style="font-size:12px">
        已送达 {d.delivered} 条 · 待发送 {d.waiting.length} 条 · 失败 {d.failed.length} 条
      </div>
      {retrying.slice(0, 5).map((r) => (
        <div key={r.key} style="font-size:12px" data-state="retrying">
          {ROBOT_NAMES[r.platform]} · {r.message.title}：第 {r.attempts} 次失败（{r.lastReason}），
          {shortTime(r.nextAt)} 自动重试
        </div>
      ))}
      {d.failed.map((r) => (
        <div
          key={r.key}
          class="stack"
          style="font-size:12px;border-top:1px solid var(--line);padding-top:4px"
          data-state="failed"
        >
          <div>
            <b style="color:var(--bad)">{ROBOT_NAMES[r.platform]} 发送失败</b> · {r.message.title}
            {r.lastError && <span class="muted"> · {shortTime(r.lastError.at)}</span>}
          </div>
          {r.lastError?.platformText && (
            <div class="text" data-testid="platform-error">
              平台返回：{r.lastError.platformText}
            </div>
          )}
          {r.lastError && <div data-testid="team-hint">怎么办：{r.lastError.hint}</div>}
          <div>
            <button onClick={() => void sendMessage('ui-bg/team-retry', { key: r.key })}>重试</button>
          </div>
        </div>
      ))}
    </div>
  );
}
