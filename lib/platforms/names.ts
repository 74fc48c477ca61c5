/**
 * Platform display names and headline scores: plain data, so UI code (the store switcher, first paint
 * of popup and side panel) can show them without loading every adapter and its zod parsers.
 */
import type { PlatformId } from '../model';

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
