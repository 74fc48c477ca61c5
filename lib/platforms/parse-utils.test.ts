import { describe, expect, it } from 'vitest';
import { emptyResult } from '../capture/batch';
import type { Obj, RowError } from './parse-utils';
import {
  collectRows,
  idOf,
  isObj,
  list,
  msToMs,
  numOf,
  obj,
  objRow,
  parseFrame,
  secondsToMs,
  shanghaiDateTimeToMs,
  starOf,
  TimeUnitError,
  yes,
  yuanToFen,
} from './parse-utils';

describe('shanghaiDateTimeToMs', () => {
  it.each([
    ['2026-11-21 06:00:00', Date.UTC(2026, 10, 20, 22, 0, 0)],
    ['2026-11-21', Date.UTC(2026, 10, 20, 16, 0, 0)],
    ['2026/1/5 08:30', Date.UTC(2026, 0, 5, 0, 30, 0)],
    ['2026年11月21日 23:59:59', Date.UTC(2026, 10, 21, 15, 59, 59)],
    ['2024-02-29 00:00:00', Date.UTC(2024, 1, 28, 16, 0, 0)],
  ])('%s', (text, ms) => expect(shanghaiDateTimeToMs(text)).toBe(ms));

  it.each([
    '2026-13-40',
    '2025-02-29',
    '2026-11-31',
    '2026-11-21 24:00:00',
    '2026-11-21 12:60',
    'yesterday',
    '',
    '1899-01-01',
  ])('refuses %s', (text) => expect(shanghaiDateTimeToMs(text)).toBeUndefined());
});

describe('time units', () => {
  it('seconds → ms, refusing a ms value where seconds are expected', () => {
    expect(secondsToMs(1_763_420_000, 'f')).toBe(1_763_420_000_000);
    expect(secondsToMs('1763420000', 'f')).toBe(1_763_420_000_000);
    expect(secondsToMs(0, 'f')).toBeUndefined();
    expect(() => secondsToMs(1_763_420_000_000, 'f')).toThrow(TimeUnitError);
    expect(() => secondsToMs('abc', 'f')).toThrow(TimeUnitError);
  });
  it('ms stays ms, refusing seconds', () => {
    expect(msToMs(1_763_420_000_000, 'f')).toBe(1_763_420_000_000);
    expect(() => msToMs(1_763_420_000, 'f')).toThrow(TimeUnitError);
  });
});

describe('ids, stars, numbers', () => {
  it.each([
    ['6931234567890123456', '6931234567890123456'],
    ["'6931234567890123456", '6931234567890123456'],
    ['\t6931234567890123456', '6931234567890123456'],
    [12345, '12345'],
    [2 ** 60, undefined],
    ['0', undefined],
    ['', undefined],
    [-5, undefined],
    [{ id: 1 }, undefined],
  ])('idOf(%j)', (v, want) => expect(idOf(v)).toBe(want));
  it.each([
    [5, 5],
    ['3', 3],
    [0, undefined],
    [6, undefined],
    [4.5, undefined],
  ])('starOf(%j)', (v, want) => expect(starOf(v)).toBe(want));
  it.each([
    ['98.5%', 98.5],
    ['1,234', 1234],
    ['', undefined],
    [Number.NaN, undefined],
    [' ', undefined],
  ])('numOf(%j)', (v, want) => expect(numOf(v)).toBe(want));
});

describe('JSON guards', () => {
  it.each([
    [{ commentId: '1' }, true],
    [[], false],
    [null, false],
    ['好评', false],
  ])('isObj(%j)', (v, want) => expect(isObj(v)).toBe(want));
  it.each([
    [{ shopName: '暖阳家居' }, { shopName: '暖阳家居' }],
    [['暖阳家居'], {}],
    [undefined, {}],
  ])('obj(%j)', (v, want) => expect(obj(v)).toEqual(want));
  it.each([
    [
      [{ content: '好评' }, null, '差评', [1], { content: '中评' }],
      [{ content: '好评' }, { content: '中评' }],
    ],
    [{ content: '好评' }, []],
    [undefined, []],
  ])('list(%j)', (v, want) => expect(list(v)).toEqual(want));
  it.each([
    [true, true],
    [1, true],
    ['1', true],
    ['true', true],
    [false, false],
    [0, false],
    ['是', false],
    [undefined, false],
  ])('yes(%j)', (v, want) => expect(yes(v)).toBe(want));
});

