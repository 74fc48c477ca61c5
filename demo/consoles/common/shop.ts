/**
 * The shop each simulated console shows. Every console renders the same world, but as a different
 * store (its own id and name, derived from the world's shop), the way a merchant who sells on several
 * platforms sees separate stores. 抖店 keeps the world's own shop.
 */
import type { PlatformId } from '../../../lib/model';
import type { World } from '../../generator/types';

export interface ConsoleShop {
  id: string;
  name: string;
}

/** Id prefix and length, and the name suffix, per platform (ids look like the platform's own). */
const SPEC: Record<Exclude<PlatformId, 'douyin'>, { prefix: string; digits: number; suffix: string }> = {
  taobao: { prefix: '22', digits: 10, suffix: '淘宝店' },
  pdd: { prefix: '6', digits: 9, suffix: '拼多多店' },
  jd: { prefix: '1', digits: 8, suffix: '京东专营店' },
  kuaishou: { prefix: '5', digits: 8, suffix: '快手小店' },
};

/** FNV-1a over the text: a stable, well-spread 32-bit number. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The store `platform`'s console shows for this world. Pure: same world shop → same store. */
export function consoleShop(world: World, platform: PlatformId): ConsoleShop {
  if (platform === 'douyin') return { id: world.shop.id, name: world.shop.name };
  const { prefix, digits, suffix } = SPEC[platform];
  const width = digits - prefix.length;
  const n = fnv1a(`${platform}:${world.shop.id}`) % 10 ** width;
  return { id: prefix + String(n).padStart(width, '0'), name: world.shop.name + suffix };
}
