/**
 * Store identity from several independent signals (issue #12), in order of trust:
 * 1. `api`: shop/mall ids inside the JSON the console already loads (user-info, shop-info, score, order
 *    or review responses) — the field names per platform are below, with their sources in docs/identity.md;
 * 2. `url`: documented URL parameters of the page or of a whitelisted request (`?mallId=`, `?shop_id=`);
 * 3. `dom`: the page header (the adapter's `identifyFromDom`, a text pattern — the weakest guess).
 *
 * The tracker keeps the latest value of every signal source. One shop id among them → that shop, named by
 * the most trusted source. Two different shop ids from two sources → a conflict: the merchant is asked,
 * nothing is guessed. A source that changes its own value (the console switched shops in the same tab)
 * replaces what every other source said before. Pure: no DOM, no `browser.*`.
 */
import type { PlatformId, StoreIdentity } from '../model';
import { idOf } from './parse-utils';

export type SignalKind = 'api' | 'url' | 'dom';
export const SIGNAL_TRUST: Record<SignalKind, number> = { api: 3, url: 2, dom: 1 };

/** How much a recorded `identifiedBy` (e.g. `api:userInfo.mall_id`, `manual`) is trusted; unknown → 0. */
export function signalTrust(recorded: string | undefined): number {
  if (!recorded) return 0;
  if (recorded === 'manual') return 2.5; // the merchant's answer: above a URL or header, below the console's JSON
  const kind = recorded.slice(0, recorded.indexOf(':')) as SignalKind;
  return SIGNAL_TRUST[kind] ?? 0;
}

/**
 * The store row keeps the most trusted signal that ever identified it: a later page identified by a weaker
 * signal (its API call failed, only the header answered) must not rewrite the row, nor its name.
 */
export function keepStronger(
  prev: { identifiedBy?: string; name?: string } | undefined,
  next: { signal?: string; name?: string },
): { identifiedBy?: string; name?: string } {
  if (!prev?.identifiedBy || (next.signal && signalTrust(next.signal) > signalTrust(prev.identifiedBy)))
    return { identifiedBy: next.signal ?? prev?.identifiedBy, name: next.name ?? prev?.name };
  return { identifiedBy: prev.identifiedBy, name: prev.name ?? next.name };
}

export interface IdentitySignal {
  kind: SignalKind;
  /** e.g. `api:userInfo.mall_id`, `url:mallId`, `dom:header`. */
  source: string;
  shopId: string;
  name?: string;
}

interface FieldSpec {
  /** Keys that hold the shop's id in console JSON, most specific first. */
  id: readonly string[];
  /** Keys that hold the shop's name beside the id. */
  name: readonly string[];
  /** Page / request URL parameters that carry the shop id. */
  url: readonly string[];
  /** Keys of the logged-in account (not the shop) in identity responses: remembered-answer hint. */
  login: readonly string[];
  /** What each signal is, in the merchant's words (capture health says which were missing). */
  describe: { api: string; url: string; dom: string };
}

/** Field names per platform (sources: docs/identity.md). Buyer ids (`userId` in review rows) are never here. */
export const IDENTITY_FIELDS: Record<PlatformId, FieldSpec> = {
  douyin: {
    id: ['shop_id', 'shopId'],
    name: ['shop_name', 'shopName'],
    url: ['shop_id', 'shopId'],
    login: [],
    describe: {
      api: '接口中的 shop_id（店铺列表 getshoplist、体验分 getOverviewByVersion、订单列表）',
      url: '网址参数 shop_id',
      dom: '页头“店铺ID：”',
    },
  },
  taobao: {
    id: ['shopId', 'shop_id', 'sellerId', 'seller_id'],
    name: ['shopName', 'shop_name', 'shopTitle', 'sellerNick'],
    url: ['shopId', 'sellerId'],
    login: [],
    describe: {
      api: '接口中的 shopId / sellerId',
      url: '网址参数 shopId / sellerId',
      dom: '页头“店铺ID：”',
    },
  },
  pdd: {
    id: ['mall_id', 'mallId'],
    name: ['mall_name', 'mallName'],
    url: ['mallId', 'mall_id'],
    login: ['username', 'id'],
    describe: {
      api: '接口中的 mall_id（/janus/api/new/userinfo、commonMallInfo）',
      url: '网址参数 mallId',
      dom: '页头“店铺ID：”',
    },
  },
  jd: {
    id: ['venderId', 'vender_id', 'shopId', 'shop_id'],
    name: ['shopName', 'venderName', 'shop_name'],
    url: ['venderId', 'shopId'],
    login: [],
    describe: {
      api: '接口中的 venderId / shopId（订单列表）',
      url: '网址参数 venderId',
      dom: '页头“店铺ID：”',
    },
  },
  kuaishou: {
    id: ['shopId', 'shop_id', 'sellerId', 'seller_id'],
    name: ['shopName', 'shop_name', 'sellerName'],
    url: ['shopId', 'sellerId'],
    login: ['userId'],
    describe: {
      api: '接口中的 shopId（im.kwaixiaodian.com 用户信息、体验分 getDetail）',
      url: '网址参数 shopId',
      dom: '页头“店铺ID：”',
    },
  },
};

