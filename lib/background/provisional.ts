/**
 * The provisional store (issue #12): when no signal says which shop a console page is within a few
 * seconds, its data is kept — never expired — under "未识别的拼多多店铺", one per platform and console
 * login, and the popup and side panel ask "这是哪个店铺？". The merchant's answer moves every row into the
 * chosen (or newly named) store in one transaction, is remembered per console login, and the provisional
 * store disappears. A store the merchant named is merged, not duplicated, when an API signal later names
 * the shop (`adoptStore`).
 */
import type { KoubeiDb } from '../db';
import type { Order, PlatformId, Review, Store, StoreIdentity } from '../model';
import { storeKey as keyOf } from '../model';
import { PLATFORM_NAMES } from '../platforms/names';
import { hash32 } from '../platforms/identity';
import { countsKey } from '../queries';
import type { IngestHooks, RecordChange } from './ingest';
import { merge, sameContent } from './ingest';

/** What the provisional store knows about why it exists, and which pages fed it. */
export interface ProvisionalInfo {
  platform: PlatformId;
  login: string;
  docs: string[];
  /** The signals that were looked for and not found, in the merchant's words. */
  missing: string[];
  /** Shops that two disagreeing signals named (the prompt offers them first). */
  candidates: StoreIdentity[];
  since: number;
}

export const provInfoKey = (storeKey: string) => `prov|${storeKey}`;
const loginKey = (platform: PlatformId, login: string) => `login|${platform}|${login}`;
const aliasKey = (storeKey: string) => `alias|${storeKey}`;

export const DEFAULT_LOGIN = 'default';
/** Shop ids the extension made up start with these: `?` provisional, `m-` named by the merchant. */
export const isProvisionalId = (shopId: string) => shopId.startsWith('?');
export const isManualId = (shopId: string) => shopId.startsWith('m-');
const shopIdOf = (key: string) => key.slice(key.indexOf(':') + 1);

export const provisionalName = (platform: PlatformId) => `未识别的${PLATFORM_NAMES[platform]}店铺`;

/** Creates (or refreshes) the provisional store of a platform and console login; returns its key. */
export async function ensureProvisional(
  db: KoubeiDb,
  o: { platform: PlatformId; login?: string; doc?: string; missing: string[]; candidates: StoreIdentity[] },
  now: number,
): Promise<string> {
  const login = o.login ?? DEFAULT_LOGIN;
  const key = keyOf(o.platform, `?${login}`);
  await db.transaction('rw', db.stores, db.meta, async () => {
    const prev = await db.stores.get(key);
    await db.stores.put({
      key,
      platform: o.platform,
      shopId: `?${login}`,
      name: provisionalName(o.platform),
      provisional: true,
      firstSeen: prev?.firstSeen ?? now,
      lastSeen: now,
    });
    const info = (await db.meta.get(provInfoKey(key)))?.value as ProvisionalInfo | undefined;
    const docs = [...new Set([...(info?.docs ?? []), ...(o.doc ? [o.doc] : [])])].slice(-50);
    const candidates = [...(info?.candidates ?? []), ...o.candidates]
      .filter((c, i, a) => a.findIndex((x) => x.shopId === c.shopId) === i)
      .slice(0, 5);
    await db.meta.put({
      key: provInfoKey(key),
      value: {
        platform: o.platform,
        login,
        docs,
        missing: o.missing.length ? o.missing : (info?.missing ?? []),
        candidates,
        since: info?.since ?? now,
      } satisfies ProvisionalInfo,
    });
  });
  return key;
}

export async function provisionalInfo(db: KoubeiDb, key: string): Promise<ProvisionalInfo | undefined> {
  return (await db.meta.get(provInfoKey(key)))?.value as ProvisionalInfo | undefined;
}

/** The store the merchant named for this console login before, following merges. */
export async function rememberedStore(
  db: KoubeiDb,
  platform: PlatformId,
  login: string | undefined,
): Promise<string | undefined> {
  const v = (await db.meta.get(loginKey(platform, login ?? DEFAULT_LOGIN)))?.value;
  const key = typeof v === 'string' ? await followAlias(db, v) : undefined;
  return key && (await db.stores.get(key)) ? key : undefined;
}

export async function remember(db: KoubeiDb, platform: PlatformId, login: string, store: string) {
  await db.meta.put({ key: loginKey(platform, login), value: store });
}

/** A store merged into another leaves an alias, so bindings and remembered answers still arrive. */
export async function followAlias(db: KoubeiDb, key: string): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const v = (await db.meta.get(aliasKey(key)))?.value;
    if (typeof v !== 'string') return key;
    key = v;
  }
  return key;
}

/** Tables whose rows are computed from records: dropped for the old store, recomputed for the new. */
const DERIVED = ['aggregates', 'scoreSnapshots', 'alerts', 'scoreMarks', 'reviewFlags'] as const;

export interface MoveResult {
  reviews: number;
  orders: number;
  scores: number;
}

