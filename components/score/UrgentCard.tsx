import type { Urgent } from '@/lib/scoring/urgent';
import './score.css';

/** The one thing to look at first, with "snooze" for an alert and a link to the diagnosis. */
export function UrgentCard(props: { urgent: Urgent; onSnooze?: (key: string) => void; onOpen?: () => void }) {
  const u = props.urgent;
  return (
    <div class={`card urgent ${u.severity}`} data-testid="urgent" data-kind={u.kind}>
      <div class="spread">
        <h3>
          {u.kind === 'ok' ? '✓ ' : '⚠ '}
          {u.title}
        </h3>
        <small class="en">最紧急</small>
      </div>
      <div style="line-height:1.5" data-testid="urgent-detail">
        {u.detail}
      </div>
      {(u.alertKey || props.onOpen) && (
        <div class="row" style="margin-top:6px">
          {props.onOpen && u.kind !== 'ok' && (
            <button onClick={props.onOpen}>
              查看原因 <small>Why</small>
            </button>
          )}
          {u.alertKey && props.onSnooze && (
            <button onClick={() => props.onSnooze!(u.alertKey!)} data-testid="urgent-snooze">
              暂停提醒 24 小时
            </button>
          )}
        </div>
      )}
    </div>
  );
}
