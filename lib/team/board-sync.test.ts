/**
 * Board sync from the app's records into the 飞书多维表格 mock: after two syncs each table holds one row per
 * record key, reviews carry no buyer fields, and alerts/snapshots are there too.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb } from '../db';
import { makeReviews, makeStore } from '../export/testing';
import type { AlertRow } from '../score-view/types';
import { KEY_FIELD } from './board';
import { boardProblems, syncBoard } from './board-sync';
import { MockBitable } from './testing/mock-bitable';
import type { BoardSettings } from './types';

const NOW = Date.UTC(2026, 10, 22, 2);
const mock = new MockBitable({ id: 'cli_a', secret: 's' }, () => NOW);
beforeAll(() => mock.start());
afterAll(() => mock.stop());

it('two syncs: every negative review and alert once, no buyer data', async () => {
  const db = openDb('team-board-sync');
  await db.open();
  const store = makeStore();
  await db.stores.put(store);
  const reviews = makeReviews(store, 200, 3);
  await db.reviews.bulkPut(reviews);
  const alert: AlertRow = {
    ...{ key: `score_drop|${store.key}|2026-11-22`, topic: `score_drop|${store.key}`, kind: 'score_drop' },
    ...{ severity: 'critical', title: '口碑分下降', detail: '物流 −0.12', storeKey: store.key, at: NOW },
    ...{ state: 'active', firstAt: NOW, lastAt: NOW },
  };
  await db.alerts.put(alert);
  for (const t of ['tblS', 'tblR', 'tblA']) mock.addTable('bascn', t);
  const s: BoardSettings = {
    ...{ enabled: true, appId: 'cli_a', appSecret: 's', appToken: 'bascn' },
    tables: { snapshots: 'tblS', reviews: 'tblR', alerts: 'tblA' },
  };
  expect(boardProblems(s)).toEqual([]);
  const deps = {
    fetchFn: (u: RequestInfo | URL, i?: RequestInit) => fetch(u, i),
    now: () => NOW,
    baseUrl: mock.origin,
  };
  const first = await syncBoard(db, s, deps);
  const bad = (await db.reviews.toArray()).filter((r) => r.polarity === 'bad');
  expect(bad.length).toBeGreaterThan(0);
  expect(first.reviews).toMatchObject({ created: bad.length, updated: 0 });
  await db.alerts.put({ ...alert, state: 'resolved' });
  const second = await syncBoard(db, s, deps);
  expect(second.reviews).toMatchObject({ created: 0, updated: bad.length });
  expect(second.alerts).toMatchObject({ created: 0, updated: 1 });
  const table = (t: string) => mock.tables.get(`bascn/${t}`)!;
  expect(table('tblR').records).toHaveLength(bad.length);
  expect(new Set(table('tblR').records.map((r) => r.fields[KEY_FIELD])).size).toBe(bad.length);
  expect(table('tblA').records.map((r) => r.fields['状态'])).toEqual(['已解除']);
  const names = table('tblR').fields.map((f) => f.field_name);
  expect(names.some((n) => /昵称|买家|手机|地址|订单/.test(n))).toBe(false);
  await db.delete();
});