describe('yuanToFen', () => {
  it.each([
    ['129.00', 12900],
    ['¥89.90', 8990],
    ['￥1,299.5', 129950],
    ['158元', 15800],
    [0.1 + 0.2, 30],
    ['面议', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('yuanToFen(%j)', (v, want) => expect(yuanToFen(v)).toBe(want));
});

describe('collectRows', () => {
  /** A review mapper the way adapters write them: RowError for bad rows, TimeUnitError from time readers. */
  const review = (row: Obj): { reviewId: string; createdAt: number } | RowError => {
    const reviewId = idOf(row.commentId);
    if (!reviewId) return ['missing_id', '缺少评价 id（commentId）'];
    const createdAt = msToMs(row.createTime, 'createTime');
    if (!createdAt) return ['bad_time', '缺少评价时间 createTime'];
    if (row.content === 'boom') throw new Error('mapper bug');
    return { reviewId, createdAt };
  };
  const T = 1_763_420_000_000;

  it.each<[string, unknown[], string[], [string, string, number][]]>([
    [
      'clean page',
      [
        { commentId: 'c1', createTime: T },
        { commentId: 'c2', createTime: T },
      ],
      ['c1', 'c2'],
      [],
    ],
    [
      'a row that is not an object',
      [{ commentId: 'c1', createTime: T }, '差评'],
      ['c1'],
      [['schema', '第 2 行：不是对象', 1]],
    ],
    [
      'missing id',
      [{ createTime: T, content: '物流很快' }],
      [],
      [['missing_id', '第 1 行：缺少评价 id（commentId）', 0]],
    ],
    [
      'time in seconds where ms are expected',
      [{ commentId: 'c1', createTime: 1_763_420_000 }],
      [],
      [['bad_time', '第 1 行：createTime=1763420000 不是毫秒级时间戳', 0]],
    ],
    [
      'same review twice',
      [
        { commentId: 'c1', createTime: T },
        { commentId: 'c1', createTime: T },
      ],
      ['c1'],
      [['duplicate_in_page', '第 2 行：与本页前面的行重复（c1）', 1]],
    ],
  ])('%s', (_name, rows, kept, rejects) => {
    const r = emptyResult();
    const out: { reviewId: string }[] = [];
    collectRows(rows, objRow(review), (x) => x.reviewId, out, r);
    expect(out.map((x) => x.reviewId)).toEqual(kept);
    expect(r.rejects.map((x) => [x.code, x.message, x.row])).toEqual(rejects);
    expect(r.seen).toBe(rows.length);
  });

  it('names what repeats in the duplicate message', () => {
    const r = emptyResult();
    const rows = [
      { commentId: 'f1', createTime: T },
      { commentId: 'f1', createTime: T },
    ];
    collectRows(rows, objRow(review), (x) => x.reviewId, [], r, '评价');
    expect(r.rejects[0]?.message).toBe('第 2 行：与本页前面的评价重复（f1）');
  });

  it('lets other exceptions through to the caller (parseFrame reports them)', () => {
    const rows = [{ commentId: 'c1', createTime: T, content: 'boom' }];
    expect(() => collectRows(rows, objRow(review), (x) => x.reviewId, [], emptyResult())).toThrow(
      'mapper bug',
    );
  });
});

describe('parseFrame', () => {
  it('an envelope error is the only rejection, and nothing is read', () => {
    let read = false;
    const r = parseFrame('拼多多返回错误 43001 会话已过期：登录已过期', () => (read = true));
    expect(read).toBe(false);
    expect(r.rejects).toEqual([
      { code: 'envelope_error', message: '拼多多返回错误 43001 会话已过期：登录已过期' },
    ]);
  });

  it('keeps what was read before an exception and reports it as internal', () => {
    const r = parseFrame(undefined, (res) => {
      res.seen = 3;
      throw new TypeError('rows.map is not a function');
    });
    expect(r.seen).toBe(3);
    expect(r.rejects).toEqual([{ code: 'internal', message: 'rows.map is not a function' }]);
  });

  it('returns what read filled', () => {
    const r = parseFrame(undefined, (res) => {
      res.store = { platform: 'jd', shopId: '10123456', via: 'api' };
    });
    expect(r.store).toEqual({ platform: 'jd', shopId: '10123456', via: 'api' });
    expect(r.rejects).toEqual([]);
  });
});
