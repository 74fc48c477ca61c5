/**
 * Schema v7 (issue #14): a database as shipped before the outbox (v4, every table filled) opens at v7 with
 * its rows intact and an empty outbox whose [state+nextAt] index serves the delivery loop.
 */
import { afterEach, expect, it } from 'vitest';
import { openDb, type KoubeiDb } from '../db';
import { openAt, rowsFor, tablesAt } from '../reliability/schema-history';
import { enqueue, runOutbox } from './outbox';
import type { StoredTarget, TeamMessage } from './types';

const opened: KoubeiDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

it('a v4 database upgrades to v7: rows intact, outbox empty and usable', async () => {
  const name = 'koubei-team-v4-to-v7';
  const old = openAt(name, 4);
  await old.open();
  const before: Record<string, unknown[]> = {};
  for (const [table, spec] of Object.entries(tablesAt(4))) {
    await old.table(table).bulkAdd(rowsFor(table, spec, 12));
    before[table] = await old.table(table).toArray();
  }
  old.close();
  expect(tablesAt(4)).not.toHaveProperty('outbox');

  const db = openDb(name);
  opened.push(db);
  await db.open();
  expect(db.verno).toBeGreaterThanOrEqual(7);
  for (const [table, rows] of Object.entries(before)) {
    // v9 regroups score marks per store-day (lib/reliability/score-marks-schema.test.ts): every ref stays.
    if (table === 'scoreMarks') {
      const refs = (await db.scoreMarks.toArray()).flatMap((d) => d.m.map((e) => e.ref));
      expect(refs.sort()).toEqual(rows.map((r) => (r as { ref: string }).ref).sort());
      continue;
    }
    expect(await db.table(table).toArray()).toEqual(rows);
  }
  expect(await db.outbox.count()).toBe(0);

  const now = Date.UTC(2026, 10, 22, 2);
  const target: StoredTarget = {
    ...{ id: 't', storeKey: 's', platform: 'wecom', name: '群', secret: '', enabled: true, rev: 1 },
    webhook: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k',
  };
  const message: TeamMessage = { kind: 'test', level: 'info', title: '测试', lines: [], ref: 'x' };
  expect(await enqueue(db, [{ source: 'test|1', storeKey: 's', message }], [target], now)).toBe(1);
  const due = await db.outbox
    .where('[state+nextAt]')
    .between(['pending', 0], ['pending', now], true, true)
    .count();
  expect(due).toBe(1);
  // Nothing listens on port 9: the attempt is a network error, retried later — the row stays pending.
  const r = await runOutbox(db, {
    now: () => now,
    fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    targets: async () => [target],
    random: () => 0,
  });
  expect(r.retried).toBe(1);
  expect((await db.outbox.get('t|test|1'))?.state).toBe('pending');
});
