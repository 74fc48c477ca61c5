import { useState } from 'preact/hooks';
import { AlertSettingsForm } from '@/components/score/AlertSettingsForm';
import { OverridesForm } from '@/components/score/OverridesForm';
import { getDb } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import { aggregateStatus } from '@/lib/score-queries';
import { PROFILES } from '@/lib/scoring/profiles';
import { useLive } from '../hooks';

const STATUS: Record<string, string> = { ready: '已就绪', rebuilding: '重建中', stale: '待重建' };

/** Score settings: weights and thresholds per platform profile, alert thresholds, aggregate maintenance. */
export function ScoreSection() {
  const [profileId, setProfileId] = useState(PROFILES[0]!.id);
  const profile = PROFILES.find((p) => p.id === profileId) ?? PROFILES[0]!;
  const status = useLive(() => aggregateStatus(getDb()), []);
  const s = status.data;
  return (
    <div class="stack">
      <p class="muted">
        评分估算使用各平台公开规则；后台未公开的权重和阈值为推测值（标注“推测”）。如果您知道本店所在行业的实际数值，可在此修改，所有视图立即按新设置重新计算。
      </p>
      <label class="row">
        评分模型
        <select
          value={profileId}
          onChange={(e) => setProfileId((e.target as HTMLSelectElement).value)}
          data-testid="profile-select"
        >
          {PROFILES.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}（{p.id}）
            </option>
          ))}
        </select>
      </label>
      <OverridesForm key={profile.id} profile={profile} />
      <h3 style="font-size:14px">
        预警阈值 <small class="en">Alert thresholds</small>
      </h3>
      <AlertSettingsForm />
      <h3 style="font-size:14px">
        统计数据 <small class="en">Daily aggregates</small>
      </h3>
      <div class="row" data-testid="aggregate-status" data-status={s?.status ?? ''}>
        <span>
          状态：<b>{s ? STATUS[s.status] : '—'}</b>
          {s?.status === 'rebuilding' ? `（已统计 ${s.done.toLocaleString('zh-CN')} 条）` : ''}
        </span>
        <button onClick={() => void sendMessage('ui-bg/rebuild-aggregates').catch(() => undefined)}>
          从已存记录重建
        </button>
      </div>
    </div>
  );
}
