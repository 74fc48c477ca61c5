/**
 * 飞书多维表格 board settings (options → 团队协作, issue #14): the merchant's own 飞书 app, the base's
 * app_token and three table ids; saving asks for https://open.feishu.cn/* only. The App Secret stays in
 * this browser's local extension storage.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';
import { boardSettingsItem } from '@/lib/settings';
import { boardProblems } from '@/lib/team/board-sync';
import type { BoardSettings as Prefs } from '@/lib/team/types';
import { useStorageItem } from '../hooks';

const field = 'flex:1;font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:6px';
const FEISHU_OPEN = 'https://open.feishu.cn/*';
const value = (e: Event) => (e.target as HTMLInputElement).value;

export function BoardSettings() {
  const [stored] = useStorageItem(boardSettingsItem);
  const [v, setV] = useState<Prefs | undefined>();
  const [note, setNote] = useState('');
  useEffect(() => {
    if (stored && !v) setV(stored);
  }, [stored]);
  if (!v) return null;
  const set = (patch: Partial<Prefs>) => setV({ ...v, ...patch });
  const table = (k: keyof Prefs['tables'], label: string) => (
    <input
      aria-label={label}
      style={field}
      placeholder={`${label} 表 ID（tbl…，可留空）`}
      value={v.tables[k]}
      onInput={(e) => set({ tables: { ...v.tables, [k]: value(e).trim() } })}
    />
  );
  const save = async () => {
    const problems = v.enabled ? boardProblems(v) : [];
    if (problems.length) return setNote(problems.join('；'));
    const granted = v.enabled
      ? await browser.permissions.request({ origins: [FEISHU_OPEN] }).catch(() => false)
      : true;
    await boardSettingsItem.setValue(v);
    setNote(
      !v.enabled
        ? '已保存：多维表格同步已关闭'
        : granted
          ? '已保存：每日摘要后自动同步'
          : `已保存，但未获得 ${FEISHU_OPEN} 的访问权限`,
    );
  };
  const sync = async () => {
    setNote('同步中…');
    try {
      const r = await sendMessage('ui-bg/board-sync', undefined);
      const part = (name: string, x?: { created: number; updated: number }) =>
        x ? `${name} 新增 ${x.created}、更新 ${x.updated}` : '';
      setNote(
        `同步完成：${[part('评分', r.snapshots), part('差评', r.reviews), part('预警', r.alerts)].filter(Boolean).join('；')}`,
      );
    } catch (e) {
      setNote(`同步失败：${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div class="card stack" style="padding:10px" data-testid="board-settings">
      <label class="row">
        <input type="checkbox" checked={v.enabled} onChange={() => set({ enabled: !v.enabled })} />
        <b style="font-size:13px">同步到飞书多维表格</b>
        （团队共享看板：每日评分、差评、预警；按记录键更新，不会重复）
      </label>
      <div class="row">
        <input
          aria-label="App ID"
          style={field}
          placeholder="飞书应用 App ID（cli_…）"
          value={v.appId}
          onInput={(e) => set({ appId: value(e) })}
        />
        <input
          aria-label="App Secret"
          type="password"
          autoComplete="off"
          style={field}
          placeholder="App Secret"
          value={v.appSecret}
          onInput={(e) => set({ appSecret: value(e) })}
        />
      </div>
      <input
        aria-label="app_token"
        style={field}
        placeholder="多维表格 app_token"
        value={v.appToken}
        onInput={(e) => set({ appToken: value(e).trim() })}
      />
      <div class="row">
        {table('snapshots', '评分')}
        {table('reviews', '差评')}
        {table('alerts', '预警')}
      </div>
      <p class="muted" style="font-size:12px;margin:0">
        需要在飞书开放平台创建企业自建应用，开通多维表格权限，并把应用添加为该多维表格的协作者。缺少的字段会在第一次同步时自动创建。差评表只有评价时间、星级、内容、问题类别、回复状态和截止时间，不含买家信息。
      </p>
      <div class="row">
        <button onClick={() => void save()}>保存</button>
        <button onClick={() => void sync()} disabled={!stored?.enabled}>
          立即同步
        </button>
      </div>
      {note && (
        <div class="muted" role="status">
          {note}
        </div>
      )}
    </div>
  );
}
