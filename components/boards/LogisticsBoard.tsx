/**
 * 物流异常订单地图: provinces coloured by the chosen abnormality rate with counts, the couriers side by side,
 * and a province's abnormal orders on click; graded against the guides' standards.
 */
import { useMemo, useState } from 'preact/hooks';
import {
  ABNORMALITY_LABEL,
  abnormalOrders,
  logisticsBoard,
  type LogisticsGroup,
} from '@/lib/boards/logistics';
import { MAP_SCALES, binOf, metricOf, type MapMetric } from '@/lib/boards/tilemap';
import { GRADE_LABEL, LOGISTICS_STANDARDS, type Grade } from '@/lib/boards/standards';
import type { Order } from '@/lib/model';
import { shortTime } from '../format';
import { lazyComponent } from '../lazy';
import { pct } from './useBoardData';

/** The tile map is its own chunk, fetched only when this board is shown. */
const ProvinceMap = lazyComponent(() => import('./ProvinceMap').then((m) => m.ProvinceMap));

const METRICS: [MapMetric, string][] = [
  ['lateShip', '发货超时率'],
  ['lateDelivery', '配送超时率'],
  ['damage', '破损率'],
];

function GradeCell({ value, grade }: { value?: number; grade?: Grade }) {
  return (
    <td class={`num grade-${grade ?? 'none'}`} title={grade ? GRADE_LABEL[grade] : undefined}>
      {pct(value, 2)}
    </td>
  );
}

function Standards({ total }: { total: LogisticsGroup }) {
  const S = LOGISTICS_STANDARDS;
  const rows: [string, number | undefined, Grade | undefined, string][] = [
    [S.onTimeShip.label, total.onTimeShipRate, total.grades.onTimeShip, '行业 ≥85% / 优秀 ≥98%'],
    [S.collectDelay.label, total.collectDelayRate, total.grades.collectDelay, '行业 ≤5% / 优秀 ≤1%'],
    [S.damage.label, total.damageRate, total.grades.damage, '行业 ≤0.3% / 优秀 ≤0.1%'],
  ];
  return (
    <div class="table-scroll">
      <table class="grid" data-testid="logistics-standards">
        <thead>
          <tr>
            <th>指标</th>
            <th class="num">本店</th>
            <th>标准</th>
            <th>评级</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, v, g, std]) => (
            <tr key={label} data-metric={label} data-grade={g ?? ''}>
              <td>{label}</td>
              <GradeCell value={v} grade={g} />
              <td class="muted">{std}</td>
              <td class={`grade-${g ?? 'none'}`}>{g ? GRADE_LABEL[g] : '暂无数据'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OrdersOf(props: { orders: readonly Order[]; province: string; now: number }) {
  const list = useMemo(
    () => abnormalOrders(props.orders, props.province, props.now),
    [props.orders, props.province, props.now],
  );
  return (
    <div class="card" data-testid="province-orders" data-province={props.province}>
      <b>{props.province} 的异常订单</b> <span class="muted">{list.length} 单</span>
      <div class="table-scroll">
        <table class="grid">
          <thead>
            <tr>
              <th>订单号</th>
              <th>付款</th>
              <th>快递</th>
              <th>异常</th>
            </tr>
          </thead>
          <tbody>
            {list.slice(0, 20).map(({ order: o, flags }) => (
              <tr key={o.key} data-key={o.key}>
                <td>{o.orderId}</td>
                <td>{o.paidAt ? shortTime(o.paidAt) : '—'}</td>
                <td>{o.carrier ?? '—'}</td>
                <td>{flags.map((f) => ABNORMALITY_LABEL[f]).join('、')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.length > 20 && <div class="muted note">只列出最近 20 单</div>}
    </div>
  );
}

export function LogisticsBoardView(props: { orders: readonly Order[]; now: number }) {
  const board = useMemo(() => logisticsBoard(props.orders, props.now), [props.orders, props.now]);
  const [metric, setMetric] = useState<MapMetric>('lateShip');
  const [selected, setSelected] = useState<string | undefined>();
  if (!board.total.orders)
    return <div class="card muted">这段时间没有已付款的订单。请打开后台的订单列表页。</div>;
  return (
    <div class="stack" data-testid="logistics-board">
      <Standards total={board.total} />
      <div class="row segmented" role="tablist" aria-label="着色指标">
        {METRICS.map(([id, label]) => (
          <button
            key={id}
            role="tab"
            aria-selected={metric === id}
            class={metric === id ? 'primary' : ''}
            onClick={() => setMetric(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <ProvinceMap provinces={board.provinces} metric={metric} selected={selected} onSelect={setSelected} />
      {selected && <OrdersOf orders={props.orders} province={selected} now={props.now} />}
      <details class="province-list" open={board.provinces.length <= 8}>
        <summary>按省份列表（{board.provinces.length} 个）</summary>
        <div class="table-scroll">
          <table class="grid" data-testid="province-table">
            <thead>
              <tr>
                <th>省份</th>
                <th class="num">订单</th>
                <th class="num">异常</th>
                <th class="num">发货及时率</th>
                <th class="num">揽收延误率</th>
                <th class="num">配送超时率</th>
                <th class="num">破损率</th>
              </tr>
            </thead>
            <tbody>
              {board.provinces.map((p) => (
                <tr
                  key={p.name}
                  class="clickable"
                  data-province={p.name}
                  data-abnormal={p.abnormal}
                  aria-selected={selected === p.name}
                  onClick={() => setSelected(selected === p.name ? undefined : p.name)}
                >
                  <td>
                    <i class={`heat bin-${binOf(metricOf(p, metric).rate, MAP_SCALES[metric])}`} />
                    {p.name}
                  </td>
                  <td class="num">{p.orders}</td>
                  <td class="num">{p.abnormal}</td>
                  <GradeCell value={p.onTimeShipRate} grade={p.grades.onTimeShip} />
                  <GradeCell value={p.collectDelayRate} grade={p.grades.collectDelay} />
                  <td class="num">{pct(p.lateDeliveryRate, 2)}</td>
                  <GradeCell value={p.damageRate} grade={p.grades.damage} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {board.withoutProvince > 0 && (
        <div class="muted note">
          {board.withoutProvince}{' '}
          单没有省份（该平台的订单列表不显示省份，或来自不含“省”列的导出文件），不在地图上，列在表中的“未知”。
        </div>
      )}
      <b>快递公司对比</b>
      <div class="table-scroll">
        <table class="grid" data-testid="courier-table">
          <thead>
            <tr>
              <th>快递</th>
              <th class="num">发货单</th>
              <th class="num">揽收延误率</th>
              <th class="num">配送超时率</th>
              <th class="num">破损率</th>
            </tr>
          </thead>
          <tbody>
            {board.couriers.map((c) => (
              <tr key={c.name} data-courier={c.name}>
                <td>{c.name}</td>
                <td class="num">{c.orders}</td>
                <GradeCell value={c.collectDelayRate} grade={c.grades.collectDelay} />
                <td class="num">{pct(c.lateDeliveryRate, 2)}</td>
                <GradeCell value={c.damageRate} grade={c.grades.damage} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
