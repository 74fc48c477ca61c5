/**
 * The capture endpoint of the background: `cs-bg/capture` (a batch of records from a console page) and
 * `cs-bg/identify` (the page has rendered which store it is). Each batch is re-validated, its store
 * resolved and bound to the sending document, then ingested; batches from a page that has not said which
 * store it is yet are parked until it does (lib/background/pending.ts).
 */
import type { CaptureBatch, IngestResult } from '../capture/batch';
import { CaptureBatchSchema } from '../capture/schema';
import type { KoubeiDb } from '../db';
import { isQuotaError } from '../export/storage';
import { onMessage } from '../messaging';
import { PlatformId, StoreIdentity } from '../model';
import * as z from 'zod/mini';
import { bumpBadge } from './badge';
import type { IngestHooks } from './ingest';
import { ingestBatch, ingestResultOf, recordFailure } from './ingest';
import { park, takeExpired, takeParked } from './pending';
import { recordWalkSeen } from './walk-seen';
import { docQueue } from './doc-queue';
import {
  DEFAULT_LOGIN,
  ensureProvisional,
  manualStoreKey,
  moveStore,
  provisionalInfo,
  provisionalName,
  remember,
  rememberedStore,
} from './provisional';
import { recordDrift } from './drift';
import { keepStronger, missingSignals } from '../platforms/identity';
import { requireConsoleTab, requireExtensionPage } from './senders';
import type { Bindings } from './stores';
import { resolveStore } from './stores';

export interface CaptureEnv {
  bindings: Bindings;
  extensionId: string;
  /** Origin of the extension's own pages (UI messages); default `chrome-extension://<id>/`. */
  extensionOrigin?: string;
  hooks?: IngestHooks;
  afterIngest: (storeKey: string) => void;
  now: () => number;
}

const IdentifyMessage = z.object({
  platform: PlatformId,
  login: z.optional(z.string().check(z.regex(/^[0-9a-f]{8}$/))),
  store: z.optional(StoreIdentity),
  unidentified: z.optional(
    z.object({
      missing: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(5)),
      candidates: z.array(StoreIdentity).check(z.maxLength(5)),
    }),
  ),
});
const ConfirmMessage = z.object({
  provisionalKey: z.string().check(z.maxLength(100)),
  storeKey: z.optional(z.string().check(z.maxLength(100))),
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
});
const none = (rejected = 0): IngestResult => ({ added: 0, updated: 0, unchanged: 0, rejected });

