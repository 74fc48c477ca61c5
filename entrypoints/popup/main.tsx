import { render } from 'preact';
import '@/components/ui.css';
import { PopupFrame, PopupStore } from '@/components/popup/PopupBody';
import { SwitcherSpace } from '@/components/SwitcherSpace';
import { clockReady } from '@/lib/clock';
import { readHeadline } from '@/lib/headline/read';

// First paint from the worker's stored headline (issue #15): one storage read with the clock's, a small
// bundle, no Dexie. "Today" and every age come from the extension's one clock (lib/clock.ts). Then the
// full UI loads and takes over with the same markup.
const root = document.getElementById('app')!;
void Promise.all([clockReady(), readHeadline()]).then(async ([, head]) => {
  if (head?.card) {
    render(
      <PopupFrame switcher={<SwitcherSpace />}>
        <PopupStore card={head.card} counts={head.counts} />
      </PopupFrame>,
      root,
    );
    // Which UI is on screen (read by e2e/first-paint.spec.ts): the headline, then the full one.
    root.dataset.paint = 'headline';
  }
  const { App } = await import('./App');
  render(<App initial={head} />, root);
  root.dataset.paint = 'full';
});
