import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Store } from '@/lib/model';

type Props = { store?: Store; withImport?: boolean };

/**
 * Loads the 数据 controls on first show, so the side panel's initial script (budget ≤ 60 kB gzip) does
 * not carry them.
 */
export function LazyDataPanel(props: Props) {
  const [Panel, setPanel] = useState<FunctionComponent<Props>>();
  const [error, setError] = useState('');
  useEffect(() => {
    let alive = true;
    import('./DataPanel')
      .then((m) => alive && setPanel(() => m.DataPanel))
      .catch((e: unknown) => alive && setError(String(e)));
    return () => {
      alive = false;
    };
  }, []);
  if (error) return <div class="error">加载失败：{error}</div>;
  return Panel ? <Panel {...props} /> : <div class="muted">加载中…</div>;
}
