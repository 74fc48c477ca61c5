import { useMemo, useState } from 'preact/hooks';
import type { OfficialScore } from '@/lib/model';
import { calibrationOf } from '@/lib/score-view/calibration';
import { COVERAGE_LABEL, signedText, weightText } from '@/lib/score-view/text';
import type { ScoreSnapshot } from '@/lib/score-view/types';
import { fitSamples, fitWeights } from '@/lib/scoring/calibration';
import type { Profile } from '@/lib/scoring/profile-types';

const QUALITY: Record<string, string> = {
  good: '拟合良好',
  fair: '拟合一般',
  poor: '拟合较差',
  insufficient: '样本不足',
};

/**
 * How far our estimate is from the console's score on each captured day (bias, mean absolute error),
 * and the dimension weights fitted from the console's history — shown next to the console's own
 * weights where it reports them, and used by the estimate where it does not.
 */
export function CalibrationView(props: {
  snapshots: readonly ScoreSnapshot[];
  officials: readonly OfficialScore[];
  profile: Profile;
}) {
  const cal = useMemo(() => calibrationOf(props.snapshots), [props.snapshots]);
  const fit = useMemo(() => {
    const dims = props.profile.dimensions.map((d) => d.id);
    const s = props.profile.scale.value;
    return fitWeights(fitSamples(props.officials, dims), dims, s.max - s.min);
  }, [props.officials, props.profile]);
  const latest = props.officials[props.officials.length - 1];
  const [all, setAll] = useState(false);
  const newest = [...cal.days].reverse();
  const days = all ? newest : newest.slice(0, 7);
  return (
    <div class="card stack" data-testid="calibration">
      <h3 style="font-size:13px">
        估算校准 <small class="en">Calibration vs official</small>
      </h3>
      {cal.days.length === 0 ? (
        <div class="muted">还没有采集到官方分数：打开控制台的体验分页面后即可对比。</div>
      ) : (
        <>
          <div class="row" style="flex-wrap:wrap">
            <span>
              可比天数 <b>{cal.n}</b>
            </span>
            <span>
              平均偏差 <b>{cal.bias === null ? '—' : signedText(cal.bias, 2)}</b>
            </span>
            <span>
              平均绝对误差 <b data-testid="calibration-mae">{cal.mae === null ? '—' : cal.mae.toFixed(2)}</b>
            </span>
            <span>
              最大误差 <b>{cal.maxAbs === null ? '—' : cal.maxAbs.toFixed(2)}</b>
            </span>
            {cal.lowCoverage > 0 && <span class="tag warn">{cal.lowCoverage} 天数据不全，未计入</span>}
          </div>
          <div class="table-scroll">
            <table class="grid">
              <thead>
                <tr>
                  <th>日期</th>
                  <th class="num">官方</th>
                  <th class="num">估算</th>
                  <th class="num">误差</th>
                  <th>数据</th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.date} data-date={d.date}>
                    <td>{d.date}</td>
                    <td class="num">{d.official}</td>
                    <td class="num">{d.estimate.toFixed(1)}</td>
                    <td class={`num ${Math.abs(d.error) >= 3 ? 'lost' : ''}`}>{signedText(d.error, 1)}</td>
                    <td class="muted">{COVERAGE_LABEL[d.coverage]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {newest.length > 7 && (
            <button onClick={() => setAll(!all)}>
              {all ? '只看最近 7 天' : `显示全部 ${newest.length} 天`}
            </button>
          )}
        </>
      )}
      <div data-testid="fitted-weights">
        <b>由历史官方分拟合的维度权重</b>{' '}
        <span class="tag">
          {QUALITY[fit.quality]} · {fit.n} 天 · R² {fit.r2.toFixed(2)}
        </span>
        <div class="row" style="flex-wrap:wrap;margin-top:4px">
          {props.profile.dimensions.map((d) => {
            const console_ = latest?.dimensions.find((x) => x.id === d.id)?.weight;
            return (
              <span key={d.id}>
                {d.name} <b>{weightText(fit.weights[d.id])}</b>
                <small class="muted">（后台 {weightText(console_)}）</small>
              </span>
            );
          })}
        </div>
        <p class="score-note">
          后台未报告权重时（部分平台），估算使用拟合权重（拟合良好或一般时）；否则使用默认权重并标注为推测。
        </p>
      </div>
    </div>
  );
}
