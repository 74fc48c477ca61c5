import { useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import type { PlatformId, Store } from '@/lib/model';
import { PLATFORM_NAMES } from '@/lib/platforms/index';
import type { ExportFilter } from '@/lib/export/scan';
import type { ExportResult } from '@/lib/export/run';
import { num } from '../format';
import { Progress } from './Progress';
import { useTask } from './useTask';
import { now as clockNow } from '@/lib/clock';

/** The kinds offered (ids from lib/export/kinds.ts; labels repeated here so the panel needn't load it). */
const KINDS = [
  { id: 'reviews', label: '评价' },
  { id: 'orders', label: '订单' },
  { id: 'officialScores', label: '官方体验分' },
] as const;

type Scope = 'current' | 'all';

/**
 * Export with filters: CSV per kind (Excel/WPS), one XLSX with a sheet per kind, or the JSON backup.
 * The export code is loaded on the first click, so the panel opens fast.
 */
export function ExportCard(props: { store?: Store; stores: Store[]; now?: () => number }) {
  const [scope, setScope] = useState<Scope>(props.store ? 'current' : 'all');
  const [platform, setPlatform] = useState<PlatformId | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [kinds, setKinds] = useState<string[]>(['reviews', 'orders', 'officialScores']);
  const task = useTask<ExportResult>();
  const now = props.now ?? clockNow;

  const filter = (): ExportFilter => ({
    storeKeys: scope === 'current' && props.store ? [props.store.key] : undefined,
    platform: scope === 'all' && platform ? platform : undefined,
    from: from || undefined,
    to: to || undefined,
  });

  const start = (format: 'csv' | 'xlsx' | 'json', only?: string) =>
    task.run(async (signal, progress) => {
      if (from && to && from > to) throw new Error('开始日期不能晚于结束日期');
      const onProgress = (p: { label: string; done: number; total: number }) =>
        progress(p.done, p.total, p.label);
      const { downloadBlob, exportData } = await import('@/lib/export/run');
      let res: ExportResult;
      if (format === 'json') {
        const { writeBackup } = await import('@/lib/export/backup');
        const app = `口碑助手 ${globalThis.chrome?.runtime?.getManifest?.().version ?? ''}`.trim();
        res = await writeBackup(getDb(), { filter: filter(), now: now(), app, signal, onProgress });
      } else {
        const ids = only ? [only] : kinds;
        res = await exportData(getDb(), {
          format,
          kinds: ids,
          filter: filter(),
          now: now(),
          signal,
          onProgress,
        });
      }
      downloadBlob(res.blob, res.fileName);
      return res;
    });

  const busy = task.running;
  return (
    <div class="card stack" data-testid="export-card">
      <h3 style="font-size:13px">
        导出 <small class="en">Export</small>
      </h3>
      <div class="row" style="flex-wrap:wrap">
        <select
          aria-label="范围"
          value={scope}
          onChange={(e) => setScope((e.target as HTMLSelectElement).value as Scope)}
        >
          {props.store && (
            <option value="current">当前店铺 · {props.store.name ?? props.store.shopId}</option>
          )}
          <option value="all">全部店铺</option>
        </select>
        {scope === 'all' && (
          <select
            aria-label="平台"
            value={platform}
            onChange={(e) => setPlatform((e.target as HTMLSelectElement).value as PlatformId | '')}
          >
            <option value="">全部平台</option>
            {(Object.keys(PLATFORM_NAMES) as PlatformId[]).map((p) => (
              <option key={p} value={p}>
                {PLATFORM_NAMES[p]}
              </option>
            ))}
          </select>
        )}
      </div>
      <div class="row" style="flex-wrap:wrap">
        <label class="row">
          从{' '}
          <input
            style="font:inherit;padding:3px 6px"
            type="date"
            value={from}
            onInput={(e) => setFrom((e.target as HTMLInputElement).value)}
            aria-label="开始日期"
          />
        </label>
        <label class="row">
          到{' '}
          <input
            style="font:inherit;padding:3px 6px"
            type="date"
            value={to}
            onInput={(e) => setTo((e.target as HTMLInputElement).value)}
            aria-label="结束日期"
          />
        </label>
      </div>
      <div class="row" style="flex-wrap:wrap">
        {KINDS.map((k) => (
          <button key={k.id} disabled={busy} onClick={() => start('csv', k.id)} data-export={`csv-${k.id}`}>
            {k.label} CSV
          </button>
        ))}
      </div>
      <div class="row" style="flex-wrap:wrap">
        {KINDS.map((k) => (
          <label key={k.id} class="row" style="gap:2px">
            <input
              style="font:inherit;padding:3px 6px"
              type="checkbox"
              checked={kinds.includes(k.id)}
              onChange={(e) =>
                setKinds((ks) =>
                  (e.target as HTMLInputElement).checked ? [...ks, k.id] : ks.filter((x) => x !== k.id),
                )
              }
            />
            {k.label}
          </label>
        ))}
        <button
          class="primary"
          disabled={busy || !kinds.length}
          onClick={() => start('xlsx')}
          data-export="xlsx"
        >
          导出 XLSX
        </button>
        <button disabled={busy} onClick={() => start('json')} data-export="json">
          JSON 备份
        </button>
      </div>
      <p class="muted" style="margin:0">
        CSV 为 UTF-8（带 BOM），可直接用 Excel/WPS 打开；以 = + - @ 开头的内容会加 '
        防止被当成公式。日期按北京时间。
      </p>
      <Progress task={task} />
      {task.result && !task.running && !task.error && (
        <div class="muted" data-testid="export-done">
          已导出 {task.result.fileName}（
          {Object.values(task.result.rows)
            .reduce((a, b) => a + b, 0)
            .toLocaleString('zh-CN')}{' '}
          条，
          {num(Math.round(task.result.blob.size / 1024))} KB）
        </div>
      )}
    </div>
  );
}
