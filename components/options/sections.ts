/** Options-page sections, one line each; each feature keeps its component in components/options/. */
import type { FunctionComponent } from 'preact';
import { DataSection } from './DataSection';
import { PrivacySection } from './PrivacySection';
import { RepliesSection } from './RepliesSection';
import { ScoreSection } from './ScoreSection';
import { TeamSection } from '../team/TeamSection';

export interface OptionsSection {
  id: string;
  title: string;
  en: string;
  component: FunctionComponent;
}

export const OPTIONS_SECTIONS: readonly OptionsSection[] = [
  { id: 'score', title: '评分与预警', en: 'Score & alerts', component: ScoreSection },
  { id: 'replies', title: '回复话术', en: 'Replies', component: RepliesSection },
  { id: 'team', title: '团队协作', en: 'Team robots', component: TeamSection },
  { id: 'privacy', title: '权限与隐私', en: 'Permissions & privacy', component: PrivacySection },
  { id: 'data', title: '备份与存储', en: 'Backup & storage', component: DataSection },
];
