/**
 * Side-panel tabs: one line each. A feature adds its tab here and keeps its component in
 * components/panel/<Tab>.tsx.
 */
import type { FunctionComponent } from 'preact';
import type { Store } from '@/lib/model';
import { AlertsTab } from './AlertsTab';
import { DataTab } from './DataTab';
import { DiagnosisTab } from './DiagnosisTab';
import { HealthTab } from './HealthTab';
import { InboxTab } from './InboxTab';
import { InsightTab } from './InsightTab';
import { OverviewTab } from './OverviewTab';
import { ReviewsTab } from './ReviewsTab';

export interface PanelTab {
  id: string;
  label: string;
  component: FunctionComponent<{ store: Store }>;
  /** Shown even before any store was captured. */
  storeless?: boolean;
}

export const PANEL_TABS: readonly PanelTab[] = [
  { id: 'overview', label: '概览', component: OverviewTab },
  { id: 'diagnosis', label: '诊断', component: DiagnosisTab },
  { id: 'alerts', label: '预警', component: AlertsTab },
  { id: 'reviews', label: '评价', component: ReviewsTab },
  { id: 'inbox', label: '回复', component: InboxTab },
  { id: 'insight', label: '洞察', component: InsightTab },
  { id: 'health', label: '采集健康', component: HealthTab, storeless: true },
  { id: 'data', label: '数据', component: DataTab, storeless: true },
];
