/** Preact hooks over Dexie liveQuery and WXT storage items. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

export interface Live<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
}

/**
 * Re-runs `query` whenever the tables it read change — including writes made by the service worker,
 * which Dexie broadcasts to extension pages.
 */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ loading: true });
  useEffect(() => {
    setState((s) => ({ ...s, loading: true }));
    const sub = liveQuery(query).subscribe({
      next: (data) => setState({ data, loading: false }),
      error: (error: unknown) => setState({ error, loading: false }),
    });
    return () => sub.unsubscribe();
  }, deps);
  return state;
}

/** The value of a storage item, kept in sync with changes from any context. */
export function useStorageItem<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
): [T | undefined, (v: T) => Promise<void>] {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    void item.getValue().then((v) => alive && setValue(v));
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      alive = false;
      unwatch();
    };
  }, [item]);
  return [value, (v: T) => item.setValue(v)];
}
