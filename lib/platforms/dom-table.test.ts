import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { OrderDraft, ReviewDraft } from '../capture/batch';
import type { TableRow } from './dom-table';
import {
  cellAt,
  columns,
  domTableReader,
  headerTexts,
  readTables,
  recordKey,
  replyFromCell,
  shopFromHeader,
  starFromText,
} from './dom-table';
import type { RowError } from './parse-utils';
import { idOf, shanghaiDateTimeToMs } from './parse-utils';

/** A Document parsed from HTML, the way a page would hold it. */
const parseHtml = (html: string) =>
  new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document;

const SPLIT_GRID = `<html><body>
<table><thead><tr><th>订单号</th><th> 评价内容 </th><th>评价时间</th><th>商家回复</th></tr></thead></table>
<table><tbody>
 <tr aria-hidden="true"><td>测</td><td>测</td><td>测</td><td>测</td></tr>
 <tr data-row-key="18734456201"><td>301234567890</td><td>杯子收到就有一道
   裂纹</td><td>2026-11-18 14:23:05</td><td>—</td></tr>
 <tr data-row-key="1"><td>301234567891</td><td>颜值很高</td><td>2026-11-19 09:12:44</td><td>感谢您的喜欢</td></tr>
 <tr><td> </td><td></td><td></td><td></td></tr>
</tbody></table>
<table><tr><td>没有表头的布局表格</td></tr></table>
</body></html>`;

const ORDER_TABLE = `<html><body><table>
 <tr><th>订单编号</th><th>商品名称</th><th>订单状态</th><th>收货人</th></tr>
 <tr><td>2418800012345678</td><td>秋冬加厚卫衣</td><td>已发货</td><td>孙丽</td></tr>
</table></body></html>`;

describe('readTables', () => {
  it('joins a header-only table with the body table after it; skips hidden, empty and headerless rows', () => {
    expect(readTables(parseHtml(SPLIT_GRID))).toEqual([
      {
        headers: ['订单号', '评价内容', '评价时间', '商家回复'],
        rows: [
          {
            cells: ['301234567890', '杯子收到就有一道 裂纹', '2026-11-18 14:23:05', '—'],
            key: '18734456201',
          },
          { cells: ['301234567891', '颜值很高', '2026-11-19 09:12:44', '感谢您的喜欢'], key: '1' },
        ],
      },
    ]);
  });

  it('reads a table whose header row is in the same table', () => {
    expect(readTables(parseHtml(ORDER_TABLE))).toEqual([
      {
        headers: ['订单编号', '商品名称', '订单状态', '收货人'],
        rows: [{ cells: ['2418800012345678', '秋冬加厚卫衣', '已发货', '孙丽'], key: undefined }],
      },
    ]);
  });
});

describe('columns and cells', () => {
  const headers = ['商品信息', 'SKU编号', '订单号', '评价内容', '评分', '评价时间'];
  it('finds each field by header text, -1 when absent', () => {
    expect(
      columns(headers, { order: /^订单(号|编号)$/, text: /^(评价内容|评价)$/, reply: /^(商家回复|回复)$/ }),
    ).toEqual({ order: 2, text: 3, reply: -1 });
  });
  it.each([
    [0, '北欧马克杯'],
    [1, undefined],
    [5, undefined],
    [-1, undefined],
  ])('cellAt(…, %i)', (i, want) => expect(cellAt(['北欧马克杯', ''], i)).toBe(want));
});

