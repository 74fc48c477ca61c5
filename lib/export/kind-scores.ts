/** The 官方体验分 export: one row per store × score kind × day. */
import type { OfficialScore } from '../model';
import type { ExportKind } from './kind-types';
import { storeColumns } from './kind-types';
import { timeText } from './format';

export const officialScoresKind: ExportKind<OfficialScore> = {
  id: 'officialScores',
  label: '官方体验分',
  table: 'officialScores',
  scan: {
    index: '[storeKey+date]',
    field: 'date',
    bounds: (from, to) => [from ?? '', to ? `${to}\uffff` : '\uffff'],
    byKeyWhenUnfiltered: true,
  },
  columns: [
    ...storeColumns<OfficialScore>(),
    { header: '日期', type: 'date', get: (s) => s.date },
    { header: '分数类型', type: 'text', get: (s) => s.kind },
    { header: '分数', type: 'number', get: (s) => s.value ?? undefined },
    { header: '五分制', type: 'number', get: (s) => s.fivePoint ?? undefined },
    { header: '分数下限', type: 'number', get: (s) => s.scaleMin },
    { header: '分数上限', type: 'number', get: (s) => s.scaleMax },
    {
      header: '维度',
      type: 'text',
      get: (s) =>
        s.dimensions
          .map((d) => `${d.name} ${d.value ?? '—'}${d.weight === undefined ? '' : ` (${d.weight * 100}%)`}`)
          .join('；'),
    },
    {
      header: '指标',
      type: 'text',
      get: (s) => s.indicators.map((i) => `${i.name}=${i.value ?? '无数据'}${i.unit ?? ''}`).join('；'),
    },
    { header: '近30天订单数', type: 'number', get: (s) => s.windowOrders },
    { header: '采集时间', type: 'time', get: (s) => timeText(s.capturedAt) },
  ],
};