export function registerCapture(db: KoubeiDb, env: CaptureEnv): void {
  // One document's identify and capture messages in the order it sent them (lib/background/doc-queue.ts).
  const serial = docQueue();
  const ingest = async (
    batch: CaptureBatch,
    storeKey: string,
    identity?: StoreIdentity,
  ): Promise<IngestResult> => {
    try {
      const r = await ingestBatch(db, batch, { storeKey, identity, now: env.now(), hooks: env.hooks });
      if (r.added + r.updated > 0) env.afterIngest(storeKey);
      await bumpBadge(r.added, r.rejected);
      return ingestResultOf(r);
    } catch (e) {
      const quota = isQuotaError(e);
      const reason = quota
        ? {
            code: 'quota' as const,
            message: '浏览器存储空间已满：本批数据未写入（已有数据完好）。请导出备份后清理旧数据',
          }
        : {
            code: 'internal' as const,
            message: `写入失败：${e instanceof Error ? e.message : String(e)}`.slice(0, 200),
          };
      await recordFailure(db, batch, reason, env.now()).catch(() => undefined);
      await bumpBadge(0, 1);
      throw e;
    }
  };

  /** Ingests what a document parked, now that its store is known. */
  const flush = async (doc: string, storeKey: string, identity?: StoreIdentity) => {
    for (const b of await takeParked(db, doc)) await ingest(b, storeKey, identity);
  };

  /** Files a document under the provisional store of its platform and login, with a health entry. */
  const provisional = async (
    doc: string | undefined,
    platform: PlatformId,
    login: string | undefined,
    missing: string[],
    candidates: StoreIdentity[],
  ): Promise<string> => {
    const key = await ensureProvisional(db, { platform, login, doc, missing, candidates }, env.now());
    if (doc) await env.bindings.set(doc, key);
    await recordIdentityEvent(db, { platform, storeKey: key, missing, candidates }, env.now());
    return key;
  };

  /** Parked batches nobody claimed go to the provisional store: kept, visible, never expired away. */
  const expire = async () => {
    for (const b of await takeExpired(db, env.now())) {
      const key = await provisional(undefined, b.platform, b.login, missingSignals(b.platform), []);
      await ingest(b, key);
    }
  };

  onMessage('cs-bg/capture', async ({ data, sender }): Promise<IngestResult> => {
    // Reject before touching anything: wrong sender or malformed envelope.
    const parsed = CaptureBatchSchema.safeParse(data);
    if (!parsed.success) throw new Error('采集批次格式无效');
    const batch = parsed.data as CaptureBatch;
    const doc = requireConsoleTab(sender, batch.platform, env.extensionId);
    return serial(doc, () => captureBatch(batch, doc, sender.tab!.id!));
  });

  const captureBatch = async (batch: CaptureBatch, doc: string, tabId: number): Promise<IngestResult> => {
    await expire().catch(() => undefined);
    if (batch.drift) await recordDrift(db, batch, env.now()).catch(() => undefined);
    const res = await resolveStore(db, env.bindings, doc, batch.platform, batch.store, {
      login: batch.login,
      now: env.now(),
      hooks: env.hooks,
    });
    if ('park' in res) {
      if (await park(db, doc, batch, env.now()))
        return { ...none(), parked: batch.reviews.length + batch.orders.length + batch.scores.length };
      // Too many parked for one page: straight to the provisional store, never dropped.
      const key = await provisional(doc, batch.platform, batch.login, missingSignals(batch.platform), []);
      await flush(doc, key);
      return ingest(batch, key);
    }
    if ('rejection' in res) {
      await recordFailure(db, batch, res.rejection, env.now());
      await bumpBadge(0, 1);
      return none(batch.seen || 1);
    }
    if (res.identity) env.afterIngest(res.storeKey);
    const r = await ingest(batch, res.storeKey, res.identity);
    await flush(doc, res.storeKey, res.identity);
    // issue #16: what a running full walk has shown (never fails the capture).
    await recordWalkSeen(db, tabId, batch, res.storeKey, env.now()).catch(() => undefined);
    return r;
  };

  onMessage('cs-bg/identify', async ({ data, sender }) => {
    const m = IdentifyMessage.parse(data);
    const doc = requireConsoleTab(sender, m.platform, env.extensionId);
    return serial(doc, () => identify(m, doc));
  });

  const identify = async (m: z.infer<typeof IdentifyMessage>, doc: string): Promise<void> => {
    if (m.store) {
      const before = await env.bindings.get(doc);
      const res = await resolveStore(db, env.bindings, doc, m.platform, m.store, {
        login: m.login,
        now: env.now(),
        hooks: env.hooks,
        allowSwitch: true,
      });
      if ('storeKey' in res) {
        await flush(doc, res.storeKey, res.identity);
        // A store's name or signal can arrive without records (user-info responses).
        await touchStore(db, res.storeKey, m.store, env.now());
        if (before && before !== res.storeKey && (await isRealStore(db, before)))
          await recordSwitchEvent(db, { from: before, to: m.store, storeKey: res.storeKey }, env.now());
        env.afterIngest(res.storeKey);
      }
      return;
    }
    const u = m.unidentified;
    if (!u) return;
    const bound = await env.bindings.get(doc);
    // Nothing new to say about a page that is already filed (unless two signals now disagree).
    if (bound && !u.candidates.length) return void (await flush(doc, bound));
    if (!u.candidates.length) {
      const rem = await rememberedStore(db, m.platform, m.login);
      if (rem) {
        await env.bindings.set(doc, rem);
        return void (await flush(doc, rem));
      }
    }
    const key = await provisional(doc, m.platform, m.login, u.missing, u.candidates);
    await flush(doc, key);
    env.afterIngest(key);
  };

  // The merchant's answer to "这是哪个店铺？" (popup / side panel).
  onMessage('ui-bg/confirm-store', async ({ data, sender }) => {
    requireExtensionPage(sender, env.extensionOrigin ?? `chrome-extension://${env.extensionId}/`);
    const m = ConfirmMessage.parse(data);
    return confirmProvisional(db, env, m);
  });
}

