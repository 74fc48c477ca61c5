import { AlertsList } from '@/components/score/AlertsList';
import { getDb } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import type { Store } from '@/lib/model';
import { alertsOf } from '@/lib/score-queries';
import { alertSnoozesItem } from '@/lib/settings';
import { useLive, useStorageItem } from '../hooks';
import { now } from '@/lib/clock';

/** The store's alerts (差评增长, 物流延时, 响应慢, 分数下降, 差评集中, 未回复, 回复截止), with snooze. */
export function AlertsTab(props: { store: Store }) {
  const alerts = useLive(() => alertsOf(getDb(), props.store.key, 100), [props.store.key]);
  const [snoozes] = useStorageItem(alertSnoozesItem);
  const snooze = (key: string, hours: number) =>
    void sendMessage('ui-bg/snooze-alert', { key, hours }).catch(() => undefined);
  return (
    <div class="stack">
      <div class="spread">
        <h3 style="font-size:13px">
          预警 <small class="en">Alerts</small>
        </h3>
        <a class="btn" href="/options.html#score" target="_blank" rel="noreferrer">
          阈值设置
        </a>
      </div>
      {alerts.error ? (
        <div class="error">读取失败：{String(alerts.error)}</div>
      ) : !alerts.data ? (
        <div class="muted">加载中…</div>
      ) : (
        <AlertsList alerts={alerts.data} snoozes={snoozes ?? []} now={now()} onSnooze={snooze} />
      )}
    </div>
  );
}
