/**
 * Robot secrets never leave this machine's extension storage (issue #14): after alerts were queued and
 * delivered, no Dexie row, no JSON backup and no CSV/XLSX export holds a webhook token or a signing
 * secret; log lines about a target are redacted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type KoubeiDb } from '../db';
import { writeBackup } from '../export/backup';
import { EXPORT_KINDS } from '../export/kinds';
import { exportData } from '../export/run';
import { makeReviews, makeStore } from '../export/testing';
import { teamSettingsItem } from '../settings';
import { enqueue, runOutbox } from './outbox';
import { MockPlatforms } from './testing/mock-platforms';
import type { StoredTarget } from './types';

const NOW = Date.UTC(2026, 10, 22, 2);
const SECRETS = ['fs-hook-TOKEN-123', 'fs-SECRET-456', 'dd-ACCESS-789', 'SECdd-SIGN-000', 'wc-KEY-abc'];
const server = new MockPlatforms(
  [
    { platform: 'feishu', token: SECRETS[0]!, secret: SECRETS[1]! },
    { platform: 'dingtalk', token: SECRETS[2]!, secret: SECRETS[3]! },
    { platform: 'wecom', token: SECRETS[4]! },
  ],
  () => NOW,
);
const store = makeStore();
let db: KoubeiDb;
let targets: StoredTarget[];
const logs: string[] = [];
const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));

beforeAll(async () => {
  fakeBrowser.reset();
  await server.start();
  db = openDb('team-secrets');
  await db.open();
  await db.stores.put(store);
  await db.reviews.bulkPut(makeReviews(store, 50));
  const base = { storeKey: store.key, name: '群', enabled: true, rev: 1 };
  targets = [
    {
      ...base,
      id: 'f',
      platform: 'feishu',
      webhook: server.webhook({ platform: 'feishu', token: SECRETS[0]! }),
      secret: SECRETS[1]!,
    },
    {
      ...base,
      id: 'd',
      platform: 'dingtalk',
      webhook: server.webhook({ platform: 'dingtalk', token: SECRETS[2]! }),
      secret: 'SECwrong',
    },
    {
      ...base,
      id: 'w',
      platform: 'wecom',
      webhook: server.webhook({ platform: 'wecom', token: SECRETS[4]! }),
      secret: '',
    },
  ];
  await teamSettingsItem.setValue({ targets, digest: { enabled: true, time: '09:00' } });
  const message = {
    kind: 'alert',
    level: 'warn',
    title: '预警',
    lines: ['物流差评 3 条'],
    ref: 'x',
  } as const;
  await enqueue(
    db,
    [{ source: 'alert|1', storeKey: store.key, message: { ...message, lines: [...message.lines] } }],
    targets,
    NOW,
  );
  await runOutbox(db, {
    now: () => NOW,
    fetch: (u, i) => fetch(u, i),
    targets: async () => targets,
    random: () => 0,
    log: (l) => logs.push(l),
  });
});
afterAll(async () => {
  await db.delete();
  await server.stop();
});

describe('robot secrets', () => {
  it('were used: two robots got the alert, the wrong 钉钉 secret failed and was logged', async () => {
    expect(server.received.map((r) => r.platform).sort()).toEqual(['feishu', 'wecom']);
    expect(logs.some((l) => l.includes('310000'))).toBe(true);
  });

  it('are kept in chrome.storage.local only', async () => {
    expect(leaks(JSON.stringify(await teamSettingsItem.getValue()))).toHaveLength(SECRETS.length - 1);
  });

  it('are in no Dexie row (outbox and meta included)', async () => {
    expect(await db.outbox.count()).toBe(3);
    for (const t of db.tables) expect(leaks(JSON.stringify(await t.toArray())), t.name).toEqual([]);
  });

  it('are in no JSON backup and no CSV export', async () => {
    const { blob } = await writeBackup(db, { filter: {}, now: NOW });
    expect(leaks(await blob.text())).toEqual([]);
    for (const k of EXPORT_KINDS) {
      const out = await exportData(db, { format: 'csv', kinds: [k.id], filter: {}, now: NOW });
      expect(leaks(await out.blob.text())).toEqual([]);
    }
  });

  it('are redacted in log lines', () => {
    expect(logs.length).toBeGreaterThan(0);
    expect(leaks(logs.join('\n'))).toEqual([]);
  });
});
