import { useMemo, useState } from 'preact/hooks';
import type { DimensionId, OfficialScore, Order, Review } from '@/lib/model';
import { dayStart } from '@/lib/model';
import { scoreText, signedText } from '@/lib/score-view/text';
import type { DailyAggregate } from '@/lib/scoring/aggregates';
import type { Categorize } from '@/lib/scoring/classify';
import { forecast } from '@/lib/scoring/forecast';
import type { ProfileOverrides } from '@/lib/scoring/profiles';
import type { Profile } from '@/lib/scoring/profile-types';
import { douyinFivePoint } from '@/lib/scoring/tiers';
import { LineChart } from './LineChart';

export interface ForecastProps {
  profile: Profile;
  rows: readonly DailyAggregate[];
  /** Records costing points in the window ending `asOf`. */
  negatives: readonly (Review | Order)[];
  asOf: string;
  official?: OfficialScore;
  overrides?: ProfileOverrides;
  fitted?: Partial<Record<DimensionId, number>>;
  /** Review classifier (categories from the score marks). */
  categorize: Categorize;
  /** Default target (e.g. the score before the drop). */
  target: number;
  /** Keys of the records behind the drop being diagnosed (its costing causes): when the last leaves. */
  dropKeys?: ReadonlySet<string>;
}

const mmdd = (x: number) => new Date(x + 8 * 3_600_000).toISOString().slice(5, 10);

/**
 * The rolling window's snowball: the projected score if nothing bad happens (the window's usual volume,
 * no late orders or bad reviews), the recovery date for a target, when the records behind the drop leave
 * the window, and what would reach the target today.
 */
export function ForecastView(props: ForecastProps) {
  const [target, setTarget] = useState(Math.round(props.target * 10) / 10);
  const f = useMemo(
    () =>
      forecast(props.profile, props.rows, props.negatives, {
        asOf: props.asOf,
        target: { value: target },
        horizonDays: props.profile.window.value + 1,
        categorize: props.categorize,
        ...(props.official ? { official: props.official } : {}),
        ...(props.overrides ? { overrides: props.overrides } : {}),
        ...(props.fitted ? { fitted: props.fitted } : {}),
      }),
    [
      props.profile,
      props.rows,
      props.negatives,
      props.asOf,
      target,
      props.official,
      props.overrides,
      props.fitted,
      props.categorize,
    ],
  );
  const t = f.target;
  const leaving = useMemo(() => {
    const by = new Map<string, { n: number; orders: number; points: number }>();
    for (const l of f.leaving) {
      const g = by.get(l.leavesOn) ?? { n: 0, orders: 0, points: 0 };
      g.n++;
      if (l.kind === 'order') g.orders++;
      g.points += l.points;
      by.set(l.leavesOn, g);
    }
    return [...by]
      .sort((a, b) => b[1].points - a[1].points)
      .slice(0, 8)
      .sort((a, b) => a[0].localeCompare(b[0]));
  }, [f.leaving]);
  // When the records behind the drop have all left the window: the console's score is back to its
  // pre-drop level then whatever our estimate's calibration, because the window no longer holds them.
  const [dropGone, dropCount] = useMemo((): [string | null, number] => {
    if (!props.dropKeys?.size) return [null, 0];
    const dates = f.leaving.filter((l) => props.dropKeys!.has(l.key)).map((l) => l.leavesOn);
    return dates.length ? [dates.sort()[dates.length - 1]!, dates.length] : [null, 0];
  }, [f.leaving, props.dropKeys]);
  const five = (v: number | null) =>
    v !== null && props.profile.fivePoint === 'douyin' ? `（${douyinFivePoint(v).toFixed(1)}）` : '';
  const xs = f.curve.map((p) => dayStart(p.date));
  return (
    <div class="card stack" data-testid="forecast">
      <div class="spread">
        <h3 style="font-size:13px">
          恢复预测 <small class="en">Forecast · 按本地估算模型</small>
        </h3>
        <label class="row muted" style="font-size:12px">
          目标分
          <input
            type="number"
            step="0.1"
            min={props.profile.scale.value.min}
            max={props.profile.scale.value.max}
            value={target}
            style="width:70px"
            onChange={(e) => setTarget(Number((e.target as HTMLInputElement).value) || target)}
            data-testid="forecast-target"
          />
        </label>
      </div>
      <div class="summary" style="font-size:13px">
        预计恢复：
        {dropGone ? (
          <b class="gain" data-testid="recovery-date" data-date={dropGone} data-basis="window">
            {dropGone}
          </b>
        ) : t?.reached ? (
          <b class="gain" data-testid="recovery-date" data-date={props.asOf} data-basis="model">
            已达到目标
          </b>
        ) : t?.recoveryDate ? (
          <b class="gain" data-testid="recovery-date" data-date={t.recoveryDate} data-basis="model">
            {t.recoveryDate}
          </b>
        ) : (
          <b class="lost" data-testid="recovery-date" data-date="" data-basis="model">
            {props.profile.window.value} 天内无法仅靠窗口滚动恢复
          </b>
        )}
      </div>
      {dropGone && (
        <div class="score-note" data-testid="drop-leaves">
          本次下跌的 {dropCount} 条扣分记录将于 {dropGone} 全部移出 {props.profile.window.value}{' '}
          天窗口；此后若不再出现新的扣分记录，分数回到下跌前的水平。
        </div>
      )}
      <div data-testid="forecast-model">
        本地估算模型：当前 <b>{scoreText(f.current.value)}</b>
        {five(f.current.value)} → 目标 <b>{target}</b>
        {five(target)}：
        {t?.reached
          ? '已达到'
          : t?.recoveryDate
            ? `预计 ${t.recoveryDate} 达到（之后不再出现扣分记录时）`
            : `${props.profile.window.value} 天内达不到`}
      </div>
      {xs.length > 0 && (
        <LineChart
          series={[
            {
              id: 'forecast',
              label: '预测（无新增扣分）',
              color: '#1456f0',
              xs,
              ys: f.curve.map((p) => p.value),
            },
          ]}
          rules={[{ y: target, label: `目标 ${target}`, color: '#1a7f37' }]}
          {...(t?.recoveryDate && !t.reached
            ? { marks: [{ x: dayStart(t.recoveryDate), label: t.recoveryDate.slice(5) }] }
            : {})}
          xLabel={mmdd}
          height={140}
          title="恢复预测"
        />
      )}
      {t && !t.reached && (
        <div class="score-note" data-testid="forecast-needs">
          若要今天就达到目标：
          {t.onTimeOrders !== null
            ? `约需 ${t.onTimeOrders.toLocaleString('zh-CN')} 单准时发货、无售后的订单`
            : '准时订单无法单独达到（失分在评价或售后）'}
          ；
          {t.goodReviews !== null
            ? `或约 ${t.goodReviews.toLocaleString('zh-CN')} 条五星好评`
            : '五星好评无法单独达到'}
          。
        </div>
      )}
      {leaving.length > 0 && (
        <div>
          <b>扣分记录离开窗口</b> <small class="muted">（失分最多的日期）</small>
          <ul class="records" data-testid="leaving">
            {leaving.map(([date, g]) => (
              <li key={date} data-date={date}>
                <span>{date.slice(5)}</span>
                <span class="text">
                  移出 {g.n} 条（订单 {g.orders}，评价 {g.n - g.orders}）
                </span>
                <span class="gain">{signedText(g.points, 2)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
