import type { Snooze } from '@/lib/scoring/alert-types';
import { isSnoozed } from '@/lib/scoring/alerts';
import type { AlertRow } from '@/lib/score-view/types';
import { shortTime } from '../format';
import './score.css';

const SEVERITY: Record<AlertRow['severity'], [string, string]> = {
  critical: ['bad', '严重'],
  warn: ['warn', '预警'],
  info: ['', '提示'],
};

/** Alerts of a store: active first; each can be snoozed (its whole condition) for a day or a week. */
export function AlertsList(props: {
  alerts: readonly AlertRow[];
  snoozes: readonly Snooze[];
  now: number;
  onSnooze: (topic: string, hours: number) => void;
}) {
  const list = [...props.alerts].sort((a, b) =>
    a.state === b.state ? b.lastAt - a.lastAt : a.state === 'active' ? -1 : 1,
  );
  if (list.length === 0) return <div class="card muted">暂无预警。阈值可在设置页调整。</div>;
  return (
    <ul class="list" data-testid="alerts-list">
      {list.map((a) => {
        const snoozed = isSnoozed(a.key, props.snoozes, props.now);
        const [cls, label] = SEVERITY[a.severity];
        return (
          <li
            key={a.key}
            data-alert={a.key}
            data-kind={a.kind}
            data-state={a.state}
            style={a.state === 'resolved' ? 'opacity:0.6' : ''}
          >
            <div class="spread">
              <b>
                <span class={`tag ${cls}`}>{label}</span> {a.title}
              </b>
              <span class="muted" style="font-size:11px">
                {a.state === 'resolved' ? '已解除 · ' : snoozed ? '已暂停 · ' : ''}
                {shortTime(a.firstAt)}
              </span>
            </div>
            <div style="margin-top:2px">{a.detail}</div>
            {a.state === 'active' && !snoozed && (
              <div class="row" style="margin-top:4px">
                <button onClick={() => props.onSnooze(a.topic, 24)} data-snooze={a.topic}>
                  暂停 24 小时
                </button>
                <button onClick={() => props.onSnooze(a.topic, 24 * 7)}>暂停 7 天</button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
