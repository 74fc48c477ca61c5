import { useState } from 'preact/hooks';
import type { Store } from '@/lib/model';
import { sendMessage } from '@/lib/messaging';
import { PLATFORM_NAMES } from '@/lib/platforms/index';
import type { ImportTarget } from '@/lib/import/apply';
import type { ImportPreview } from '@/lib/import/parse';
import type { ImportTotals } from '@/lib/import/run';
import { fullTime, num } from '../format';
import { Progress } from './Progress';
import { useTask } from './useTask';

const NEW = '__new__';

/** Import a platform export file: preview first, pick the store, then write through the ingest path. */
export function ImportCard(props: { stores: Store[]; current?: Store }) {
  const preview = useTask<ImportPreview>();
  const run = useTask<ImportTotals>();
  const [choice, setChoice] = useState('');
  const [shopId, setShopId] = useState('');
  const [shopName, setShopName] = useState('');

  const pick = (f: File | undefined) => {
    run.reset();
    if (!f) return preview.reset();
    void preview.run(async () => {
      const { parseImportFile } = await import('@/lib/import/parse');
      return parseImportFile(new Uint8Array(await f.arrayBuffer()), f.name);
    });
  };

  const p = preview.result;
  const candidates = p ? props.stores.filter((s) => s.platform === p.platform) : [];
  const selected =
    choice ||
    (props.current && props.current.platform === p?.platform ? props.current.key : candidates[0]?.key) ||
    NEW;
  const target: ImportTarget | undefined =
    selected === NEW
      ? shopId.trim()
        ? { shopId: shopId.trim(), name: shopName.trim() || undefined }
        : undefined
      : { storeKey: selected };
  const rows = p ? p.result.reviews.length + p.result.orders.length : 0;

  const confirm = () =>
    p &&
    target &&
    run.run(async (signal, progress) => {
      const { runImport } = await import('@/lib/import/run');
      const { roomFor, storageInfo, QUOTA_MESSAGE } = await import('@/lib/export/storage');
      // Refuse up front rather than stop half-way: each batch is atomic, but a file is many batches.
      if (!roomFor(JSON.stringify(p.result).length, await storageInfo()).ok) throw new Error(QUOTA_MESSAGE);
      return runImport(p, target, (req) => sendMessage('ui-bg/import', req), {
        signal,
        onProgress: (d, t) => progress(d, t, '导入'),
      });
    });

  return (
    <div class="card stack" data-testid="import-card">
      <h3 style="font-size:13px">
        导入平台导出文件 <small class="en">Import</small>
      </h3>
      <p class="muted" style="margin:0">
        支持：抖店 评价导出（xlsx）、抖店 订单导出、拼多多 订单导出、淘宝 订单报表（csv/xlsx，GBK 或
        UTF-8）。收件人、手机、地址等买家信息列不会被读取。
      </p>
      <input
        style="font:inherit;padding:3px 6px"
        type="file"
        accept=".csv,.xlsx,text/csv"
        aria-label="选择导出文件"
        onChange={(e) => pick((e.target as HTMLInputElement).files?.[0])}
      />
      <Progress task={preview} />
      {p && !preview.running && (
        <div class="stack" data-testid="import-preview">
          <div>
            识别为 <b>{p.label}</b>（{p.format.toUpperCase()}
            {p.encoding ? `，${p.encoding.toUpperCase()}` : ''}，表头在第 {p.headerRow} 行）：可导入{' '}
            <b data-testid="import-rows">{num(rows)}</b> 条，拒绝{' '}
            <b data-testid="import-rejects">{num(p.result.rejects.length)}</b> 行
          </div>
          {p.pii.length > 0 && <div class="muted">未读取的买家信息列：{p.pii.join('、')}</div>}
          {p.result.rejects.length > 0 && (
            <ul class="muted" style="margin:0">
              {p.result.rejects.slice(0, 8).map((r, i) => (
                <li key={i}>{r.message}</li>
              ))}
            </ul>
          )}
          <table class="grid" data-testid="import-sample">
            <tbody>
              {p.result.reviews.slice(0, 5).map((r) => (
                <tr key={r.reviewId}>
                  <td>{fullTime(r.createdAt)}</td>
                  <td>{r.star ?? '—'}★</td>
                  <td class="text">{r.text.slice(0, 60)}</td>
                </tr>
              ))}
              {p.result.orders.slice(0, 5).map((o) => (
                <tr key={o.orderId}>
                  <td>{o.orderId}</td>
                  <td>{o.statusText ?? o.status}</td>
                  <td>{o.items[0]?.productName ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="row" style="flex-wrap:wrap">
            <span>导入到</span>
            <select
              aria-label="导入到店铺"
              value={selected}
              onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}
            >
              {candidates.map((s) => (
                <option key={s.key} value={s.key}>
                  {PLATFORM_NAMES[s.platform]} · {s.name ?? s.shopId}
                </option>
              ))}
              <option value={NEW}>新店铺（填写店铺 ID）</option>
            </select>
            {selected === NEW && (
              <>
                <input
                  style="font:inherit;padding:3px 6px"
                  placeholder="店铺 ID"
                  aria-label="店铺 ID"
                  value={shopId}
                  onInput={(e) => setShopId((e.target as HTMLInputElement).value)}
                />
                <input
                  style="font:inherit;padding:3px 6px"
                  placeholder="店铺名称（可选）"
                  aria-label="店铺名称"
                  value={shopName}
                  onInput={(e) => setShopName((e.target as HTMLInputElement).value)}
                />
              </>
            )}
          </div>
          <button
            class="primary"
            disabled={!target || rows === 0 || run.running}
            onClick={confirm}
            data-testid="import-confirm"
          >
            确认导入 {num(rows)} 条
          </button>
        </div>
      )}
      <Progress task={run} />
      {run.result && !run.running && !run.error && (
        <div class="muted" data-testid="import-done">
          导入完成：新增 {num(run.result.added)}，更新 {num(run.result.updated)}，无变化{' '}
          {num(run.result.unchanged)}，拒绝 {num(run.result.rejected)}。
        </div>
      )}
    </div>
  );
}
