/**
 * Resolving which store a batch belongs to, and binding each console document to one store so that a
 * page cannot write records into another store: the first identity a document reports binds it; a batch
 * claiming a different store from the same document is rejected (reload the page after switching shops).
 */
import type { KoubeiDb } from '../db';
import type { PlatformId, Rejection, StoreIdentity } from '../model';
import { storeKey as keyOf } from '../model';
import { PLATFORM_NAMES } from '../platforms/index';

/** Document → store bindings; persisted (chrome.storage.session) so a worker restart keeps them. */
export interface Bindings {
  get(doc: string): Promise<string | undefined>;
  set(doc: string, store: string): Promise<void>;
}

export function memoryBindings(): Bindings {
  const m = new Map<string, string>();
  return { get: async (d) => m.get(d), set: async (d, s) => void m.set(d, s) };
}

/**
 * `park`: the page has not shown which store it is yet and more than one store (or none) of the platform
 * is known — the batch waits (lib/background/pending.ts) until the page identifies itself.
 */
export type Resolution =
  { storeKey: string; identity?: StoreIdentity } | { rejection: Rejection } | { park: true };

export async function resolveStore(
  db: KoubeiDb,
  bindings: Bindings,
  doc: string | undefined,
  platform: PlatformId,
  identity: StoreIdentity | undefined,
): Promise<Resolution> {
  if (identity && identity.platform !== platform) {
    return { rejection: { code: 'store_mismatch', message: '店铺平台与页面平台不一致，已拒绝' } };
  }
  const bound = doc ? await bindings.get(doc) : undefined;
  if (identity) {
    const key = keyOf(platform, identity.shopId);
    if (bound && bound !== key) {
      return {
        rejection: {
          code: 'store_mismatch',
          message: `本页面已绑定店铺 ${bound.split(':')[1]}，却收到店铺 ${identity.shopId} 的数据，已拒绝。如已切换店铺，请刷新页面`,
        },
      };
    }
    if (doc && !bound) await bindings.set(doc, key);
    return { storeKey: key, identity };
  }
  if (bound) return { storeKey: bound };
  // No identity yet on this page. With exactly one store of this platform there is nothing to guess;
  // with several (or none) the batch waits for the page to say which store it is.
  const known = await db.stores.where('platform').equals(platform).toArray();
  if (known.length === 1) {
    if (doc) await bindings.set(doc, known[0]!.key);
    return { storeKey: known[0]!.key };
  }
  return doc ? { park: true } : { rejection: noStore(platform) };
}

export const noStore = (platform: PlatformId): Rejection => ({
  code: 'no_store',
  message: `未能识别${PLATFORM_NAMES[platform]}店铺：请刷新页面，或先打开体验分页面（页头需显示店铺名称与ID）`,
});
