/**
 * The registry: every adapter, one line each. Adding a platform = one file in lib/platforms/, one line
 * here, its endpoints in endpoints.ts, its hosts in hosts.ts, fixtures in __fixtures__/<id>/ and an
 * entrypoint `entrypoints/<id>.content.ts` (registry.test.ts checks all of these).
 */
import type { PlatformId } from '../model';
import { douyin } from './douyin';
import { jd } from './jd';
import { kuaishou } from './kuaishou';
import { pdd } from './pdd';
import { taobao } from './taobao';
import type { PlatformAdapter } from './types';

export const ADAPTERS: readonly PlatformAdapter[] = [douyin, taobao, pdd, jd, kuaishou];

export function adapterById(id: PlatformId): PlatformAdapter | undefined {
  return ADAPTERS.find((a) => a.id === id);
}

export const PLATFORM_NAMES: Record<PlatformId, string> = {
  douyin: '抖店',
  taobao: '淘宝/天猫',
  pdd: '拼多多',
  jd: '京东',
  kuaishou: '快手小店',
};

/** The headline score each platform's console shows, and where we keep it. */
export const MAIN_SCORE: Record<PlatformId, { kind: string; label: string }> = {
  douyin: { kind: 'douyin.experience', label: '商家体验分' },
  taobao: { kind: 'taobao.real_experience', label: '真实体验分' },
  pdd: { kind: 'pdd.service', label: '消费者服务体验分' },
  jd: { kind: 'jd.review', label: '店铺评分（估算）' },
  kuaishou: { kind: 'kuaishou.experience', label: '店铺体验分' },
};

/** Where a merchant starts capturing, per platform (for empty states). */
export function startPagesOf(id: PlatformId): readonly { label: string; url: string }[] {
  return adapterById(id)?.startPages ?? [];
}
