/**
 * Resolving which store a batch belongs to, and binding each console document to one store so that a
 * page cannot write records into another store: the first identity a document reports binds it. Another
 * shop named later is rejected, unless the page announces it by an API or URL signal (`cs-bg/identify`):
 * a shop switch in the same tab (the document is rebound). A document bound to the provisional store or to a
 * store the merchant named is merged into the store a strong signal names (issue #12).
 */
import type { KoubeiDb } from '../db';
import type { PlatformId, Rejection, StoreIdentity } from '../model';
import { storeKey as keyOf } from '../model';
import { PLATFORM_NAMES } from '../platforms/names';
import type { IngestHooks } from './ingest';
import {
  DEFAULT_LOGIN,
  followAlias,
  isManualId,
  isProvisionalId,
  moveStore,
  provisionalInfo,
  remember,
  rememberedStore,
  shopIdOf,
} from './provisional';

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
 * `park`: the page has not said which store it is yet (and no answer is remembered for its console
 * login): the batch waits (lib/background/pending.ts) until the page identifies itself, or says that no
 * signal did — then it goes to the provisional store (lib/background/provisional.ts).
 */
export type Resolution =
  { storeKey: string; identity?: StoreIdentity } | { rejection: Rejection } | { park: true };

export interface ResolveOptions {
  /** Hashed console-login hint the page sent. */
  login?: string;
  now?: number;
  /** Ingest hooks, for rows moved when a provisional or merchant-named store meets its real id. */
  hooks?: IngestHooks;
  /**
   * The page itself announced another shop (`cs-bg/identify` after its user-info/shop-list answer changed):
   * a shop switch in the same tab. A *batch* naming another shop than its bound one is still refused.
   */
  allowSwitch?: boolean;
}

export async function resolveStore(
  db: KoubeiDb,
  bindings: Bindings,
  doc: string | undefined,
  platform: PlatformId,
  identity: StoreIdentity | undefined,
  o: ResolveOptions = {},
): Promise<Resolution> {
  if (identity && identity.platform !== platform) {
    return { rejection: { code: 'store_mismatch', message: '店铺平台与页面平台不一致，已拒绝' } };
  }
  const raw = doc ? await bindings.get(doc) : undefined;
  const bound = raw ? await followAlias(db, raw) : undefined;
  const now = o.now ?? 0; // only used when rows move (callers that pass an identity pass now)
  if (identity) {
    const key = keyOf(platform, identity.shopId);
    const strong = identity.via === 'api' || identity.via === 'url';
    if (bound && bound !== key) {
      const boundShop = shopIdOf(bound);
      if (isProvisionalId(boundShop)) {
        // The page was filed under the provisional store; now a signal names it. Its rows move along when
        // no other page fed that provisional store (else the merchant's answer decides).
        const info = await provisionalInfo(db, bound);
        if (info && info.docs.every((d) => d === doc) && (await db.stores.get(bound)))
          await moveStore(
            db,
            bound,
            key,
            { name: identity.name, identifiedBy: identity.signal },
            now,
            o.hooks,
          );
      } else if (isManualId(boundShop) && strong) {
        // The merchant named this shop; an API signal now gives its id: one store, not two.
        if (await db.stores.get(bound))
          await moveStore(
            db,
            bound,
            key,
            { name: identity.name, identifiedBy: identity.signal },
            now,
            o.hooks,
          );
      } else if (!strong || !o.allowSwitch) {
        return {
          rejection: {
            code: 'store_mismatch',
            message: `本页面已绑定店铺 ${boundShop}，却收到店铺 ${identity.shopId} 的数据，已拒绝。如已切换店铺，请刷新页面`,
          },
        };
      }
      // else: the page announced another real shop by an API signal — a shop switch in this tab.
    } else if (!bound && strong && o.login && o.login !== DEFAULT_LOGIN) {
      // A fresh page of a console login whose shop the merchant named before: merge, never duplicate.
      const rem = await rememberedStore(db, platform, o.login);
      if (rem && rem !== key && isManualId(shopIdOf(rem)))
        await moveStore(db, rem, key, { name: identity.name, identifiedBy: identity.signal }, now, o.hooks);
    }
    if (doc && bound !== key) await bindings.set(doc, key);
    if (o.login && strong) await remember(db, platform, o.login, key);
    return { storeKey: key, identity };
  }
  if (bound) return { storeKey: bound };
  // No signal on this page yet: the answer the merchant gave for this console login, else wait.
  const rem = await rememberedStore(db, platform, o.login);
  if (rem) {
    if (doc) await bindings.set(doc, rem);
    return { storeKey: rem };
  }
  return doc ? { park: true } : { rejection: noStore(platform) };
}

export const noStore = (platform: PlatformId): Rejection => ({
  code: 'no_store',
  message: `未能识别${PLATFORM_NAMES[platform]}店铺：请刷新页面，或先打开体验分页面（页头需显示店铺名称与ID）`,
});
