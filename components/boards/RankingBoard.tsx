/** Product ranking: 差评率, share of the score lost, main complaint categories; warning above 3 % defects. */
import { useMemo } from 'preact/hooks';
import { productRanking } from '@/lib/boards/ranking';
import type { Order, Review } from '@/lib/model';
import { analyzeReview } from '@/lib/text/analyze';
import { CATEGORY_LABEL } from '@/lib/text/types';
import { pct } from './useBoardData';

const categorize = (r: Review) => analyzeReview(r).categories;

export function RankingBoardView(props: { orders: readonly Order[]; reviews: readonly Review[] }) {
  const rows = useMemo(
    () => productRanking(props.orders, props.reviews, categorize),
    [props.orders, props.reviews],
  );
  const warned = rows.filter((r) => r.warn);
  return (
    <div class="stack" data-testid="ranking-board">
      {warned.length > 0 && (
        <div class="error" data-testid="defect-warning">
          次品率超过 3%：{warned.map((r) => `${r.name}（${pct(r.defectRate)}）`).join('、')}
          。请联系供应商或检查批次。
        </div>
      )}
      <div class="table-scroll">
        <table class="grid">
          <thead>
            <tr>
              <th>商品</th>
              <th class="num">评价</th>
              <th class="num">差评率</th>
              <th class="num">失分占比</th>
              <th class="num">次品率</th>
              <th>主要问题</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 50).map((r) => (
              <tr key={r.productId} data-product={r.productId} data-warn={r.warn}>
                <td>{r.name}</td>
                <td class="num">{r.reviews}</td>
                <td class="num">{pct(r.negativeRate)}</td>
                <td class="num">{pct(r.lostShare)}</td>
                <td class={`num ${r.warn ? 'grade-below' : ''}`} title={`${r.defects} / ${r.signed} 单`}>
                  {pct(r.defectRate)}
                </td>
                <td>
                  {r.complaints
                    .slice(0, 2)
                    .map((c) => `${CATEGORY_LABEL[c.category]} ${c.count}`)
                    .join('、')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="muted note">
        失分占比 = 该商品评价少于 5 星的星数占全店的比例；次品率 = 质量/描述不符/破损售后或此类差评的订单 ÷
        已签收订单。
      </div>
    </div>
  );
}
