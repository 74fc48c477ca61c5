/**
 * Saving a robot target (options → 团队协作): validate, ask for the webhook origin's optional host
 * permission first (while the click's user gesture lasts: Chrome only prompts then), store with a new
 * revision (a target that failed permanently is retried after a re-save), and say what happened.
 */
import { targetProblems, webhookOriginPattern } from '@/lib/team/targets';
import type { StoredTarget, Target, TeamSettings } from '@/lib/team/types';

export interface SaveDeps {
  request(origins: string[]): Promise<boolean>;
  store(v: TeamSettings): Promise<void>;
  newId(): string;
}

export type TargetDraft = Omit<Target, 'id' | 'enabled'> & { id?: string };

/** Returns the note to show and whether it was stored. */
export async function saveTarget(
  settings: TeamSettings,
  draft: TargetDraft,
  deps: SaveDeps,
): Promise<{ saved: boolean; note: string }> {
  const clean = {
    ...draft,
    name: draft.name.trim(),
    webhook: draft.webhook.trim(),
    secret: draft.secret.trim(),
  };
  const problems = targetProblems(clean);
  if (problems.block.length) return { saved: false, note: problems.block.join('；') };
  if (!clean.storeKey) return { saved: false, note: '请选择店铺' };
  const pattern = webhookOriginPattern(clean.webhook)!;
  const granted = await deps.request([pattern]).catch(() => false);
  const prev = settings.targets.find((t) => t.id === draft.id);
  const target: StoredTarget = {
    ...clean,
    id: prev?.id ?? deps.newId(),
    name: clean.name || '群机器人',
    enabled: prev?.enabled ?? true,
    rev: (prev?.rev ?? 0) + 1,
  };
  await deps.store({
    ...settings,
    targets: prev
      ? settings.targets.map((t) => (t.id === prev.id ? target : t))
      : [...settings.targets, target],
  });
  const warn = problems.warn.length ? `（注意：${problems.warn.join('；')}）` : '';
  return {
    saved: true,
    note: granted
      ? `已保存并获得 ${pattern} 的访问权限，可以发送测试消息${warn}`
      : `已保存，但未获得 ${pattern} 的访问权限：消息会留在待发队列里，重新保存并允许后发出${warn}`,
  };
}
