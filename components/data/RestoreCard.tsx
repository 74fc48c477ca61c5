import { useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import type { RestorePreview, RestoreReport } from '@/lib/import/restore-run';
import { num } from '../format';
import { Progress } from './Progress';
import { useTask } from './useTask';
import { now as clockNow } from '@/lib/clock';

const TABLE_LABEL: Record<string, string> = {
  stores: '店铺',
  reviews: '评价',
  orders: '订单',
  officialScores: '官方体验分',
  textCorrections: '分类修正',
};

/** Restore: pick a backup, see what it would change, then confirm. Nothing is written before confirm. */
export function RestoreCard(props: { now?: () => number }) {
  const [file, setFile] = useState<File>();
  const preview = useTask<RestorePreview>();
  const apply = useTask<RestoreReport>();
  const now = props.now ?? clockNow;

  const pick = (f: File | undefined) => {
    setFile(f);
    apply.reset();
    if (!f) return preview.reset();
    void preview.run(async (signal, progress) => {
      const { previewRestore } = await import('@/lib/import/restore-run');
      return previewRestore(getDb(), f, { now: now(), signal, onProgress: (n) => progress(n) });
    });
  };

  const confirm = () =>
    file &&
    apply.run(async (signal, progress) => {
      const { applyRestore } = await import('@/lib/import/restore-run');
      const { roomFor, storageInfo, QUOTA_MESSAGE } = await import('@/lib/export/storage');
      if (!roomFor(file.size, await storageInfo()).ok) throw new Error(QUOTA_MESSAGE);
      const p = preview.result!;
      const total = Object.values(p.seen).reduce((a, b) => a + b, 0);
      return applyRestore(file, (req) => sendMessage('ui-bg/restore', req), {
        signal,
        onProgress: (n) => progress(n, total, '恢复'),
      });
    });

  const p = preview.result;
  const changes = p ? Object.values(p.tally).reduce((n, t) => n + t.add + t.update, 0) : 0;
  return (
    <div class="card stack" data-testid="restore-card">
      <h3 style="font-size:13px">
        从备份恢复 <small class="en">Restore</small>
      </h3>
      <input
        type="file"
        accept=".json,application/json"
        aria-label="选择备份文件"
        onChange={(e) => pick((e.target as HTMLInputElement).files?.[0])}
      />
      <Progress task={preview} />
      {p && !preview.running && (
        <div class="stack" data-testid="restore-preview">
          <div class="muted">
            备份格式 v{p.header.fromVersion}
            {p.header.fromVersion !== p.header.schemaVersion ? `（将升级为 v${p.header.schemaVersion}）` : ''}
            {p.header.exportedAt ? `，导出于 ${new Date(p.header.exportedAt).toLocaleString('zh-CN')}` : ''}
          </div>
          <div class="table-scroll">
            <table class="grid">
              <thead>
                <tr>
                  <th>数据</th>
                  <th>新增</th>
                  <th>更新</th>
                  <th>不变</th>
                  <th>无效</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(p.tally).map(([t, v]) => (
                  <tr key={t} data-table={t}>
                    <td>{TABLE_LABEL[t] ?? t}</td>
                    <td>{num(v.add)}</td>
                    <td>{num(v.update)}</td>
                    <td>{num(v.same)}</td>
                    <td>{num(v.invalid)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {p.rejects.length > 0 && (
            <ul class="muted" style="margin:0">
              {p.rejects.slice(0, 5).map((r, i) => (
                <li key={i}>
                  {r.path ? `${TABLE_LABEL[r.path] ?? r.path} ` : ''}第 {(r.row ?? 0) + 1} 条：{r.message}
                </li>
              ))}
            </ul>
          )}
          <button
            class="primary"
            disabled={apply.running || changes === 0}
            onClick={confirm}
            data-testid="restore-confirm"
          >
            {changes === 0 ? '没有需要恢复的变化' : `确认恢复（${num(changes)} 条变化）`}
          </button>
        </div>
      )}
      <Progress task={apply} />
      {apply.result && !apply.running && !apply.error && (
        <div class="muted" data-testid="restore-done">
          恢复完成：新增 {num(Object.values(apply.result.tally).reduce((n, t) => n + t.add, 0))} 条，更新{' '}
          {num(Object.values(apply.result.tally).reduce((n, t) => n + t.update, 0))} 条。
        </div>
      )}
    </div>
  );
}
