import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureBatch } from '../capture/batch';
import { redact } from '../capture/redact';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { driftKey, driftRows, recordDrift } from './drift';
import type { DriftRow } from './drift';

let db: KoubeiDb;
beforeEach(() => {
  db = openDb(`drift-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const T = Date.UTC(2026, 10, 22, 2);
const batch = (drift: CaptureBatch['drift'], rejects: CaptureBatch['rejects'] = []): CaptureBatch => ({
  platform: 'pdd',
  endpoint: 'reviewsList',
  page: '/goods/evaluation/index',
  source: 'api',
  reviews: [],
  orders: [],
  scores: [],
  rejects,
  seen: 20,
  bytes: 1000,
  drift,
});

describe('recordDrift', () => {
  it('keeps first/last seen, missing fields, fields new since the first response, reasons', async () => {
    await recordDrift(db, batch({ missing: [], fields: ['reviewId', 'comment'] }), T);
    await recordDrift(
      db,
      batch({ missing: ['reviewId'], fields: ['review_id', 'comment'] }, [
        { code: 'missing_id', message: '第 1 行：缺少评价 id', row: 0 },
        { code: 'missing_id', message: '第 2 行：缺少评价 id', row: 1 },
      ]),
      T + 60_000,
    );
    const row = (await db.meta.get(driftKey('pdd', 'reviewsList')))!.value as DriftRow;
    expect(row).toMatchObject({
      firstSeen: T,
      lastSeen: T + 60_000,
      responses: 2,
      missing: ['reviewId'],
      newFields: [{ field: 'review_id', at: T + 60_000 }],
      rejectedRows: 2,
      reasons: [{ code: 'missing_id', message: '缺少评价 id', count: 2 }],
    });
    expect(await driftRows(db)).toHaveLength(1);
  });

  it('stores a sample only when it is really redacted (a page cannot smuggle text in)', async () => {
    await recordDrift(db, batch({ missing: ['x'], fields: ['y'], sample: { comment: '买家原话' } }), T);
    expect(((await db.meta.get(driftKey('pdd', 'reviewsList')))!.value as DriftRow).sample).toBeUndefined();
    const good = redact({ result: { data: [{ comment: '买家原话', descScore: 1 }] } }, 's');
    await recordDrift(db, batch({ missing: ['x'], fields: ['y'], sample: good }), T + 1);
    const row = (await db.meta.get(driftKey('pdd', 'reviewsList')))!.value as DriftRow;
    expect(row.sample).toEqual(good);
    expect(JSON.stringify(row.sample)).not.toContain('买家');
  });
});
