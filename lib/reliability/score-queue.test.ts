/**
 * "Keeps working" (issue #8): one failed score refresh — a transient IndexedDB error, the database closed
 * under it — must not stop every later refresh of the worker's life. The refresh queue is a promise
 * chain; a rejected link used to skip everything queued after it.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { makeStore } from '../export/testing';

vi.setConfig({ testTimeout: 30_000 });
const NOW = Date.UTC(2026, 10, 22, 2);
let db: KoubeiDb | undefined;
afterEach(async () => {
  await db?.delete();
});

it('a refresh after a failed one still runs', async () => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.resetModules();
  const { registerScore } = await import('../background/score');
  db = openDb(`score-queue-${Math.random()}`);
  await db.stores.put(makeStore());
  const score = registerScore(db, {
    now: () => NOW,
    extensionOrigin: 'chrome-extension://test-extension-id/',
  });
  // Refreshes run once the start-up aggregate rebuild is done.
  const { readStatus } = await import('../background/aggregates');
  await vi.waitFor(async () => expect((await readStatus(db!))?.status).toBe('ready'), { timeout: 15_000 });
  await score.idle();
  const reads = vi.spyOn(db.stores, 'toArray');
  reads.mockRejectedValueOnce(new Error('UnknownError: transient read failure'));
  await score.refreshAll().catch(() => undefined);
  const before = reads.mock.calls.length;
  expect(before).toBeGreaterThanOrEqual(1);
  await score.refreshAll().catch(() => undefined);
  expect(reads.mock.calls.length).toBeGreaterThan(before);
});
