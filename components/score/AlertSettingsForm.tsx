import { useEffect, useState } from 'preact/hooks';
import type { AlertKind } from '@/lib/scoring/alert-types';
import { ALERT_KINDS, AlertSettings } from '@/lib/scoring/alert-types';
import { alertSettingsItem, alertSnoozesItem } from '@/lib/settings';
import { fullTime } from '../format';
import { useStorageItem } from '../hooks';
import './score.css';
import { now as clockNow } from '@/lib/clock';

type NumKey = Exclude<keyof AlertSettings, 'disabled'>;

/** Every threshold with its label; defaults are the seeds'. */
const FIELDS: readonly [NumKey, string][] = [
  ['badGrowthPct', '差评日增长超过（%）'],
  ['badGrowthMin', '且当日差评至少（条）'],
  ['logisticsDelayPct', '物流延时率超过（%）'],
  ['logisticsMinOrders', '且应发货订单至少（单）'],
  ['responseMinutes', '客服响应时长超过（分钟）'],
  ['scoreDropStep', '分数日降幅达到（百分制）'],
  ['fivePointDropStep', '分数日降幅达到（5 分制）'],
  ['clusterMin', '同一话题差评至少（条）'],
  ['clusterDays', '话题统计天数'],
  ['unansweredHours', '差评未回复超过（小时）'],
  ['deadlineHours', '回复截止前提醒（小时）'],
  ['deadlineCriticalHours', '截止前严重提醒（小时）'],
];

export const KIND_LABELS: Record<AlertKind, string> = {
  bad_growth: '差评增长',
  logistics_delay: '物流延时',
  slow_response: '客服响应慢',
  score_drop: '分数下降',
  topic_cluster: '差评话题集中',
  unanswered_negative: '差评未回复',
  reply_deadline: '回复即将截止',
};

/** Alert thresholds, which kinds are on, and the snoozes in force. */
export function AlertSettingsForm() {
  const [stored, setStored] = useStorageItem(alertSettingsItem);
  const [snoozes, setSnoozes] = useStorageItem(alertSnoozesItem);
  const [draft, setDraft] = useState<AlertSettings>(AlertSettings.parse({}));
  const [msg, setMsg] = useState('');
  useEffect(() => {
    if (stored === undefined) return;
    const r = AlertSettings.safeParse(stored);
    setDraft(r.success ? r.data : AlertSettings.parse({}));
  }, [stored === undefined]);
  const save = async () => {
    const r = AlertSettings.safeParse(draft);
    if (!r.success) return setMsg('有阈值不是有效的非负数');
    await setStored(r.data);
    setMsg('已保存');
  };
  const now = clockNow();
  const active = (snoozes ?? []).filter((s) => s.until > now);
  return (
    <div class="stack" data-testid="alert-settings">
      <div class="form-grid">
        {FIELDS.map(([k, label]) => (
          <label key={k}>
            {label}
            <input
              inputMode="decimal"
              value={String(draft[k])}
              data-field={k}
              onInput={(e) => setDraft({ ...draft, [k]: Number((e.target as HTMLInputElement).value) })}
            />
          </label>
        ))}
      </div>
      <div class="row" style="flex-wrap:wrap">
        {ALERT_KINDS.map((k) => (
          <label key={k} class="row">
            <input
              type="checkbox"
              checked={!draft.disabled.includes(k)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                setDraft({
                  ...draft,
                  disabled: on ? draft.disabled.filter((x) => x !== k) : [...draft.disabled, k],
                });
              }}
            />
            {KIND_LABELS[k]}
          </label>
        ))}
      </div>
      <div class="row">
        <button class="primary" onClick={() => void save()} data-testid="alert-settings-save">
          保存预警设置
        </button>
        <button onClick={() => setDraft(AlertSettings.parse({}))}>恢复默认值</button>
        <span class="muted" role="status">
          {msg}
        </span>
      </div>
      {active.length > 0 && (
        <div>
          <b>已暂停的提醒</b>
          <ul class="records">
            {active.map((s) => (
              <li key={s.key}>
                <span class="text">
                  {s.key
                    .split('|')
                    .filter((x) => !x.includes(':'))
                    .join(' · ')}
                </span>
                <span class="muted">至 {fullTime(s.until)}</span>
                <button onClick={() => void setSnoozes(active.filter((x) => x.key !== s.key))}>
                  恢复提醒
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
