/** The reply context (templates, ladder, deadlines) from settings, with a clock that ticks every 30 s. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { buildContext, type AnnotateContext } from '@/lib/replies/annotate';
import { replyDeadlineItem, replyModelItem, replySettingsItem } from '@/lib/settings';
import { useStorageItem } from '../hooks';
import { now as clockNow } from '@/lib/clock';

/** The clock's `now()` (lib/clock.ts), refreshed every `everyMs`: countdowns re-render without each card owning a timer. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(clockNow());
  useEffect(() => {
    const t = setInterval(() => setNow(clockNow()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export function useReplyContext(): AnnotateContext | undefined {
  const [settings] = useStorageItem(replySettingsItem);
  const [prefs] = useStorageItem(replyDeadlineItem);
  const now = useNow();
  return useMemo(
    () => (settings === undefined || prefs === undefined ? undefined : buildContext(settings, prefs, now)),
    [settings, prefs, now],
  );
}

/** Whether model drafting is switched on (the inbox shows "AI 起草" only then). */
export function useModelEnabled(): boolean {
  const [model] = useStorageItem(replyModelItem);
  return !!model?.enabled;
}
