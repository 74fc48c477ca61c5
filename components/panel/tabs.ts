/**
 * Side-panel tabs: one line each. A feature adds its tab here and keeps its component in
 * components/panel/<Tab>.tsx. Each tab's code loads when it is first shown (the panel's initial JS stays
 * within its 60 kB budget, issue #7).
 */
import type { FunctionComponent } from 'preact';
import type { Store } from '@/lib/model';
import { lazyComponent } from '../lazy';

export interface PanelTab {
  id: string;
  label: string;
  component: FunctionComponent<{ store: Store }>;
  /** Shown even before any store was captured. */
  storeless?: boolean;
}

export const PANEL_TABS: readonly PanelTab[] = [
  {
    id: 'overview',
    label: '概览',
    component: lazyComponent(() => import('./OverviewTab').then((m) => m.OverviewTab)),
  },
  {
    id: 'diagnosis',
    label: '诊断',
    component: lazyComponent(() => import('./DiagnosisTab').then((m) => m.DiagnosisTab)),
  },
  {
    id: 'alerts',
    label: '预警',
    component: lazyComponent(() => import('./AlertsTab').then((m) => m.AlertsTab)),
  },
  {
    id: 'reviews',
    label: '评价',
    component: lazyComponent(() => import('./ReviewsTab').then((m) => m.ReviewsTab)),
  },
  {
    id: 'inbox',
    label: '回复',
    component: lazyComponent(() => import('./InboxTab').then((m) => m.InboxTab)),
  },
  {
    id: 'insight',
    label: '洞察',
    component: lazyComponent(() => import('./InsightTab').then((m) => m.InsightTab)),
  },
  // issue #16: 运营看板 (components/boards), its own chunk.
  {
    id: 'boards',
    label: '运营看板',
    component: lazyComponent(() => import('../boards/BoardsTab').then((m) => m.BoardsTab)),
  },
  {
    id: 'health',
    label: '采集健康',
    component: lazyComponent(() => import('./HealthTab').then((m) => m.HealthTab)),
    storeless: true,
  },
  {
    id: 'data',
    label: '数据',
    component: lazyComponent(() => import('./DataTab').then((m) => m.DataTab)),
    storeless: true,
  },
];
