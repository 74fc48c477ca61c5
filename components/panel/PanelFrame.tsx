/**
 * The side panel's frame: title, store switcher (once loaded), the tab row and the tab's section. Shared
 * by the panel's first paint (entrypoints/sidepanel/main.tsx, issue #15) and its App.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { PANEL_TABS } from './tabs';

/**
 * The tab row scrolls sideways when the panel is too narrow for it (components/ui.css `.tabs`): the
 * selected tab is kept in view, and a vertical mouse wheel over the row scrolls it sideways (until its end,
 * then the page scrolls as usual).
 */
function keepSelectedInView(bar: HTMLElement | null) {
  const tab = bar?.querySelector<HTMLElement>('[aria-selected="true"]');
  if (!bar || !tab) return;
  const pad = 24;
  const left = tab.offsetLeft - pad;
  const right = tab.offsetLeft + tab.offsetWidth + pad - bar.clientWidth;
  if (bar.scrollLeft > left) bar.scrollLeft = left;
  else if (bar.scrollLeft < right) bar.scrollLeft = right;
}

function wheelSideways(e: WheelEvent) {
  const bar = e.currentTarget as HTMLElement;
  if (e.deltaX || !e.deltaY || e.ctrlKey) return;
  const max = bar.scrollWidth - bar.clientWidth;
  const next = Math.max(0, Math.min(max, bar.scrollLeft + e.deltaY));
  if (next === bar.scrollLeft) return;
  e.preventDefault();
  bar.scrollLeft = next;
}

export function PanelFrame(props: {
  active: string;
  onTab?: (id: string) => void;
  switcher?: ComponentChildren;
  /** Above the tabs: the "这是哪个店铺？" question (issue #12). */
  notice?: ComponentChildren;
  children: ComponentChildren;
}) {
  const bar = useRef<HTMLElement>(null);
  useLayoutEffect(() => keepSelectedInView(bar.current), [props.active]);
  return (
    <div class="panel-root">
      <header class="spread" style="padding:10px 12px 6px">
        <h1 style="font-size:15px">
          口碑助手 <small class="en">Koubei</small>
        </h1>
        {props.switcher}
      </header>
      {props.notice && <div style="padding:0 12px">{props.notice}</div>}
      <nav class="tabs" role="tablist" ref={bar} onWheel={wheelSideways}>
        {PANEL_TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            aria-selected={t.id === props.active}
            onClick={() => props.onTab?.(t.id)}
            data-tab={t.id}
          >
            {t.label}
          </button>
        ))}
      </nav>
      <section style="padding:12px" role="tabpanel">
        {props.children}
      </section>
    </div>
  );
}

/** The tab a panel URL asks for (`?tab=`), else the first. */
export const tabFromUrl = (search: string): (typeof PANEL_TABS)[number] => {
  const id = new URLSearchParams(search).get('tab');
  return PANEL_TABS.find((t) => t.id === id) ?? PANEL_TABS[0]!;
};
