/**
 * The 多维表格 upsert against a local mock of the 飞书 open platform: fields created on first sync, two
 * syncs never duplicate, batches within the documented sizes, token expiry, rate limits, bad credentials,
 * and 10,000 rows within the 60 s target.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BATCH, BitableError, FeishuApi, upsertTable, type Fields } from './bitable';
import { KEY_FIELD, REVIEW_FIELDS } from './board';
import { MockBitable } from './testing/mock-bitable';

const T0 = Date.UTC(2026, 10, 22, 2);
let serverNow = T0;
const mock = new MockBitable({ id: 'cli_test', secret: 'app-secret' }, () => serverNow);
let n = 0;
let table = '';

beforeAll(() => mock.start());
afterAll(() => mock.stop());
beforeEach(() => {
  serverNow = T0;
  table = `tbl${++n}`;
  mock.addTable('bascnApp', table);
});

const api = (over: Partial<ConstructorParameters<typeof FeishuApi>[0]> = {}) =>
  new FeishuApi({
    appId: 'cli_test',
    appSecret: 'app-secret',
    baseUrl: mock.origin,
    fetchFn: (u, i) => fetch(u, i),
    now: () => T0,
    sleep: async () => undefined,
    ...over,
  });

const rows = (count: number, replied = false): Fields[] =>
  Array.from({ length: count }, (_, i) => ({
    [KEY_FIELD]: `douyin:1|${i}`,
    店铺: '测试旗舰店',
    评价时间: T0 - i * 60_000,
    星级: 1 + (i % 2),
    内容: `第 ${i} 条：物流太慢`,
    问题类别: '物流',
    回复状态: replied ? '已回复' : '未回复',
    回复截止: null,
  }));

const stored = () => mock.tables.get(`bascnApp/${table}`)!;

describe('多维表格 upsert', () => {
  it('creates missing fields with their types, then upserts by key: two syncs, no duplicates', async () => {
    const a = api();
    const first = await upsertTable(a, 'bascnApp', table, KEY_FIELD, REVIEW_FIELDS, rows(30));
    expect(first).toEqual({ created: 30, updated: 0, fieldsCreated: REVIEW_FIELDS.map((f) => f.name) });
    expect(stored().fields.map((f) => [f.field_name, f.type])).toEqual(
      REVIEW_FIELDS.map((f) => [f.name, f.type]),
    );
    const second = await upsertTable(a, 'bascnApp', table, KEY_FIELD, REVIEW_FIELDS, [
      ...rows(35, true),
      ...rows(2),
    ]);
    expect(second).toEqual({ created: 5, updated: 30, fieldsCreated: [] });
    expect(stored().records).toHaveLength(35);
    expect(new Set(stored().records.map((r) => r.fields[KEY_FIELD])).size).toBe(35);
    expect(stored().records.every((r) => r.fields['回复状态'] === '已回复')).toBe(true);
  });

  it('an expired tenant token is replaced once and the call repeated', async () => {
    const a = api();
    await upsertTable(a, 'bascnApp', table, KEY_FIELD, REVIEW_FIELDS, rows(3));
    const before = mock.tokenRequests;
    serverNow = T0 + 3 * 3_600_000; // the platform's clock passed the 2-hour expiry; ours did not notice
    const r = await upsertTable(a, 'bascnApp', table, KEY_FIELD, REVIEW_FIELDS, rows(4));
    expect(r).toMatchObject({ created: 1, updated: 3 });
    expect(mock.tokenRequests).toBe(before + 1);
  });

  it('waits out a rate limit (429 + x-ogw-ratelimit-reset) and continues', async () => {
    const waits: number[] = [];
    mock.rateLimitNext = 2;
    const r = await upsertTable(
      api({ sleep: async (ms) => void waits.push(ms) }),
      'bascnApp',
      table,
      KEY_FIELD,
      REVIEW_FIELDS,
      rows(2),
    );
    expect(r.created).toBe(2);
    expect(waits).toEqual([1000, 1000]);
  });

  it('wrong app credentials: a clear Chinese error, nothing written', async () => {
    await expect(
      upsertTable(api({ appSecret: 'wrong' }), 'bascnApp', table, KEY_FIELD, REVIEW_FIELDS, rows(1)),
    ).rejects.toThrow(/App Secret/);
    await expect(
      upsertTable(api({ appSecret: 'wrong' }), 'bascnApp', table, KEY_FIELD, REVIEW_FIELDS, rows(1)),
    ).rejects.toBeInstanceOf(BitableError);
    expect(stored().records).toHaveLength(0);
  });

  it(
    '10,000 review rows, synced twice, within the documented batch sizes and under 60 s',
    { timeout: 120_000 },
    async () => {
      const a = api();
      const t0 = performance.now();
      await upsertTable(a, 'bascnApp', table, KEY_FIELD, REVIEW_FIELDS, rows(10_000));
      const firstMs = performance.now() - t0;
      const t1 = performance.now();
      const again = await upsertTable(a, 'bascnApp', table, KEY_FIELD, REVIEW_FIELDS, rows(10_000, true));
      const secondMs = performance.now() - t1;
      expect(again).toMatchObject({ created: 0, updated: 10_000 });
      expect(stored().records).toHaveLength(10_000);
      expect(mock.maxBatch.create).toBeLessThanOrEqual(BATCH);
      expect(mock.maxBatch.update).toBeLessThanOrEqual(BATCH);
      expect(mock.maxBatch.searchPage).toBeLessThanOrEqual(500);
      expect(firstMs).toBeLessThan(60_000);
      expect(secondMs).toBeLessThan(60_000);
      console.log(
        `[figures] 多维表格 10,000 rows: first sync ${Math.round(firstMs)} ms, second ${Math.round(secondMs)} ms, ${a.calls} API calls`,
      );
    },
  );
});
