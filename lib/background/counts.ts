/**
 * Stored-record counts per store, kept in `meta` (`counts|<storeKey>`) by the ingest/restore hook, so the
 * popup and side panel read two numbers instead of counting an index: IndexedDB's count() walks every
 * entry, and at 100k rows the popup's first paint took over a second (issue #7 bench).
 *
 * A counter exists only once `recount` wrote it inside a transaction over reviews, orders and meta, so it
 * is exact from then on: every later insert goes through the hook in its own transaction. Stores without a
 * counter (an old database, rows written another way) are recounted by the worker at start-up and after
 * an aggregate rebuild; until then readers count the index themselves (lib/queries.ts storeCounts).
 */
import type { KoubeiDb } from '../db';
import { COUNTS_PREFIX, countsKey, type StoreCountsRow } from '../queries';
import type { IngestHooks, RecordChange } from './ingest';

/** Adds inserted records (changes without `prev`) to their stores' counters. */
export function countHooks(): IngestHooks {
  return {
    tables: ['meta'],
    async onChanges(db: KoubeiDb, changes: RecordChange[]) {
      const added = new Map<string, { reviews: number; orders: number }>();
      for (const c of changes) {
        if (c.prev) continue;
        const a = added.get(c.next.storeKey) ?? { reviews: 0, orders: 0 };
        a[c.table]++;
        added.set(c.next.storeKey, a);
      }
      for (const [storeKey, a] of added) {
        const row = await db.meta.get(countsKey(storeKey));
        if (!row) continue; // not counted yet: recount() will include these rows
        const v = row.value as StoreCountsRow;
        await db.meta.put({
          key: row.key,
          value: { reviews: v.reviews + a.reviews, orders: v.orders + a.orders } satisfies StoreCountsRow,
        });
      }
    },
  };
}

/**
 * The hooks in one transaction, run concurrently: they write different rows, so their requests go out
 * together and the batch waits for IndexedDB once, not once per hook.
 */
export function combineHooks(...hooks: IngestHooks[]): IngestHooks {
  return {
    tables: [...new Set(hooks.flatMap((h) => h.tables ?? []))],
    async onChanges(db, changes) {
      await Promise.all(hooks.map((h) => h.onChanges?.(db, changes)));
    },
  };
}

/** Counts a store's records and writes its counter, atomically with respect to ingest. */
export async function recount(db: KoubeiDb, storeKey: string): Promise<StoreCountsRow> {
  return db.transaction('rw', ['reviews', 'orders', 'meta'], async () => {
    const value: StoreCountsRow = {
      reviews: await db.reviews.where('storeKey').equals(storeKey).count(),
      orders: await db.orders.where('storeKey').equals(storeKey).count(),
    };
    await db.meta.put({ key: countsKey(storeKey), value });
    return value;
  });
}

/** Recounts every store without a counter (all stores with `all`); drops counters of deleted stores. */
export async function ensureCounts(db: KoubeiDb, all = false): Promise<void> {
  const stores = await db.stores.toCollection().primaryKeys();
  const have = new Set(
    (await db.meta.where(':id').startsWith(COUNTS_PREFIX).primaryKeys()).map((k) =>
      String(k).slice(COUNTS_PREFIX.length),
    ),
  );
  for (const s of stores) if (all || !have.has(s)) await recount(db, s);
  const gone = [...have].filter((s) => !stores.includes(s));
  if (gone.length) await db.meta.bulkDelete(gone.map(countsKey));
}
