/**
 * The side panel's frame: title, store switcher (once loaded), the tab row and the tab's section. Shared
 * by the panel's first paint (entrypoints/sidepanel/main.tsx, issue #15) and its App.
 */
import type { ComponentChildren } from 'preact';
import { PANEL_TABS } from './tabs';

export function PanelFrame(props: {
  active: string;
  onTab?: (id: string) => void;
  switcher?: ComponentChildren;
  /** Above the tabs: the "这是哪个店铺？" question (issue #12). */
  notice?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <div class="panel-root">
      <header class="spread" style="padding:10px 12px 6px">
        <h1 style="font-size:15px">
          口碑助手 <small class="en">Koubei</small>
        </h1>
        {props.switcher}
      </header>
      {props.notice && <div style="padding:0 12px">{props.notice}</div>}
      <nav class="tabs" role="tablist">
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
