/** 客服看板: the consoles' service indicators over time against the guides' standards, with the 10-minute alert. */
import { useMemo } from 'preact/hooks';
import { formatSeconds, serviceBoard, type ServiceSeries } from '@/lib/boards/service';
import { SERVICE_STANDARDS } from '@/lib/boards/standards';
import { dayStart } from '@/lib/keys';
import type { OfficialScore } from '@/lib/model';
import { LineChart } from '../score/LineChart';
import { pct } from './useBoardData';

const show = (s: ServiceSeries, v: number | undefined) =>
  v === undefined ? '—' : s.kind === 'seconds' ? formatSeconds(v) : pct(v, 2);

function verdict(s: ServiceSeries): [string, string] {
  const v = s.latest?.value;
  if (v === undefined) return ['', '暂无数据'];
  if (s.id === 'responseSec' && v > SERVICE_STANDARDS.responseAlertSec) return ['bad', '超过 10 分钟，预警'];
  if (s.target === undefined) return ['', ''];
  const ok = s.better === 'lower' ? v <= s.target : v >= s.target;
  return ok
    ? ['good', '达标']
    : ['warn', `${s.better === 'lower' ? '高于' : '低于'}指南 ${show(s, s.target)}`];
}

/** A readable unit for a series' chart: seconds, minutes or hours by its largest value; % for rates. */
function chartUnit(s: ServiceSeries): [number, string] {
  if (s.kind === 'rate') return [100, '%'];
  const max = Math.max(...s.points.map((p) => p.value));
  return max >= 7200 ? [1 / 3600, '小时'] : max >= 120 ? [1 / 60, '分钟'] : [1, '秒'];
}

export function ServiceBoardView(props: { scores: readonly OfficialScore[] }) {
  const board = useMemo(() => serviceBoard(props.scores), [props.scores]);
  const withData = board.series.filter((s) => s.points.length);
  return (
    <div class="stack" data-testid="service-board">
      {board.alerts.length > 0 && (
        <div class="error" data-testid="response-alert">
          响应时长超过 10 分钟：{board.alerts.map((a) => `${a.date}（${formatSeconds(a.value)}）`).join('、')}
        </div>
      )}
      <div class="card muted note">
        标准（运营指南）：基础咨询 ≤ 30 秒，售后申请 ≤ 5 分钟，纠纷处理 ≤ 30 分钟；响应时长 &gt; 10 分钟预警。
      </div>
      <div class="table-scroll">
        <table class="grid">
          <thead>
            <tr>
              <th>指标</th>
              <th class="num">最新</th>
              <th>日期</th>
              <th>对照</th>
            </tr>
          </thead>
          <tbody>
            {board.series.map((s) => {
              const [cls, text] = verdict(s);
              return (
                <tr key={s.id} data-metric={s.id} data-points={s.points.length}>
                  <td title={s.latest?.source}>{s.label}</td>
                  <td class="num">{show(s, s.latest?.value)}</td>
                  <td class="muted">{s.latest?.date ?? ''}</td>
                  <td>{text && <span class={`tag ${cls}`}>{text}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {withData
        .filter((s) => s.points.length > 1)
        .map((s) => {
          const [f, unit] = chartUnit(s);
          const max = Math.max(...s.points.map((p) => p.value));
          // A standard far below the values would flatten the line: shown in the table only.
          const rule =
            s.target !== undefined && s.target * 20 >= max
              ? [{ y: s.target * f, label: `标准 ${show(s, s.target)}` }]
              : [];
          return (
            <div class="card" key={s.id} data-chart={s.id}>
              <LineChart
                title={`${s.label}（${unit}）`}
                height={120}
                series={[
                  {
                    id: s.id,
                    label: `${s.label}（${unit}）`,
                    color: '#1456f0',
                    xs: s.points.map((p) => dayStart(p.date)),
                    ys: s.points.map((p) => p.value * f),
                    dots: true,
                  },
                ]}
                rules={rule}
                xLabel={(x) => new Date(x + 8 * 3_600_000).toISOString().slice(5, 10)}
              />
            </div>
          );
        })}
      {!withData.length && (
        <div class="card muted">
          还没有客服指标。请打开后台的体验分/服务分页面（抖店 体验分 → 服务体验，千牛 真实体验分，拼多多
          服务分），每天打开一次即可形成曲线。
        </div>
      )}
    </div>
  );
}
