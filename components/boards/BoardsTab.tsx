/**
 * 运营看板 (issue #16): 物流异常地图, 客服看板, 差评挽回, 评价引导 and 商品排行 over a chosen window. Loaded
 * only when the tab is first shown; each board is a pure computation of lib/boards over the stored records.
 */
import { useState } from 'preact/hooks';
import type { Store } from '@/lib/model';
import { useNow } from '../inbox/useReplyContext';
import { SegmentedTabs } from '../SegmentedTabs';
import { InvitationBoardView } from './InvitationBoard';
import { LogisticsBoardView } from './LogisticsBoard';
import { RankingBoardView } from './RankingBoard';
import { ServiceBoardView } from './ServiceBoard';
import { WinbackBoardView } from './WinbackBoard';
import { LIMIT, useBoardData } from './useBoardData';
import { lazyComponent } from '../lazy';

/** 月度口碑报告 (issue #14): its own chunk, loaded when first shown. */
const MonthlyReportView = lazyComponent(() => import('./MonthlyReport').then((m) => m.MonthlyReportView));
import './boards.css';

const VIEWS = [
  ['logistics', '物流异常'],
  ['service', '客服'],
  ['winback', '差评挽回'],
  ['invitation', '评价引导'],
  ['ranking', '商品排行'],
  ['monthly', '月度报告'],
] as const;
type View = (typeof VIEWS)[number][0];
/** Days back from now; 0 = everything stored (bounded by LIMIT). */
const PERIODS: [number, string][] = [
  [30, '近30天'],
  [90, '近90天'],
  [0, '全部'],
];

export function BoardsTab(props: { store: Store }) {
  const asked = new URLSearchParams(location.search).get('board');
  const [view, setView] = useState<View>(VIEWS.find(([id]) => id === asked)?.[0] ?? 'logistics');
  const [days, setDays] = useState(30);
  const now = useNow(60_000);
  const data = useBoardData(props.store, days, now);
  const d = data.data;
  return (
    <div class="stack boards" data-testid="boards">
      <SegmentedTabs items={VIEWS} value={view} onChange={setView} label="看板" />
      <div class="row">
        {PERIODS.map(([n, label]) => (
          <button
            key={n}
            aria-pressed={days === n}
            class={days === n ? 'primary' : ''}
            onClick={() => setDays(n)}
          >
            {label}
          </button>
        ))}
        {d && (
          <span class="muted note" data-testid="boards-counts">
            {d.orders.length} 单 · {d.reviews.length} 条评价
            {d.orders.length >= LIMIT || d.reviews.length >= LIMIT ? '（只取最近的部分）' : ''}
          </span>
        )}
      </div>
      {view === 'monthly' ? (
        <MonthlyReportView store={props.store} now={now} />
      ) : data.error ? (
        <div class="error">读取失败：{String(data.error)}</div>
      ) : !d ? (
        <div class="card muted">正在读取…</div>
      ) : view === 'logistics' ? (
        <LogisticsBoardView orders={d.orders} now={now} />
      ) : view === 'service' ? (
        <ServiceBoardView scores={d.scores} />
      ) : view === 'winback' ? (
        <WinbackBoardView reviews={d.reviews} now={now} />
      ) : view === 'invitation' ? (
        <InvitationBoardView store={props.store} orders={d.orders} reviews={d.reviews} now={now} />
      ) : (
        <RankingBoardView orders={d.orders} reviews={d.reviews} />
      )}
    </div>
  );
}
