/**
 * The three board tables (issue #14): daily score snapshots, negative reviews (no buyer data: text, stars,
 * category, reply state, deadline) and alerts — their fields and rows from the app's records (pure).
 */
import type { Review } from '../model';
import type { AlertRow, ScoreSnapshot } from '../score-view/types';
import { CATEGORY_LABEL } from '../text/types';
import { analyzeReview } from '../text/analyze';
import type { FieldSpec, Fields } from './bitable';

export const KEY_FIELD = '记录键';

export const SNAPSHOT_FIELDS: FieldSpec[] = [
  { name: KEY_FIELD, type: 1 },
  { name: '店铺', type: 1 },
  { name: '日期', type: 1 },
  { name: '分数名称', type: 1 },
  { name: '官方分', type: 2 },
  { name: '估算分', type: 2 },
];

export const REVIEW_FIELDS: FieldSpec[] = [
  { name: KEY_FIELD, type: 1 },
  { name: '店铺', type: 1 },
  { name: '评价时间', type: 5 },
  { name: '星级', type: 2 },
  { name: '内容', type: 1 },
  { name: '问题类别', type: 1 },
  { name: '回复状态', type: 1 },
  { name: '回复截止', type: 5 },
];

export const ALERT_FIELDS: FieldSpec[] = [
  { name: KEY_FIELD, type: 1 },
  { name: '店铺', type: 1 },
  { name: '类型', type: 1 },
  { name: '级别', type: 1 },
  { name: '标题', type: 1 },
  { name: '说明', type: 1 },
  { name: '状态', type: 1 },
  { name: '首次出现', type: 5 },
  { name: '最近出现', type: 5 },
];

/** Snapshot fields: the fixed ones plus one number per dimension (official and estimate). */
export function snapshotFields(snaps: readonly ScoreSnapshot[]): FieldSpec[] {
  const dims = new Set<string>();
  for (const s of snaps) for (const d of [...s.estimate.dims, ...(s.official?.dims ?? [])]) dims.add(d.name);
  return [
    ...SNAPSHOT_FIELDS,
    ...[...dims].flatMap((n): FieldSpec[] => [
      { name: `官方·${n}`, type: 2 },
      { name: `估算·${n}`, type: 2 },
    ]),
  ];
}

export function snapshotRow(s: ScoreSnapshot, store: string): Fields {
  const row: Fields = {
    [KEY_FIELD]: s.key,
    店铺: store,
    日期: s.date,
    分数名称: s.label,
    官方分: s.official?.value ?? null,
    估算分: s.estimate.value,
  };
  for (const d of s.estimate.dims) row[`估算·${d.name}`] = d.value;
  for (const d of s.official?.dims ?? []) row[`官方·${d.name}`] = d.value;
  return row;
}

/** A negative review as the team sees it: no buyer nickname, order number or contact field exists here. */
export function reviewRow(r: Review, store: string): Fields {
  const c = analyzeReview(r).categories;
  return {
    [KEY_FIELD]: r.key,
    店铺: store,
    评价时间: r.createdAt,
    星级: r.star ?? null,
    内容: (r.text ?? '').slice(0, 2000),
    问题类别: c.map((x) => CATEGORY_LABEL[x]).join('、') || '其他',
    回复状态: r.replied ? '已回复' : '未回复',
    回复截止: r.replyDeadline ?? null,
  };
}

export function alertRow(a: AlertRow, store: string): Fields {
  return {
    [KEY_FIELD]: a.key,
    店铺: store,
    类型: a.kind,
    级别: a.severity,
    标题: a.title,
    说明: a.detail,
    状态: a.state === 'active' ? '进行中' : '已解除',
    首次出现: a.firstAt,
    最近出现: a.lastAt,
  };
}
