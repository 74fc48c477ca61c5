/**
 * A component whose code loads on first render (a dynamic `import()` chunk), so a page's first paint
 * carries only what it shows at once. Small on purpose: preact/compat's `lazy` + `Suspense` would add
 * their own weight to the initial bundle.
 */
import type { ComponentChild, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** `preload()`: loads the code now, so the first render draws the component itself (issue #15). */
export type LazyComponent<P> = FunctionComponent<P> & { preload: () => Promise<void> };

export function lazyComponent<P extends object>(load: () => Promise<FunctionComponent<P>>): LazyComponent<P> {
  let loaded: FunctionComponent<P> | undefined;
  let failed: unknown;
  let pending: Promise<void> | undefined;
  const start = () =>
    (pending ??= load().then(
      (c) => void (loaded = c),
      (e: unknown) => void (failed = e),
    ));
  function Lazy(props: P): ComponentChild {
    const [, setTick] = useState(0);
    useEffect(() => {
      if (loaded || failed) return;
      let live = true;
      void start().then(() => live && setTick((n) => n + 1));
      return () => void (live = false);
    }, []);
    const Loaded = loaded;
    if (Loaded) return <Loaded {...props} />;
    if (failed) return <div class="error">界面加载失败：{String(failed)}。请关闭后重新打开。</div>;
    return <div class="muted">加载中…</div>;
  }
  return Object.assign(Lazy, { preload: start });
}
