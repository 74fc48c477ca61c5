/**
 * Cell formatting shared by the CSV and XLSX writers: Asia/Shanghai wall-clock times, money in 元, and
 * the Chinese labels of the model's enums. Pure; no DOM.
 */
import type { AfterSale, OrderStatus, Polarity, Source } from '../model';
import { SHANGHAI_OFFSET_MS } from '../keys';

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
let lastDay = NaN;
let lastDayText = '';

/**
 * "2026-11-22 10:00:00" in Asia/Shanghai, whatever the machine's zone; undefined stays undefined.
 * Hot path of every export (six time columns per review): the date part is cached per day and the time
 * of day is plain arithmetic, about 5× faster than `toISOString()` per call.
 */
export function timeText(ms: number | undefined): string | undefined {
  if (ms === undefined) return undefined;
  const local = Math.floor(ms / 1000) * 1000 + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / 86_400_000);
  if (day !== lastDay) {
    lastDay = day;
    lastDayText = new Date(day * 86_400_000).toISOString().slice(0, 10);
  }
  const s = Math.floor((local - day * 86_400_000) / 1000);
  return `${lastDayText} ${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
}

/** 分 → 元 as a number (2 decimals), so spreadsheets can sum it. */
export const yuan = (fen: number | undefined): number | undefined =>
  fen === undefined ? undefined : Math.round(fen) / 100;

export const POLARITY_LABEL: Record<Polarity, string> = { good: '好评', neutral: '中评', bad: '差评' };

export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  unpaid: '待付款',
  paid: '待发货',
  shipped: '已发货',
  completed: '已完成',
  cancelled: '已取消',
  unknown: '未知',
};

export const AFTER_SALE_TYPE_LABEL: Record<NonNullable<AfterSale['type']>, string> = {
  refund_only: '仅退款',
  return_refund: '退货退款',
  presale_refund: '售前退款',
  exchange: '换货',
  resend: '补寄',
  other: '其他',
};

export const AFTER_SALE_STATUS_LABEL: Record<NonNullable<AfterSale['status']>, string> = {
  applied: '已申请',
  in_progress: '处理中',
  succeeded: '成功',
  rejected: '已拒绝',
  failed: '失败',
  closed: '已关闭',
  other: '其他',
};

export const REVIEW_STATE_LABEL = ['未评价', '已评价', '已追评'] as const;

export const SOURCE_LABEL: Record<Source, string> = {
  api: '接口采集',
  dom: '页面读取',
  import: '文件导入',
  backup: '备份恢复',
};