describe('cell texts', () => {
  it.each([
    ['★☆☆☆☆', 1],
    ['★★★★★', 5],
    ['5星', 5],
    ['3分', 3],
    ['4', 4],
    ['暂无评分', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('starFromText(%j)', (t, want) => expect(starFromText(t)).toBe(want));

  it.each([
    ['感谢您的喜欢，期待再次光临~', '感谢您的喜欢，期待再次光临~'],
    ['回复', undefined],
    ['未回复', undefined],
    ['暂无', undefined],
    ['—', undefined],
    ['-', undefined],
    [undefined, undefined],
  ])('replyFromCell(%j)', (t, want) => expect(replyFromCell(t)).toBe(want));

  it('caps a reply at 5000 characters', () => expect(replyFromCell('谢'.repeat(6000))?.length).toBe(5000));

  it.each([
    ['18734456201', '18734456201'],
    ['kw-2026-000123', 'kw-2026-000123'],
    ['1', undefined],
    ['12345', undefined],
    ['id with spaces', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('recordKey(%j)', (k, want) => expect(recordKey(k)).toBe(want));
});

describe('domTableReader', () => {
  const REVIEW = { id: /^评价ID$/, text: /^评价内容$/, time: /^评价时间$/, order: /^订单号$/ };
  const ORDER = { id: /^订单(号|编号)$/, status: /^订单状态$/, product: /^商品名称$/ };
  const review =
    (c: Record<keyof typeof REVIEW, number>) =>
    ({ cells, key }: TableRow): ReviewDraft | RowError => {
      const reviewId = idOf(cellAt(cells, c.id)) ?? recordKey(key) ?? idOf(cellAt(cells, c.order));
      if (!reviewId) return ['missing_id', '表格行缺少评价编号或订单号'];
      const createdAt = shanghaiDateTimeToMs(cellAt(cells, c.time));
      if (!createdAt) return ['bad_time', '评价时间无法识别'];
      const text = cellAt(cells, c.text) ?? '';
      const base = { platform: 'kuaishou', reviewId, createdAt, text, appends: [], images: 0, videos: 0 };
      return { ...base, replied: false, isDefault: text === '', source: 'dom' } as ReviewDraft;
    };
  const order =
    (c: Record<keyof typeof ORDER, number>) =>
    ({ cells }: TableRow): OrderDraft | RowError => {
      const orderId = idOf(cellAt(cells, c.id));
      if (!orderId) return ['missing_id', '表格行缺少订单号'];
      return { platform: 'kuaishou', orderId, status: 'shipped', items: [], source: 'dom' };
    };
  const readDom = domTableReader([REVIEW, review], [ORDER, order], (doc) =>
    shopFromHeader(doc, 'kuaishou', /店铺\s*ID\s*[:：]\s*(\d{4,20})?/i),
  );

  it('reads review tables, order tables and the header identity; other tables are ignored', () => {
    const doc = parseHtml(`<html><body>
      <header><span>暖阳家居快手小店</span><span>店铺ID：</span><span>58213379</span></header>
      <table><tr><th>订单号</th><th>评价内容</th><th>评价时间</th></tr>
        <tr><td>2418800012345678</td><td>质量很好</td><td>2026-11-18 14:23:05</td></tr>
        <tr><td>2418800012345678</td><td>再来一单</td><td>2026-11-19 09:00:00</td></tr>
        <tr><td>2418800012345679</td><td>还行</td><td>昨天</td></tr></table>
      <table><tr><th>订单编号</th><th>商品名称</th><th>订单状态</th></tr>
        <tr><td>2418800012345678</td><td>秋冬加厚卫衣</td><td>已发货</td></tr></table>
      <table><tr><th>商品名称</th><th>评价内容</th></tr><tr><td>卫衣</td><td>好评率 98%</td></tr></table>
    </body></html>`);
    const r = readDom(doc);
    expect(r.reviews.map((x) => [x.reviewId, x.text])).toEqual([['2418800012345678', '质量很好']]);
    expect(r.orders.map((x) => x.orderId)).toEqual(['2418800012345678']);
    expect(r.rejects.map((x) => [x.code, x.message])).toEqual([
      ['duplicate_in_page', '第 2 行：与本页前面的行重复（2418800012345678）'],
      ['bad_time', '第 3 行：评价时间无法识别'],
    ]);
    expect(r.seen).toBe(4);
    expect(r.store).toEqual({
      platform: 'kuaishou',
      shopId: '58213379',
      name: '暖阳家居快手小店',
      via: 'dom',
    });
  });

  it('a page without tables or identity gives an empty result', () => {
    const r = readDom(parseHtml('<html><body><p>请先登录</p></body></html>'));
    expect(r).toMatchObject({ reviews: [], orders: [], rejects: [], seen: 0, store: undefined });
  });
});

describe('header identity', () => {
  const JD = /商家\s*(?:编号|ID)\s*[:：]\s*(\d{4,20})?/i;
  const TAOBAO = /(?:店铺|卖家)\s*ID\s*[:：]\s*(\d{4,20})?/i;

  it('lists header text nodes in order, without script or style text', () => {
    const doc = parseHtml(
      '<html><body><header><b>京东好物</b><script>var x="店铺ID：1"</script><i> 商家编号： </i></header><p>正文</p></body></html>',
    );
    expect(headerTexts(doc)).toEqual(['京东好物', '商家编号：']);
  });

  it.each<[string, string, RegExp, object | undefined]>([
    [
      'id in the next text node, name before the label',
      '<header><span>京东好物家居旗舰店</span><span>商家编号：</span><span>10123456</span></header>',
      JD,
      { shopId: '10123456', name: '京东好物家居旗舰店' },
    ],
    [
      'id in the same node, labelled name wins',
      '<header><span>欢迎</span><span>商家ID: 10123456</span><span>店铺名称：好物小铺</span></header>',
      JD,
      { shopId: '10123456', name: '好物小铺' },
    ],
    [
      'a label or a number before the id is not a name',
      '<div role="banner"><span>账号：a***b</span><span>卖家ID：2200123456</span></div>',
      TAOBAO,
      { shopId: '2200123456', name: undefined },
    ],
    [
      'no header element: the body is read',
      '<div><p>千牛小店</p><p>店铺 ID ：87654321</p></div>',
      TAOBAO,
      { shopId: '87654321', name: '千牛小店' },
    ],
    [
      'an id shorter than 4 digits is not an id',
      '<header><span>店铺ID：</span><span>123</span></header>',
      TAOBAO,
      undefined,
    ],
    ['another platform’s label', '<header><span>店铺ID：58213379</span></header>', JD, undefined],
  ])('%s', (_name, html, label, want) => {
    const got = shopFromHeader(parseHtml(`<html><body>${html}</body></html>`), 'jd', label);
    expect(got).toEqual(want && { platform: 'jd', via: 'dom', ...want });
  });
});
