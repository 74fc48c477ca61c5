/**
 * The redacted sample (issue #12) must carry no buyer data, no text and no order id in clear — tested on a
 * response full of them, shaped like the public 拼多多 review and order rows (shared/platforms.md §3).
 */
import { describe, expect, it } from 'vitest';
import { emptyResult } from './batch';
import { driftOf } from './drift';
import { MAX_SAMPLE_CHARS, isRedacted, redact } from './redact';

const SECRETS = {
  buyer: '王小明',
  nick: '阿***',
  phone: '13812345678',
  address: '浙江省杭州市西湖区文三路 100 号',
  text: '质量太差了，客服也不理人',
  orderSn: '260410-662259689903207',
  orderId: '3282662259689903207',
  reviewId: '747883323036505742',
};

const body = {
  success: true,
  errorCode: 1000000,
  result: {
    totalRows: 3104,
    data: [
      {
        reviewId: SECRETS.reviewId,
        orderSn: SECRETS.orderSn,
        orderId: SECRETS.orderId,
        userName: SECRETS.nick,
        comment: SECRETS.text,
        descScore: 1,
        logisticsScore: 2,
        serviceScore: 5,
        createTime: 1776665876,
        specs: '[{"spec_key":"款式","spec_value":"红色"}]',
        pictureUrls: ['https://review.pddpic.com/a.jpeg'],
        receive_name: SECRETS.buyer,
        mobile: SECRETS.phone,
        address: SECRETS.address,
        [SECRETS.orderSn]: { nested: SECRETS.text },
      },
      ...Array.from({ length: 9 }, (_, i) => ({ reviewId: String(i + 1), comment: SECRETS.text })),
    ],
  },
};

describe('redact', () => {
  const out = redact(body, 'salt');
  const json = JSON.stringify(out);

  it('contains no buyer data, no text and no clear ids', () => {
    for (const s of Object.values(SECRETS)) expect(json).not.toContain(s);
    expect(json).not.toMatch(/\p{Script=Han}/u);
    expect(json).not.toMatch(/\d{11}/); // no phone, order or review number in clear
    expect(json).not.toContain('pddpic');
  });

  it('keeps structure, types, lengths and scores', () => {
    const row = (out as { result: { data: Record<string, unknown>[] } }).result.data[0]!;
    expect(row.descScore).toBe(1);
    expect(row.serviceScore).toBe(5);
    expect(row.createTime).toBe('<int:10>');
    expect(row.comment).toBe(`<str:${SECRETS.text.length}:hp>`);
    expect(row.reviewId).toMatch(/^#id:[0-9a-f]{8}$/);
    expect(row.pictureUrls).toEqual(['<str:32:ap>']);
    expect((out as { result: { data: unknown[] } }).result.data).toHaveLength(4); // 3 rows + "<more:7>"
    expect(isRedacted(out)).toBe(true);
  });

  it('the same id hashes the same within a sample, differently under another salt', () => {
    expect(redact({ orderId: 'x1' }, 's')).toEqual(redact({ orderId: 'x1' }, 's'));
    expect(redact({ orderId: 'x1' }, 's')).not.toEqual(redact({ orderId: 'x1' }, 't'));
  });

  it('isRedacted refuses anything a hostile page could smuggle in', () => {
    expect(isRedacted({ comment: SECRETS.text })).toBe(false);
    expect(isRedacted({ mobile: 13812345678 })).toBe(false);
    expect(isRedacted({ [SECRETS.buyer]: null })).toBe(false);
    expect(isRedacted({ descScore: 4 })).toBe(true);
  });

  it('drops samples that stay too large', () => {
    const wide = Object.fromEntries(
      Array.from({ length: 80 }, (_, i) => [`k${i}`, { a: { b: { c: 'x'.repeat(9) } } }]),
    );
    const big = { a: wide, b: wide, c: wide, d: wide, e: wide };
    const r = redact(big, 's');
    expect(r === undefined || JSON.stringify(r).length <= MAX_SAMPLE_CHARS).toBe(true);
  });
});

describe('driftOf', () => {
  it('names expected-but-missing fields and attaches a redacted sample', () => {
    const renamed = { result: { list: [{ comment_id: '1', comment: 'x', create_time: 1 }] } };
    const d = driftOf('pdd', 'reviewsList', renamed, emptyResult(), 's')!;
    expect(d.missing).toContain('reviewId');
    expect(d.fields).toEqual(['comment_id', 'comment', 'create_time']);
    expect(isRedacted(d.sample)).toBe(true);
  });

  it('a clean response: no missing field, no sample; an empty page says nothing', () => {
    const row = {
      reviewId: '1',
      orderSn: 'a',
      goodsId: 1,
      comment: '',
      createTime: 1,
      descScore: 5,
      logisticsScore: 5,
      serviceScore: 5,
    };
    expect(driftOf('pdd', 'reviewsList', { result: { data: [row] } }, emptyResult(), 's')).toMatchObject({
      missing: [],
      sample: undefined,
    });
    expect(driftOf('pdd', 'reviewsList', { result: { data: [] } }, emptyResult(), 's')).toBeUndefined();
  });
});

describe('decodeBody (GBK-decoded text)', () => {
  it('decodes by the declared charset, UTF-8 otherwise', async () => {
    const { decodeBody } = await import('./hook');
    // "好评" in GBK: BA C3 C6 C0
    const gbk = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xba, 0xc3, 0xc6, 0xc0, 0x22, 0x7d])
      .buffer;
    expect(JSON.parse(decodeBody(gbk, 'application/json;charset=GBK'))).toEqual({ a: '好评' });
    const utf8 = new TextEncoder().encode('{"a":"好评"}').buffer as ArrayBuffer;
    expect(JSON.parse(decodeBody(utf8, 'application/json'))).toEqual({ a: '好评' });
    expect(JSON.parse(decodeBody(utf8, 'application/json; charset=x-unknown'))).toEqual({ a: '好评' });
  });
});
