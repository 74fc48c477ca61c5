import { render } from 'preact';
import '@/components/ui.css';
import type { LazyComponent } from '@/components/lazy';
import { OverviewHead } from '@/components/panel/OverviewHead';
import { PanelFrame, tabFromUrl } from '@/components/panel/PanelFrame';
import { ReviewsView } from '@/components/panel/ReviewsView';
import { SwitcherSpace } from '@/components/SwitcherSpace';
import { clockReady } from '@/lib/clock';
import { readHeadline } from '@/lib/headline/read';

// 概览 and 评价 paint first from the worker's stored headline (issue #15): one storage read with the
// clock's, a small bundle, no Dexie. "Today" and every age come from the extension's one clock
// (lib/clock.ts). Then the full UI loads (with the tab's code, so it takes over with the same markup) and
// replaces it.
const root = document.getElementById('app')!;
const tab = tabFromUrl(location.search);
void Promise.all([clockReady(), readHeadline()]).then(async ([, head]) => {
  const body =
    tab.id === 'overview' && head?.card ? (
      <div class="stack">
        <OverviewHead card={head.card} counts={head.counts} />
      </div>
    ) : tab.id === 'reviews' && head?.recent?.length ? (
      <ReviewsView filter="all" reviews={head.recent} />
    ) : undefined;
  const first = body ? head : undefined;
  if (body) {
    render(
      <PanelFrame active={tab.id} switcher={<SwitcherSpace />}>
        {body}
      </PanelFrame>,
      root,
    );
    // Which UI is on screen (read by e2e/first-paint.spec.ts): the headline, then the full one.
    root.dataset.paint = 'headline';
  }
  const [{ App }] = await Promise.all([
    import('./App'),
    first ? (tab.component as Partial<LazyComponent<object>>).preload?.() : undefined,
  ]);
  render(<App initial={head} />, root);
  root.dataset.paint = 'full';
});
