import { useEffect, useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { sendMessage } from '@/lib/messaging';
import { PLATFORM_NAMES } from '@/lib/platforms/index';
import type { StorageInfo, StoreUsage } from '@/lib/export/storage';
import { confirmMatches, storageInfo, storeUsage } from '@/lib/export/storage';
import { bytes, num } from '../format';
import { useLive } from '../hooks';

/** Bytes used and quota, persistence, and per-store counts with a typed-confirmation delete. */
export function StoragePanel() {
  const [info, setInfo] = useState<StorageInfo>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const usage = useLive(() => storeUsage(getDb()), []);
  const refresh = () => void storageInfo().then(setInfo);
  useEffect(refresh, [usage.data]);

  const persist = async () => {
    const ok = await navigator.storage?.persist?.().catch(() => false);
    setMessage(
      ok
        ? '已开启持久存储：浏览器空间紧张时也不会自动清除本扩展的数据'
        : '浏览器未同意持久存储（可稍后再试，或将扩展固定到工具栏后重试）',
    );
    refresh();
  };

  const pct = info.usage !== undefined && info.quota ? (info.usage / info.quota) * 100 : undefined;
  return (
    <div class="card stack" data-testid="storage-panel">
      <h3 style="font-size:13px">
        存储空间 <small class="en">Storage</small>
      </h3>
      <div>
        已用 <b data-testid="storage-used">{info.usage === undefined ? '—' : bytes(info.usage)}</b>
        {info.quota ? ` / 可用上限 ${bytes(info.quota)}` : ''}
        {pct !== undefined && pct > 80 && (
          <span class="tag warn" style="margin-left:6px">
            空间紧张
          </span>
        )}
      </div>
      {pct !== undefined && (
        <div class="bar">
          <i style={`width:${Math.max(1, Math.min(100, pct))}%`} />
        </div>
      )}
      <div class="row">
        <span>
          持久存储：
          <b data-testid="persisted">
            {info.persisted === undefined ? '未知' : info.persisted ? '已开启' : '未开启'}
          </b>
        </span>
        {!info.persisted && <button onClick={() => void persist()}>申请持久存储</button>}
      </div>
      {message && <div class="muted">{message}</div>}
      <table class="grid" data-testid="store-usage">
        <thead>
          <tr>
            <th>店铺</th>
            <th>评价</th>
            <th>订单</th>
            <th>体验分</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(usage.data ?? []).map((u) => (
            <StoreRow key={u.store.key} usage={u} busy={busy} setBusy={setBusy} onDone={setMessage} />
          ))}
        </tbody>
      </table>
      {usage.data?.length === 0 && <div class="muted">还没有保存任何店铺的数据。</div>}
    </div>
  );
}

function StoreRow(props: {
  usage: StoreUsage;
  busy: boolean;
  setBusy: (b: boolean) => void;
  onDone: (m: string) => void;
}) {
  const { store, counts } = props.usage;
  const [asking, setAsking] = useState(false);
  const [typed, setTyped] = useState('');
  const remove = async () => {
    props.setBusy(true);
    try {
      const removed = await sendMessage('ui-bg/delete-store', { storeKey: store.key, confirm: typed });
      const n = Object.values(removed).reduce((a, b) => a + b, 0);
      props.onDone(`已删除 ${store.name ?? store.shopId} 的 ${num(n)} 条数据`);
      setAsking(false);
    } catch (e) {
      props.onDone(e instanceof Error ? e.message : String(e));
    } finally {
      props.setBusy(false);
    }
  };
  return (
    <tr data-store={store.key}>
      <td>
        {PLATFORM_NAMES[store.platform]} · {store.name ?? store.shopId}
        {asking && (
          <div class="stack" style="margin-top:6px">
            <span class="muted">
              删除后无法撤销（建议先导出备份）。请输入店铺 ID「{store.shopId}」或店铺名称确认：
            </span>
            <div class="row">
              <input
                style="font:inherit;padding:3px 6px"
                value={typed}
                aria-label="确认店铺"
                onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
              />
              <button
                class="primary"
                disabled={props.busy || !confirmMatches(store, typed)}
                onClick={() => void remove()}
              >
                确认删除
              </button>
              <button onClick={() => setAsking(false)}>取消</button>
            </div>
          </div>
        )}
      </td>
      <td>{num(counts.reviews ?? 0)}</td>
      <td>{num(counts.orders ?? 0)}</td>
      <td>{num(counts.officialScores ?? 0)}</td>
      <td>{!asking && <button onClick={() => setAsking(true)}>删除</button>}</td>
    </tr>
  );
}
