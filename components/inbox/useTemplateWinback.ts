/**
 * 挽回率 per reply template for the inbox (issue #16): the store's replied 差评 of the last 180 days,
 * attributed to templates by their reply text (lib/boards/template-winback.ts). Re-read by the day.
 */
import Dexie from 'dexie';
import { useMemo } from 'preact/hooks';
import { templateWinback, type TemplateWinback } from '@/lib/boards/template-winback';
import { getDb } from '@/lib/db';
import { DAY_MS, type Review } from '@/lib/model';
import type { ReplyTemplate, TemplateSeverity } from '@/lib/replies/types';
import { analyzeText } from '@/lib/text/analyze';
import { useLive } from '../hooks';
import { REPLY_CATEGORY_LABEL } from './labels';

const WINDOW_DAYS = 180;
const LIMIT = 60_000;

/** An append is favourable when its text reads positive and names no complaint (as the 差评挽回 board). */
export const kindAppend = (t: string): boolean => {
  const a = analyzeText(t);
  return a.sentiment.score > 0 && a.categories.length === 0;
};

export function useTemplateWinback(
  storeKey: string,
  templates: readonly ReplyTemplate[] | undefined,
  now: number,
): TemplateWinback | undefined {
  const day = Math.floor(now / DAY_MS);
  const live = useLive(
    async (): Promise<Review[]> =>
      getDb()
        .reviews.where('[storeKey+createdAt]')
        .between([storeKey, (day - WINDOW_DAYS) * DAY_MS], [storeKey, Dexie.maxKey])
        .reverse()
        .limit(LIMIT)
        .filter((r) => r.replied && !!r.replyText)
        .toArray(),
    [storeKey, day],
  );
  return useMemo(
    () => (live.data && templates ? templateWinback(live.data, templates, now, kindAppend) : undefined),
    [live.data, templates, day],
  );
}

const SHORT_SEVERITY: Record<TemplateSeverity, string> = {
  severe: '严重',
  moderate: '一般',
  mild: '轻微',
  any: '通用',
};

/** "物流·一般 2" for `logistics.moderate.2`; the merchant's own templates by their category. */
export function templateName(t: ReplyTemplate): string {
  const n = /\.(\d+)$/.exec(t.id)?.[1];
  return `${REPLY_CATEGORY_LABEL[t.category]}·${SHORT_SEVERITY[t.severity]}${t.source === 'user' ? '（自定义）' : n ? ` ${n}` : ''}`;
}
