import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dayKey } from '../keys';
import { ImportFileError, parseImportFile } from './parse';
import { decodeText } from './decode';
import { idCell, text, timeCell } from './cells';
import { afterSaleOf, orderStatusOf } from './kinds/status';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url))));
const parse = (name: string) => parseImportFile(fixture(name), name);

/** Fake buyer data written into the fixtures' PII columns. */
const PII = [
  '张三',
  '李四',
  '13800000001',
  '某某路',
  '周八',
  '13400000006',
  // The province is kept since issue #16; its city and district are not.
  '杭州市',
  '西湖区',
  'tb_buyer_001',
  '请用顺丰',
  '黄四',
];

describe('file kinds', () => {
  it('抖店 订单导出, GB18030, tab/apostrophe-padded ids, two items in one order', async () => {
    const p = await parse('douyin-orders-gb18030.csv');
    expect(p).toMatchObject({
      kindId: 'douyin-orders',
      platform: 'douyin',
      format: 'csv',
      encoding: 'gb18030',
    });
    expect(p.result.orders.map((o) => [o.orderId, o.status, o.items.length])).toEqual([
      ['6931000000000000001', 'completed', 2],
      ['6931000000000000002', 'paid', 1],
      ['6931000000000000003', 'cancelled', 1],
    ]);
    const [first, second] = p.result.orders;
    expect(first).toMatchObject({ amountFen: 12800, carrier: '中通快递', statusText: '已完成' });
    expect(first!.items[1]).toMatchObject({
      itemOrderId: '6931000000000000012',
      productId: '3671000000000000002',
    });
    expect(dayKey(first!.paidAt!)).toBe('2026-11-18');
    expect(second!.afterSale).toMatchObject({ status: 'in_progress', text: '退款中' });
    expect(p.result.rejects).toEqual([expect.objectContaining({ code: 'missing_id', row: 6 })]);
    expect(p.pii).toEqual(['收件人', '收件地址', '收件人手机号']);
    expect(p.ignored).toContain('流量来源');
  });

  it('抖店 订单导出, older template with 快递公司 and ="…" ids, UTF-8 BOM', async () => {
    const p = await parse('douyin-orders-old-utf8bom.csv');
    expect(p.encoding).toBe('utf-8');
    expect(p.result.orders[0]).toMatchObject({
      orderId: '6931000000000000101',
      status: 'shipped',
      carrier: '圆通速递',
      amountFen: 5990,
      shippedAt: Date.UTC(2026, 10, 21, 2),
    });
  });

  it('拼多多 订单导出, tab-padded cells', async () => {
    const p = await parse('pdd-orders.csv');
    expect(p.kindId).toBe('pdd-orders');
    expect(p.result.orders.map((o) => [o.orderId, o.status, o.afterSale?.status])).toEqual([
      ['260410-662259689903207', 'shipped', 'closed'],
      ['260411-662259689903208', 'completed', 'succeeded'],
      ['260412-662259689903209', 'cancelled', 'succeeded'],
      ['260413-662259689903210', 'completed', undefined],
    ]);
    expect(p.result.orders[0]).toMatchObject({ amountFen: 2690, carrier: '圆通快递' });
    expect(p.result.orders[0]!.items[0]).toMatchObject({
      productId: '930005554830',
      skuId: '1234567890',
      skuText: '颜色:蓝色',
    });
    expect(p.result.orders[1]!.finishedAt).toBe(Date.UTC(2026, 3, 14, 2));
    // An impossible date is left out rather than guessed.
    expect(p.result.orders[3]!.paidAt).toBeUndefined();
    expect(p.pii).toEqual(['买家留言', '收货人', '手机', '市', '区', '街道']);
    // The province is kept (issue #16); 市/区/街道 above are blanked.
    expect(p.result.orders.some((o) => o.province !== undefined)).toBe(true);
  });

  it.each([
    ['taobao-orders-gb18030.csv', 'gb18030', ['completed', 'shipped', 'cancelled']],
    ['taobao-orders-new.csv', 'utf-8', ['paid']],
  ])('淘宝 订单报表 %s', async (name, encoding, statuses) => {
    const p = await parse(name);
    expect(p).toMatchObject({ kindId: 'taobao-orders', platform: 'taobao', encoding });
    expect(p.result.orders.map((o) => o.status)).toEqual(statuses);
    expect(p.result.orders[0]!.orderId).toMatch(/^2951203765016139\d{3}$/);
    expect(p.result.orders[0]!.items[0]!.productName).toMatch(/围巾|眼罩/);
  });

  it('淘宝 keeps the province from 收货地址 and the courier from 物流公司, nothing else of the address', async () => {
    const p = await parse('taobao-orders-gb18030.csv');
    expect(p.result.orders.map((o) => [o.province, o.carrier])).toEqual([
      ['浙江省', '顺丰速运'],
      ['广东省', '圆通速递'],
      ['福建省', undefined],
    ]);
    expect(p.pii).toContain('收货地址');
    const json = JSON.stringify(p);
    for (const s of ['杭州市', '余杭区', '深圳市', '福田区', '厦门市', '某某路'])
      expect(json).not.toContain(s);
    // The newer template has no address column: no province, no error.
    expect((await parse('taobao-orders-new.csv')).result.orders[0]!.province).toBeUndefined();
  });

  it('淘宝 refund amount becomes an after-sale note', async () => {
    const p = await parse('taobao-orders-gb18030.csv');
    expect(p.result.orders[2]).toMatchObject({ amountFen: 0, afterSale: { text: '退款 ¥99' } });
  });

  it('抖店 评价导出 (xlsx with shared strings, an Excel serial date)', async () => {
    const p = await parse('douyin-reviews.xlsx');
    expect(p).toMatchObject({ kindId: 'douyin-reviews', format: 'xlsx', headerRow: 1 });
    const [bad, good, serial] = p.result.reviews;
    expect(bad).toMatchObject({
      reviewId: 'order-6931000000000000011',
      star: 1,
      polarity: 'bad',
      replied: true,
      replyText: '亲，非常抱歉，已为您安排退货',
      buyerNick: 'a***',
      appends: [{ text: '客服也不理人', at: Date.UTC(2026, 10, 21, 0) }],
      createdAt: Date.UTC(2026, 10, 20, 4, 30),
      source: 'import',
    });
    expect(bad!.text.startsWith('=HYPERLINK')).toBe(true);
    // An unmasked nickname is dropped (only masked "a***" forms are kept).
    expect(good).toMatchObject({
      buyerNick: undefined,
      replied: false,
      polarity: 'good',
      text: '很合身，面料舒服\n会回购 😀',
    });
    expect(serial!.createdAt).toBe(Date.UTC(2026, 10, 20, 4)); // 46346.5 = 2026-11-20 12:00 Shanghai
    expect(p.result.rejects.map((r) => [r.row, r.code])).toEqual([
      [5, 'schema'], // a 19-digit order id stored as a number: precision already lost
      [6, 'bad_time'], // "昨天"
    ]);
    expect(p.result.rejects[0]!.message).toMatch(/超过 15 位/);
  });
});

