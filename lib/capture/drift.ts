/**
 * Field drift per endpoint (issue #12): which fields the public sources say a row has and this response's
 * rows lack, and every field the rows do have (the background compares them with what the endpoint sent
 * before: new fields). Expected names come from shared/platforms.md, not from our demo consoles.
 */
import type { DriftNote, ParseResult } from './batch';
import { redact } from './redact';

/** Where the rows may sit (first that holds an array of objects), and the row fields expected there. */
interface Expect {
  rows: readonly string[];
  fields: readonly string[];
}

export const EXPECTED: Record<string, Record<string, Expect>> = {
  douyin: {
    commentList: {
      rows: ['data', 'data.list', 'data.comments', 'data.data'],
      fields: [
        'id',
        'order_id',
        'product_id',
        'content',
        'comment_time',
        'rank_product',
        'rank_logistic',
        'rank_shop',
      ],
    },
  },
  taobao: {
    rateList: {
      rows: ['data.data.dataSource', 'data.dataSource', 'data.data.list', 'data.list'],
      fields: ['rateContent', 'orderInfo', 'itemInfo', 'emotionType'],
    },
  },
  pdd: {
    reviewsList: {
      rows: ['result.data', 'result.list', 'result.data.list', 'data', 'data.list'],
      fields: [
        'reviewId',
        'orderSn',
        'goodsId',
        'comment',
        'createTime',
        'descScore',
        'logisticsScore',
        'serviceScore',
      ],
    },
    orderList: {
      rows: ['result.pageItems', 'result.list', 'result.data', 'data.pageItems'],
      fields: [
        'order_sn',
        'order_status',
        'confirm_time',
        'promise_shipping_time',
        'shipping_time',
        'goods_id',
      ],
    },
  },
  jd: {
    venderComments: {
      rows: ['comments', 'data.comments', 'data.list', 'result.comments'],
      fields: ['commentId', 'skuid', 'content', 'creationTime', 'score'],
    },
    orderList: {
      rows: ['orderList', 'data.orderList', 'data.list'],
      fields: ['orderId', 'orderState', 'orderStartTime'],
    },
  },
  kuaishou: {
    commentList: {
      rows: ['data.rootComment', 'data.list', 'data.comments', 'data'],
      fields: [
        'commentId',
        'orderId',
        'content',
        'createTime',
        'qualityScore',
        'logisticsScore',
        'serviceScore',
      ],
    },
  },
};

const at = (body: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined),
      body,
    );

/** The rows of a response: the first expected place holding an array of objects. */
export function rowsOf(body: unknown, paths: readonly string[]): Record<string, unknown>[] | undefined {
  for (const p of paths) {
    const v = at(body, p);
    if (Array.isArray(v) && v.some((x) => typeof x === 'object' && x !== null && !Array.isArray(x)))
      return v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
  }
  return undefined;
}

/**
 * The drift note of one response: expected-but-missing fields, the fields its rows carry, and a redacted
 * sample when something failed (rows rejected or expected fields missing). Undefined for endpoints
 * without an expectation and for responses without rows (an empty page says nothing about fields).
 */
export function driftOf(
  platform: string,
  endpoint: string,
  body: unknown,
  result: ParseResult,
  salt: string,
): DriftNote | undefined {
  const e = EXPECTED[platform]?.[endpoint];
  if (!e) return undefined;
  const rows = rowsOf(body, e.rows);
  const failed = result.rejects.length > 0;
  if (!rows?.length) return failed ? { missing: [], fields: [], sample: redact(body, salt) } : undefined;
  const seen = new Set<string>();
  for (const r of rows.slice(0, 20))
    for (const k of Object.keys(r)) if (/^[\w$-]{1,60}$/.test(k)) seen.add(k);
  const missing = e.fields.filter((f) => !seen.has(f));
  return {
    missing,
    fields: [...seen].slice(0, 80),
    sample: failed || missing.length ? redact(body, salt) : undefined,
  };
}
