/**
 * The top of the side panel's 概览: score card, most urgent item and record counts. Shared by the panel's
 * first paint from the stored headline (entrypoints/sidepanel/main.tsx, issue #15) and OverviewTab, so the
 * hand-over changes no layout. No Dexie here.
 */
import type { CardSnapshot } from '@/lib/score-view/types';
import { num } from '../format';
import { ScoreCard } from '../score/ScoreCard';
import { snoozeAlert } from '../score/snooze';
import { UrgentCard } from '../score/UrgentCard';

const open = (tab: string) => (location.search = `?tab=${tab}`);

export function OverviewHead(props: { card?: CardSnapshot; counts?: { reviews: number; orders: number } }) {
  const { card, counts } = props;
  const head = card?.head;
  return (
    <>
      {card && head ? (
        <>
          <ScoreCard snapshot={card} />
          <UrgentCard urgent={head.urgent} onSnooze={snoozeAlert} onOpen={() => open('diagnosis')} />
        </>
      ) : (
        <div class="card muted">正在计算评分…</div>
      )}
      <div class="card kpis">
        <div>
          已保存评价 <b>{counts ? num(counts.reviews) : '…'}</b>
        </div>
        <div>
          订单 <b>{counts ? num(counts.orders) : '…'}</b>
        </div>
      </div>
    </>
  );
}