describe('bad files', () => {
  it('names the missing required columns', async () => {
    await expect(parse('douyin-reviews-missing-column.csv')).rejects.toThrow(/抖店 评价导出.*商品评价得分/);
  });
  it.each([
    ['empty', new Uint8Array(), /空/],
    ['unrelated CSV', new TextEncoder().encode('a,b,c\n1,2,3\n'), /无法识别/],
    ['old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), /\.xls/],
  ])('%s', async (_, bytes, msg) => {
    await expect(parseImportFile(bytes, 'x')).rejects.toThrow(ImportFileError);
    await expect(parseImportFile(bytes, 'x')).rejects.toThrow(msg);
  });
});

it('keeps no buyer personal data anywhere in the preview', async () => {
  for (const name of [
    'douyin-orders-gb18030.csv',
    'pdd-orders.csv',
    'taobao-orders-gb18030.csv',
    'taobao-orders-new.csv',
  ]) {
    const json = JSON.stringify((await parse(name)).result);
    for (const p of PII) expect(json, `${name} leaks ${p}`).not.toContain(p);
  }
});

describe('cells and words', () => {
  it.each([
    ["'6931000000000000001", '6931000000000000001'],
    ['\t6931000000000000001', '6931000000000000001'],
    ['="6931000000000000001"', '6931000000000000001'],
    ['  -  ', undefined],
    ['\t', undefined],
  ])('text(%j) → %j', (v, want) => expect(text(v)).toBe(want));

  it.each([
    ['2026-11-20 12:30:00', Date.UTC(2026, 10, 20, 4, 30)],
    ['2026/11/20 12:30', Date.UTC(2026, 10, 20, 4, 30)],
    ['2026年11月20日 12:30:00', Date.UTC(2026, 10, 20, 4, 30)],
    [46346.5, Date.UTC(2026, 10, 20, 4)],
    ['1763613000', 1763613000000],
    ['昨天', undefined],
  ])('timeCell(%j)', (v, want) => expect(timeCell(v)).toBe(want));

  it('refuses ids Excel has rounded', () => {
    expect(() => idCell(6.931e18, '订单号')).toThrow(/15 位/);
    expect(() => idCell('6.931E+18', '订单号')).toThrow(/科学计数法/);
    expect(idCell(123456, '订单号')).toBe('123456');
  });

  it.each([
    ['等待买家付款', 'unpaid'],
    ['买家已付款，等待卖家发货', 'paid'],
    ['卖家已发货，等待买家确认', 'shipped'],
    ['已发货，待签收', 'shipped'],
    ['交易成功', 'completed'],
    ['交易关闭', 'cancelled'],
    ['未发货，退款成功', 'cancelled'],
    ['奇怪的状态', 'unknown'],
  ] as const)('orderStatusOf(%s) = %s', (s, want) => expect(orderStatusOf(s)).toBe(want));

  it.each([
    ['无售后或售后取消', 'closed'],
    ['退款成功', 'succeeded'],
    ['仅退款-处理中', 'in_progress'],
    ['商家拒绝退款', 'rejected'],
    ['无', undefined],
  ] as const)('afterSaleOf(%s)', (s, want) => expect(afterSaleOf(s)?.status).toBe(want));

  it('decodes GB18030 and UTF-8 with or without BOM', () => {
    const gbk = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]); // 你好
    expect(decodeText(gbk)).toEqual({ text: '你好', encoding: 'gb18030' });
    const utf8 = new TextEncoder().encode('你好');
    expect(decodeText(utf8)).toEqual({ text: '你好', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).text).toBe('你好');
  });
});
