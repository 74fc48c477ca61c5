/**
 * "这是哪个店铺？" (issue #12): one card per provisional store — data a console page sent while no signal
 * said which shop it is. The merchant picks a known store of that platform (or one of the shops two
 * disagreeing signals named) or names a new one; the worker moves every row there in one transaction and
 * remembers the answer for that console login.
 */
import { useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import type { Store, StoreIdentity } from '@/lib/model';
import { sendMessage } from '@/lib/messaging';
import { PLATFORM_NAMES } from '@/lib/platforms/names';
import { storeCounts } from '@/lib/queries';
import { useLive } from './hooks';

interface Info {
  missing: string[];
  candidates: StoreIdentity[];
}

function Prompt(props: { prov: Store; stores: Store[]; onDone?: (key: string) => void }) {
  const { prov } = props;
  const info = useLive(
    async () => (await getDb().meta.get(`prov|${prov.key}`))?.value as Info | undefined,
    [prov.key],
  );
  const counts = useLive(() => storeCounts(getDb(), prov.key), [prov.key]);
  const known = props.stores.filter((s) => s.platform === prov.platform && !s.provisional);
  const candidates = (info.data?.candidates ?? []).filter((c) => !known.some((k) => k.shopId === c.shopId));
  const [pick, setPick] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const choice = pick || (known.length || candidates.length ? '' : 'new');

  const confirm = async () => {
    setBusy(true);
    setError('');
    try {
      const req =
        choice === 'new'
          ? { provisionalKey: prov.key, name: name.trim() }
          : { provisionalKey: prov.key, storeKey: choice };
      const r = await sendMessage('ui-bg/confirm-store', req);
      props.onDone?.(r.storeKey);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="card stack" data-testid="provisional-prompt" data-store={prov.key}>
      <b>这是哪个店铺？</b>
      <div class="muted" style="font-size:12px">
        {prov.name}：已暂存 评价 {counts.data?.reviews ?? '…'} 条、订单 {counts.data?.orders ?? '…'}{' '}
        条（不会过期）。
        {info.data?.candidates.length
          ? ' 页面上两个信号指向不同店铺，请确认。'
          : info.data?.missing.length
            ? ` 没有找到：${info.data.missing.join('、')}。`
            : ''}
      </div>
      <select
        aria-label="选择店铺"
        data-testid="provisional-pick"
        value={choice}
        onChange={(e) => setPick((e.target as HTMLSelectElement).value)}
      >
        <option value="" disabled>
          选择{PLATFORM_NAMES[prov.platform]}店铺…
        </option>
        {known.map((s) => (
          <option key={s.key} value={s.key}>
            {s.name ?? s.shopId}
          </option>
        ))}
        {candidates.map((c) => (
          <option key={c.shopId} value={`${prov.platform}:${c.shopId}`}>
            {c.name ?? `店铺 ${c.shopId}`}（{c.signal ?? c.via}）
          </option>
        ))}
        <option value="new">新店铺…</option>
      </select>
      {choice === 'new' && (
        <input
          class="field"
          data-testid="provisional-name"
          placeholder="新店铺名称"
          maxLength={60}
          value={name}
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
      )}
      <button
        class="primary"
        data-testid="provisional-confirm"
        disabled={busy || !choice || (choice === 'new' && !name.trim())}
        onClick={() => void confirm()}
      >
        确认
      </button>
      {error && <div class="error">{error}</div>}
    </div>
  );
}

/** Every provisional store's question; nothing when there is none. */
export function ProvisionalPrompts(props: { stores?: Store[]; onDone?: (key: string) => void }) {
  const provs = (props.stores ?? []).filter((s) => s.provisional);
  if (!provs.length) return null;
  return (
    <>
      {provs.map((p) => (
        <Prompt key={p.key} prov={p} stores={props.stores!} onDone={props.onDone} />
      ))}
    </>
  );
}
