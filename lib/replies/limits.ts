/**
 * Reply length limits per platform. None of the consoles' limits were found in public sources, so all
 * are conservative guesses [G]: 500 characters is below every limit merchants report.
 */
import type { PlatformId } from '../model';

export interface ReplyLimit {
  maxChars: number;
  confidence: 'S' | 'M' | 'G';
}

export const REPLY_LIMITS: Readonly<Record<PlatformId, ReplyLimit>> = {
  douyin: { maxChars: 500, confidence: 'G' },
  taobao: { maxChars: 500, confidence: 'G' },
  pdd: { maxChars: 500, confidence: 'G' },
  jd: { maxChars: 500, confidence: 'G' },
  kuaishou: { maxChars: 500, confidence: 'G' },
};

export const PLATFORM_LABEL: Readonly<Record<PlatformId, string>> = {
  douyin: '抖店',
  taobao: '淘宝/天猫',
  pdd: '拼多多',
  jd: '京东',
  kuaishou: '快手小店',
};

/** Length in characters as the consoles count them (Unicode code points, emoji = 1). */
export function replyLength(text: string): number {
  return Array.from(text).length;
}