const MAX_NODES = 4000;
const MAX_DEPTH = 6;

/**
 * The one shop id a response carries (every object holding one of the platform's id keys agrees), with
 * its name when the same object has one. Several different ids (a list of shops) → undefined: no guess.
 */
export function identityFromJson(
  platform: PlatformId,
  body: unknown,
  endpoint: string,
): IdentitySignal | undefined {
  const spec = IDENTITY_FIELDS[platform];
  const found = new Map<string, { name?: string; key: string }>();
  // A shop switcher's list marks the shop the page is on (`is_current`): that one, when only one is.
  const current = new Set<string>();
  let nodes = 0;
  const walk = (v: unknown, depth: number) => {
    if (nodes++ > MAX_NODES || depth > MAX_DEPTH || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    for (const k of spec.id) {
      const id = idOf(o[k]);
      if (!id) continue;
      const name = spec.name.map((n) => o[n]).find((n): n is string => typeof n === 'string' && !!n.trim());
      const prev = found.get(id);
      found.set(id, { key: prev?.key ?? k, name: prev?.name ?? name?.trim().slice(0, 200) });
      if ([o.is_current, o.isCurrent, o.current].some((c) => c === true || c === 1)) current.add(id);
      break;
    }
    for (const x of Object.values(o)) if (typeof x === 'object' && x !== null) walk(x, depth + 1);
  };
  walk(body, 0);
  const only =
    found.size === 1
      ? [...found][0]
      : current.size === 1
        ? [...found].find(([id]) => current.has(id))
        : undefined;
  if (!only) return undefined;
  const [shopId, m] = only;
  return { kind: 'api', source: `api:${endpoint}.${m.key}`, shopId, name: m.name };
}

/** The shop id a URL names in its query or in a hash route's query (`#/x?mallId=1`). */
export function identityFromUrl(
  platform: PlatformId,
  url: URL,
  what: 'page' | 'request',
): IdentitySignal | undefined {
  const params = [url.searchParams];
  const q = url.hash.indexOf('?');
  if (q >= 0) params.push(new URLSearchParams(url.hash.slice(q + 1)));
  for (const p of params)
    for (const k of IDENTITY_FIELDS[platform].url) {
      const id = idOf(p.get(k) ?? undefined);
      if (id && /^\d{3,20}$/.test(id)) return { kind: 'url', source: `url:${what}.${k}`, shopId: id };
    }
  return undefined;
}

/** The logged-in account's id in an identity response (hashed before it leaves the page). */
export function loginFromJson(platform: PlatformId, body: unknown): string | undefined {
  const keys = IDENTITY_FIELDS[platform].login;
  if (!keys.length || typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  for (const holder of [b.result, b.data, b]) {
    if (typeof holder !== 'object' || holder === null || Array.isArray(holder)) continue;
    for (const k of keys) {
      const v = idOf((holder as Record<string, unknown>)[k]);
      if (v) return v;
    }
  }
  return undefined;
}

/** FNV-1a, 32 bit, as 8 hex digits: login hints and ids leave the page hashed. */
export function hash32(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export type Resolved =
  { store: StoreIdentity; signal: IdentitySignal } | { conflict: StoreIdentity[] } | { none: true };

/** The latest value of every signal source on one page. */
export class IdentityTracker {
  private bySource = new Map<string, IdentitySignal>();
  constructor(private platform: PlatformId) {}

  observe(sig: IdentitySignal | undefined): void {
    if (!sig) return;
    const prev = this.bySource.get(sig.source);
    // The same source now names another shop: the console switched shops; older signals are stale.
    if (prev && prev.shopId !== sig.shopId) this.bySource.clear();
    this.bySource.set(sig.source, {
      ...sig,
      name: sig.name ?? (prev?.shopId === sig.shopId ? prev.name : undefined),
    });
  }

  has(kind: SignalKind): boolean {
    return [...this.bySource.values()].some((s) => s.kind === kind);
  }

  resolve(): Resolved {
    const sigs = [...this.bySource.values()].sort((a, b) => SIGNAL_TRUST[b.kind] - SIGNAL_TRUST[a.kind]);
    if (!sigs.length) return { none: true };
    const ids = [...new Set(sigs.map((s) => s.shopId))];
    const toIdentity = (s: IdentitySignal): StoreIdentity => ({
      platform: this.platform,
      shopId: s.shopId,
      name: s.name ?? sigs.find((x) => x.shopId === s.shopId && x.name)?.name,
      via: s.kind,
      signal: s.source.slice(0, 100),
    });
    if (ids.length > 1)
      return { conflict: ids.slice(0, 5).map((id) => toIdentity(sigs.find((s) => s.shopId === id)!)) };
    return { store: toIdentity(sigs[0]!), signal: sigs[0]! };
  }
}

/** The signals that did not identify the page, in the merchant's words. */
export function missingSignals(platform: PlatformId): string[] {
  const d = IDENTITY_FIELDS[platform].describe;
  return [d.api, d.url, d.dom];
}
