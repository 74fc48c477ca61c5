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

// Names and headline scores live in names.ts (UI code imports them without the adapters).
export { MAIN_SCORE, PLATFORM_NAMES } from './names';

/** Where a merchant starts capturing, per platform (for empty states). */
export function startPagesOf(id: PlatformId): readonly { label: string; url: string }[] {
  return adapterById(id)?.startPages ?? [];
}
