/** A cancellable long job for the 数据 tab: progress, error and result, one at a time. */
import { useRef, useState } from 'preact/hooks';

export interface TaskState<R> {
  running: boolean;
  done: number;
  total?: number;
  label?: string;
  error?: string;
  result?: R;
}

export interface Task<R> extends TaskState<R> {
  run(
    job: (
      signal: AbortSignal,
      progress: (done: number, total?: number, label?: string) => void,
    ) => Promise<R>,
  ): Promise<void>;
  cancel(): void;
  reset(): void;
}

const message = (e: unknown): string =>
  e instanceof DOMException && e.name === 'AbortError'
    ? '已取消'
    : e instanceof Error
      ? e.message
      : String(e);

export function useTask<R>(): Task<R> {
  const [state, setState] = useState<TaskState<R>>({ running: false, done: 0 });
  const ctrl = useRef<AbortController | undefined>(undefined);
  return {
    ...state,
    async run(job) {
      ctrl.current?.abort();
      const ac = new AbortController();
      ctrl.current = ac;
      setState({ running: true, done: 0 });
      try {
        const result = await job(ac.signal, (done, total, label) =>
          setState((s) => ({ ...s, done, total, label: label ?? s.label })),
        );
        setState((s) => ({ ...s, running: false, result }));
      } catch (e) {
        setState((s) => ({ ...s, running: false, error: message(e) }));
      }
    },
    cancel: () => ctrl.current?.abort(),
    reset: () => setState({ running: false, done: 0 }),
  };
}
