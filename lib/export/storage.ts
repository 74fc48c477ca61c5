/**
 * Storage management: how much the extension uses, whether Chrome may evict it (persist), what each store
 * holds, deleting one store's data, and refusing writes that would not fit before they start.
 */
import type { KoubeiDb } from '../db';
import type { Store } from '../model';
import { countsKey } from '../queries';

export interface StorageInfo {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

type StorageLike = Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>;

/** `navigator.storage` figures; fields stay undefined where the browser does not say. */
export async function storageInfo(
  storage: StorageLike | undefined = globalThis.navigator?.storage,
): Promise<StorageInfo> {
  if (!storage) return {};
  const [est, persisted] = await Promise.all([
    storage.estimate().catch(() => ({}) as StorageEstimate),
    storage.persisted().catch(() => undefined),
  ]);
  return { usage: est.usage, quota: est.quota, persisted };
}

export const QUOTA_MESSAGE =
  '浏览器存储空间不足：本次没有写入任何数据（已有数据完好）。请先导出备份，再删除不需要的店铺数据，或清理浏览器空间后重试';

export function isQuotaError(e: unknown): boolean {
  const err = e as { name?: string; message?: string; inner?: unknown } | undefined;
  if (!err) return false;
  return (
    /quota/i.test(`${err.name ?? ''} ${err.message ?? ''}`) ||
    (err.inner !== undefined && isQuotaError(err.inner))
  );
}

/**
 * Whether `bytes` more are likely to fit. IndexedDB stores a record at about twice its JSON size once
 * indexes are counted; keep a 10 % margin of the quota free.
 */
export function roomFor(bytes: number, info: StorageInfo): { ok: boolean; need: number; free?: number } {
  const need = Math.ceil(bytes * 2);
  if (info.quota === undefined || info.usage === undefined) return { ok: true, need };
  const free = info.quota * 0.9 - info.usage;
  return { ok: need <= free, need, free: Math.max(0, free) };
}

export interface StoreUsage {
  store: Store;
  counts: Record<string, number>;
}

/** Tables holding per-store rows: every table with an index whose first part is storeKey. */
function storeTables(db: KoubeiDb) {
  return db.tables
    .filter((t) => t.name !== 'stores')
    .map((t) => {
      const idx = t.schema.indexes.find((i) =>
        Array.isArray(i.keyPath) ? i.keyPath[0] === 'storeKey' : i.keyPath === 'storeKey',
      );
      return idx ? { table: t, index: idx.name, compound: Array.isArray(idx.keyPath) } : undefined;
    })
    .filter((x) => x !== undefined);
}

const rangeOf = (db: KoubeiDb, t: ReturnType<typeof storeTables>[number], storeKey: string) =>
  t.compound
    ? t.table.where(t.index).between([storeKey, -Infinity], [storeKey, []], true, true)
    : t.table.where(t.index).equals(storeKey);

/** Rows per table for every store (index counts only: cheap even with a million rows). */
export async function storeUsage(db: KoubeiDb): Promise<StoreUsage[]> {
  const stores = await db.stores.orderBy('key').toArray();
  const tables = storeTables(db);
  return Promise.all(
    stores.map(async (store) => {
      const counts: Record<string, number> = {};
      for (const t of tables) {
        // Primary keys are `${storeKey}|…` where the key is a string: that also counts rows the
        // compound index leaves out (an order without createdAt).
        counts[t.table.name] =
          t.table.schema.primKey.keyPath === 'key'
            ? await t.table.where(':id').between(`${store.key}|`, `${store.key}|\uffff`).count()
            : await rangeOf(db, t, store.key).count();
      }
      return { store, counts };
    }),
  );
}

/** The merchant must type the shop id or the shop name to delete a store. */
export const confirmMatches = (store: Store, typed: string): boolean =>
  typed.trim() !== '' && (typed.trim() === store.shopId || typed.trim() === store.name);

/** Deletes a store and every row that belongs to it, in one transaction. Runs in the background. */
export async function deleteStore(
  db: KoubeiDb,
  storeKey: string,
  typed: string,
): Promise<Record<string, number>> {
  const store = await db.stores.get(storeKey);
  if (!store) throw new Error('店铺不存在');
  if (!confirmMatches(store, typed)) throw new Error('确认文字与店铺 ID 或名称不符，未删除');
  const tables = storeTables(db);
  const removed: Record<string, number> = {};
  await db.transaction('rw', ['stores', 'meta', ...tables.map((t) => t.table.name)], async () => {
    for (const t of tables) {
      let n = 0;
      if (t.table.schema.primKey.keyPath === 'key')
        n += await t.table.where(':id').between(`${storeKey}|`, `${storeKey}|\uffff`).delete();
      n += await rangeOf(db, t, storeKey).delete();
      removed[t.table.name] = n;
    }
    await db.stores.delete(storeKey);
    await db.meta.delete(countsKey(storeKey));
  });
  return removed;
}
