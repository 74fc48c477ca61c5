import { num } from '../format';
import type { Task } from './useTask';

/** Progress bar with a cancel button while a task runs; its error otherwise. */
export function Progress<R>(props: { task: Task<R>; unit?: string }) {
  const t = props.task;
  if (t.error)
    return (
      <div class="error" role="alert">
        {t.error}
      </div>
    );
  if (!t.running) return null;
  const pct = t.total ? Math.min(100, Math.round((t.done / t.total) * 100)) : undefined;
  return (
    <div class="stack" data-testid="progress">
      <div class="bar" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
        <i style={`width:${pct ?? 5}%`} />
      </div>
      <div class="spread">
        <span class="muted">
          {t.label ? `${t.label}：` : ''}
          {num(t.done)}
          {t.total ? ` / ${num(t.total)}` : ''} {props.unit ?? '条'}
        </span>
        <button onClick={() => t.cancel()}>取消</button>
      </div>
    </div>
  );
}
