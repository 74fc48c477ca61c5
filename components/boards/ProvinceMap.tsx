/**
 * 物流异常地图: China as a tile grid (lib/boards/tilemap.ts), each province a square coloured by the chosen
 * abnormality rate, graded against the guides' standards, with its counts. Tiles with orders are buttons
 * (Tab / arrow keys / Enter) that open the province's abnormal orders. Loaded only with this board.
 */
import { useMemo, useRef } from 'preact/hooks';
import type { LogisticsGroup } from '@/lib/boards/logistics';
import {
  BIN_LABEL,
  GRID_COLUMNS,
  GRID_ROWS,
  MAP_SCALES,
  legendOf,
  neighbour,
  tiles,
  type MapMetric,
  type Tile,
} from '@/lib/boards/tilemap';
import { pct } from './useBoardData';

const KEYS: Record<string, 'left' | 'right' | 'up' | 'down'> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

function describe(t: Tile, metricLabel: string): string {
  if (!t.group) return `${t.province}：没有订单`;
  const rate = t.rate === undefined ? '暂无数据' : `${pct(t.rate, 2)}（${t.count}/${t.base}）`;
  return `${t.province}：${metricLabel} ${rate}，${BIN_LABEL[t.bin]}；订单 ${t.group.orders}，异常 ${t.group.abnormal} 单`;
}

export function ProvinceMap(props: {
  provinces: readonly LogisticsGroup[];
  metric: MapMetric;
  selected?: string;
  onSelect: (province: string | undefined) => void;
}) {
  const scale = MAP_SCALES[props.metric];
  const all = useMemo(() => tiles(props.provinces, props.metric), [props.provinces, props.metric]);
  const live = all.filter((t) => t.group);
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const onKey = (t: Tile, e: KeyboardEvent) => {
    const dir = KEYS[e.key];
    if (!dir) return;
    const i = neighbour(live, t, dir);
    if (i === undefined) return;
    e.preventDefault();
    refs.current.get(live[i]!.province)?.focus();
  };
  return (
    <div class="province-map" data-testid="province-map" data-metric={props.metric}>
      <div
        class="tiles"
        role="group"
        aria-label={`各省${scale.label}（方块地图，方向键移动，回车查看异常订单）`}
        style={{
          gridTemplateColumns: `repeat(${GRID_COLUMNS}, 1fr)`,
          gridTemplateRows: `repeat(${GRID_ROWS}, auto)`,
        }}
      >
        {all.map((t) => {
          const place = { gridColumn: t.col + 1, gridRow: t.row + 1 };
          const title = describe(t, scale.label);
          if (!t.group)
            return (
              <div
                key={t.province}
                class="tile bin-none empty"
                style={place}
                title={title}
                data-province={t.province}
              >
                <span class="name">{t.label}</span>
              </div>
            );
          const selected = props.selected === t.province;
          return (
            <button
              key={t.province}
              ref={(el) => void (el ? refs.current.set(t.province, el) : refs.current.delete(t.province))}
              type="button"
              class={`tile bin-${t.bin}`}
              style={place}
              title={title}
              aria-label={title}
              aria-pressed={selected}
              data-province={t.province}
              data-bin={t.bin}
              data-count={t.count}
              onClick={() => props.onSelect(selected ? undefined : t.province)}
              onKeyDown={(e) => onKey(t, e)}
            >
              <span class="name">{t.label}</span>
              <span class="rate">{t.rate === undefined ? '—' : pct(t.rate, t.rate < 0.01 ? 2 : 1)}</span>
              <span class="count">
                {t.count}/{t.base}
              </span>
            </button>
          );
        })}
      </div>
      <div class="legend" data-testid="map-legend">
        <b>{scale.label}</b>
        {legendOf(scale).map(({ bin, range }) => (
          <span key={bin} class="key" data-bin={bin}>
            <i class={`swatch bin-${bin}`} />
            {BIN_LABEL[bin]} {range}
          </span>
        ))}
        <span class="muted note">
          标准：{scale.source}；“严重”= 超过行业线 2 倍。方块内：比率 与 异常单/应计单。
        </span>
      </div>
    </div>
  );
}
