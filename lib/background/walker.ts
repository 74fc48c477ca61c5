/**
 * Persists "采集全部" walks per console tab and page, so a reload or a worker restart resumes them. The
 * state comes from a content script: validated like everything else from there.
 */
import * as z from 'zod/mini';
import type { KoubeiDb } from '../db';
import { onMessage } from '../messaging';
import type { WalkerState } from '../capture/walker';
import { PlatformId } from '../model';
import { requireConsoleTab } from './senders';
import { finishWalk } from './walk-seen';

const WalkerStateSchema = z.object({
  platform: PlatformId,
  path: z.string().check(z.maxLength(300)),
  mode: z.enum(['incremental', 'full']),
  status: z.enum(['running', 'paused', 'done', 'stopped', 'error']),
  pages: z.number().check(z.int(), z.gte(0), z.lte(1_000_000)),
  rowsSeen: z.number().check(z.int(), z.gte(0)),
  added: z.number().check(z.int(), z.gte(0)),
  updated: z.number().check(z.int(), z.gte(0)),
  startedAt: z.number(),
  updatedAt: z.number(),
  note: z.optional(z.string().check(z.maxLength(300))),
});

/** A walk untouched for this long is not resumed automatically. */
export const WALK_TTL_MS = 24 * 3600 * 1000;

const keyOf = (tab: number, platform: string, path: string) => `walker|${tab}|${platform}|${path}`;

export function registerWalker(db: KoubeiDb, env: { extensionId: string; now: () => number }): void {
  onMessage('cs-bg/walker-save', async ({ data, sender }) => {
    const s = WalkerStateSchema.parse(data);
    requireConsoleTab(sender, s.platform, env.extensionId);
    await db.meta.put({ key: keyOf(sender.tab!.id!, s.platform, s.path), value: s });
    // issue #16: a finished full walk marks the reviews it no longer showed (walk-seen.ts).
    await finishWalk(db, sender.tab!.id!, s, env.now()).catch(() => undefined);
  });
  onMessage('cs-bg/walker-load', async ({ data, sender }): Promise<WalkerState | null> => {
    const q = z.object({ platform: PlatformId, path: z.string().check(z.maxLength(300)) }).parse(data);
    requireConsoleTab(sender, q.platform, env.extensionId);
    const row = await db.meta.get(keyOf(sender.tab!.id!, q.platform, q.path));
    const s = WalkerStateSchema.safeParse(row?.value);
    if (!s.success || env.now() - s.data.updatedAt > WALK_TTL_MS) return null;
    return s.data;
  });
}
