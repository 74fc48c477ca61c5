/**
 * 月度口碑报告 (issue #14): pick a month, see the report (the same self-contained HTML that downloads, in a
 * sandboxed frame), download it as HTML or PNG, or send its summary to the store's group robots.
 */
import { useEffect, useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import type { Store } from '@/lib/model';
import { monthOf, previousMonth } from '@/lib/team/monthly';
import { gatherMonthly } from '@/lib/team/monthly-data';
import { reportHtml } from '@/lib/team/monthly-html';
import { localTime } from '@/lib/team/messages';
import { useLive } from '../hooks';

const stamp = (now: number) => localTime(now, 480);

async function download(blob: Blob, name: string): Promise<void> {
  const { downloadBlob } = await import('@/lib/export/run');
  downloadBlob(blob, name);
}

export function MonthlyReportView(props: { store: Store; now: number; internalHours?: number }) {
  const [month, setMonth] = useState(previousMonth(monthOf(props.now)));
  const [note, setNote] = useState('');
  const live = useLive(
    () => gatherMonthly(getDb(), props.store.key, month, props.internalHours),
    [props.store.key, month, props.internalHours],
  );
  const report = live.data;
  const html = report ? reportHtml(report, stamp(props.now)) : undefined;
  // The preview is the very file that downloads, shown from a blob URL in a sandboxed frame (no scripts).
  const [frameUrl, setFrameUrl] = useState<string | undefined>();
  useEffect(() => {
    if (!html) return setFrameUrl(undefined);
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    setFrameUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [html]);
  const file = `口碑月报-${props.store.name ?? props.store.shopId}-${month}`;
  const run = async (fn: () => Promise<string>) => {
    setNote('');
    try {
      setNote(await fn());
    } catch (e) {
      setNote(`失败：${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div class="stack" data-testid="monthly-report" data-month={month}>
      <div class="row" style="flex-wrap:wrap">
        <label>
          月份{' '}
          <input
            type="month"
            aria-label="报告月份"
            value={month}
            max={monthOf(props.now)}
            onChange={(e) => {
              const v = (e.target as HTMLInputElement).value;
              if (/^\d{4}-\d{2}$/.test(v)) setMonth(v);
            }}
          />
        </label>
        <button
          disabled={!html}
          onClick={() =>
            void run(async () => {
              await download(new Blob([html!], { type: 'text/html;charset=utf-8' }), `${file}.html`);
              return '已下载 HTML';
            })
          }
        >
          下载 HTML
        </button>
        <button
          disabled={!report}
          onClick={() =>
            void run(async () => {
              const { reportPng } = await import('./report-png');
              await download(await reportPng(report!, stamp(props.now)), `${file}.png`);
              return '已下载 PNG，可直接发到群里';
            })
          }
        >
          下载 PNG
        </button>
        <button
          disabled={!report}
          onClick={() =>
            void run(async () => {
              const r = await sendMessage('ui-bg/team-report', { storeKey: props.store.key, month });
              if (!r.targets) return '这个店铺还没有启用的群机器人：在 设置 → 团队协作 添加';
              return r.queued
                ? `已排队发送到 ${r.targets} 个群机器人（进度见 采集健康）`
                : '这个月的报告已经发送过';
            })
          }
        >
          发送到群
        </button>
      </div>
      {note && (
        <div class="muted note" role="status" data-testid="report-note">
          {note}
        </div>
      )}
      {live.error ? (
        <div class="error">读取失败：{String(live.error)}</div>
      ) : !html || !frameUrl ? (
        <div class="card muted">正在生成…</div>
      ) : (
        <iframe
          title={`月度口碑报告 ${month}`}
          data-testid="report-frame"
          sandbox=""
          src={frameUrl}
          style="width:100%;height:1400px;border:1px solid var(--line);border-radius:8px;background:#fff"
        />
      )}
    </div>
  );
}