/** Moves a provisional store into the store the merchant picked or named; remembers the answer. */
export async function confirmProvisional(
  db: KoubeiDb,
  env: Pick<CaptureEnv, 'bindings' | 'hooks' | 'afterIngest' | 'now'>,
  m: { provisionalKey: string; storeKey?: string; name?: string },
): Promise<{ storeKey: string }> {
  const prov = await db.stores.get(m.provisionalKey);
  if (!prov?.provisional) throw new Error('这个暂存店铺已确认过或不存在');
  let target: string;
  let name: string | undefined;
  const info = await provisionalInfo(db, prov.key);
  if (m.storeKey) {
    const t = await db.stores.get(m.storeKey);
    // A shop one of two disagreeing signals named may not be stored yet.
    const cand = info?.candidates.find((c) => `${prov.platform}:${c.shopId}` === m.storeKey);
    if (cand && !t) {
      target = m.storeKey;
      name = cand.name;
    } else {
      if (!t || t.platform !== prov.platform || t.provisional) throw new Error('请选择同一平台的已知店铺');
      target = t.key;
    }
  } else if (m.name?.trim()) {
    name = m.name.trim().slice(0, 60);
    target = manualStoreKey(prov.platform, name);
  } else throw new Error('请选择一个店铺，或填写新店铺名称');
  await moveStore(db, prov.key, target, { name, identifiedBy: 'manual' }, env.now(), env.hooks);
  await remember(db, prov.platform, info?.login ?? DEFAULT_LOGIN, target);
  for (const d of info?.docs ?? [])
    if ((await env.bindings.get(d)) === prov.key) await env.bindings.set(d, target);
  env.afterIngest(target);
  return { storeKey: target };
}

/** Records the name and signal a store was identified by, without records. */
async function touchStore(db: KoubeiDb, key: string, id: StoreIdentity, now: number) {
  await db.transaction('rw', db.stores, async () => {
    const prev = await db.stores.get(key);
    const shopId = key.slice(key.indexOf(':') + 1);
    await db.stores.put({
      ...prev,
      key,
      platform: id.platform,
      shopId,
      ...keepStronger(prev, id),
      firstSeen: prev?.firstSeen ?? now,
      lastSeen: Math.max(prev?.lastSeen ?? now, now),
    });
  });
}

/** 采集健康: why the page was filed under the provisional store (which signal was missing / disagreed). */
/** A store that is neither provisional nor gone (a switch away from a provisional store is not news). */
async function isRealStore(db: KoubeiDb, key: string): Promise<boolean> {
  const s = await db.stores.get(key);
  return !!s && !s.provisional;
}

/**
 * A page that was filed under one shop announced another by its own JSON (the console switched shops in
 * this tab, or a page script forged a response): later rows go to the new shop, nothing already stored
 * moves, and 采集健康 says so in both stores, so a switch the merchant did not make is seen at once.
 */
async function recordSwitchEvent(
  db: KoubeiDb,
  o: { from: string; to: StoreIdentity; storeKey: string },
  now: number,
) {
  const fromStore = await db.stores.get(o.from);
  const fromName = fromStore?.name ?? o.from.slice(o.from.indexOf(':') + 1);
  const toName = o.to.name ?? o.to.shopId;
  const message = `本页面从店铺“${fromName}”切换到“${toName}”（依据 ${o.to.signal ?? o.to.via ?? '接口'}）：之后的数据记入“${toName}”，已有数据不变。如不是您切换的，请关闭该页面并检查浏览器扩展`;
  for (const storeKey of [o.from, o.storeKey])
    await db.captureEvents.add({
      at: now,
      platform: o.to.platform,
      storeKey,
      endpoint: '店铺识别',
      page: '',
      source: 'api',
      outcome: 'partial',
      seen: 0,
      added: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      bytes: 0,
      reasons: [{ code: 'store_switch', message: message.slice(0, 200) }],
    });
}

async function recordIdentityEvent(
  db: KoubeiDb,
  o: { platform: PlatformId; storeKey: string; missing: string[]; candidates: StoreIdentity[] },
  now: number,
) {
  const message = o.candidates.length
    ? `两个信号指向不同店铺：${o.candidates.map((c) => `${c.name ?? c.shopId}（${c.signal ?? c.via}）`).join(' 与 ')}。数据已暂存在“${provisionalName(o.platform)}”，请在弹窗回答“这是哪个店铺？”`
    : `未识别店铺：没有找到${o.missing.join('、')}。数据已暂存在“${provisionalName(o.platform)}”，请在弹窗回答“这是哪个店铺？”`;
  await db.captureEvents.add({
    at: now,
    platform: o.platform,
    storeKey: o.storeKey,
    endpoint: '店铺识别',
    page: '',
    source: 'api',
    outcome: 'partial',
    seen: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    bytes: 0,
    reasons: [{ code: 'no_store', message: message.slice(0, 200) }],
  });
}