/**
 * Moves every row of store `from` into store `to` in one transaction (records merged with what `to`
 * already holds, the merchant's saved drafts re-keyed, capture-health entries relabelled, derived rows
 * dropped for recomputation), then deletes `from` and leaves an alias behind. `to` is created from
 * `target` when it does not exist yet.
 */
export async function moveStore(
  db: KoubeiDb,
  from: string,
  to: string,
  target: Partial<Pick<Store, 'name' | 'identifiedBy'>>,
  now: number,
  hooks?: IngestHooks,
): Promise<MoveResult> {
  if (from === to) return { reviews: 0, orders: 0, scores: 0 };
  const tables = [
    'stores',
    'meta',
    'reviews',
    'orders',
    'officialScores',
    'captureEvents',
    'replyDrafts',
    ...DERIVED,
    ...(hooks?.tables ?? []),
  ];
  return db.transaction('rw', [...new Set(tables)], async () => {
    const src = await db.stores.get(from);
    if (!src) throw new Error('店铺不存在或已合并');
    const dst = await db.stores.get(to);
    const changes: RecordChange[] = [];
    const rekey = (k: string) => `${to}|${k.slice(from.length + 1)}`;
    const range = <T>(t: string) =>
      db.table<T, string>(t).where(':id').between(`${from}|`, `${from}|\uffff`, true, true);

    const moveRecords = async <T extends Review | Order>(table: 'reviews' | 'orders') => {
      const rows = await range<T>(table).toArray();
      if (!rows.length) return 0;
      const moved = rows.map((r) => ({ ...r, key: rekey(r.key), storeKey: to }));
      const existing = await db.table<T, string>(table).bulkGet(moved.map((r) => r.key));
      const write = moved.map((next, i) => {
        const prev = existing[i];
        if (!prev) {
          changes.push({ table, next } as RecordChange);
          return next;
        }
        const merged = merge(prev, next);
        if (!sameContent(prev, merged)) {
          merged.updatedAt = now;
          changes.push({ table, prev, next: merged } as RecordChange);
        }
        return merged;
      });
      await db.table<T, string>(table).bulkPut(write);
      await range(table).delete();
      return rows.length;
    };
    const reviews = await moveRecords<Review>('reviews');
    const orders = await moveRecords<Order>('orders');

    const scores = await range<{ key: string; storeKey: string }>('officialScores').toArray();
    const have = await db.officialScores.bulkGet(scores.map((s) => rekey(s.key)));
    // The target's own score of a day wins over the provisional one of the same day.
    await db.officialScores.bulkPut(
      scores
        .filter((_, i) => !have[i])
        .map(
          (s) => ({ ...(s as unknown as Record<string, unknown>), key: rekey(s.key), storeKey: to }) as never,
        ),
    );
    await range('officialScores').delete();

    const drafts = await range<{ key: string; storeKey: string }>('replyDrafts').toArray();
    await db.replyDrafts.bulkPut(
      drafts.map(
        (d) => ({ ...(d as unknown as Record<string, unknown>), key: rekey(d.key), storeKey: to }) as never,
      ),
    );
    await range('replyDrafts').delete();

    await db.captureEvents
      .where('[storeKey+at]')
      .between([from, -Infinity], [from, Infinity], true, true)
      .modify({ storeKey: to });

    for (const t of DERIVED) {
      const table = db.table(t);
      await table.where(':id').between(`${from}|`, `${from}|\uffff`, true, true).delete();
      const idx = table.schema.indexes.find((i) =>
        Array.isArray(i.keyPath) ? i.keyPath[0] === 'storeKey' : i.keyPath === 'storeKey',
      );
      if (idx)
        await (
          Array.isArray(idx.keyPath)
            ? table.where(idx.name).between([from, -Infinity], [from, []], true, true)
            : table.where(idx.name).equals(from)
        ).delete();
    }

    await db.stores.put({
      key: to,
      platform: src.platform,
      shopId: shopIdOf(to),
      name: target.name ?? dst?.name ?? (src.provisional ? undefined : src.name),
      category: dst?.category ?? src.category,
      identifiedBy: target.identifiedBy ?? dst?.identifiedBy,
      firstSeen: Math.min(dst?.firstSeen ?? src.firstSeen, src.firstSeen),
      lastSeen: Math.max(dst?.lastSeen ?? 0, src.lastSeen, now),
    });
    await db.stores.delete(from);
    await db.meta.delete(countsKey(from));
    await db.meta.delete(provInfoKey(from));
    await db.meta.put({ key: aliasKey(from), value: to });
    // Remembered answers that named `from` now name `to`.
    const logins = await db.meta.where('key').startsWith(`login|${src.platform}|`).toArray();
    for (const l of logins) if (l.value === from) await db.meta.put({ key: l.key, value: to });
    if (changes.length && hooks?.onChanges) await hooks.onChanges(db, changes);
    return { reviews, orders, scores: scores.length };
  });
}

/** The key of a store the merchant names ("m-" + a hash of the name: the same name twice is one store). */
export const manualStoreKey = (platform: PlatformId, name: string) =>
  keyOf(platform, `m-${hash32(`${platform}|${name.trim()}`)}`);

export { shopIdOf };
