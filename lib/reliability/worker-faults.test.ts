/**
 * Service-worker faults at unit level (issue #8): the worker is stopped at seeded random points of a large
 * capture — before a message arrives, inside the ingest transaction, and after the commit but before the
 * answer — and restarted with fresh module state, as Chrome does. The content script's own retry delivers
 * again. Every row must end up stored exactly once, with the content a fault-free run stores.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CaptureBatch, IngestResult } from '../capture/batch';
import { createCapture } from '../capture/content';
import type { IngestHooks } from '../background/ingest';
import { DB_NAME, openDb } from '../db';
import { rng } from '../export/testing';
import { douyin } from '../platforms/douyin';
import { COMMENTS_PAGE, SHOP_ID, commentPages, overviewMessage, reviewIdOf } from './large';
import type { TestWorker } from './worker';
import { consoleSender, startWorker, trapStoppedWorkerErrors } from './worker';

type Fault = 'before' | 'mid' | 'after';
const NOW = Date.UTC(2026, 10, 22, 2);
const PAGES = 8;
const ROWS = 300; // 2,400 reviews; pages of 300 rows travel as one message each
export const FAULTS = 10;
const stubDoc = { readyState: 'complete', querySelector: () => null, body: null } as unknown as Document;

const stray = trapStoppedWorkerErrors();
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => Dexie.delete(DB_NAME));

/**
 * Ten distinct send indices, never six in a row (the content script gives a batch six attempts), each
 * reachable: send `i` happens only if `i` < messages + faults before it.
 */
function schedule(seed: number, messages: number): Map<number, Fault> {
  const slots = messages + FAULTS - 1;
  const r = rng(seed);
  const kinds: Fault[] = ['before', 'mid', 'after'];
  const out = new Map<number, Fault>();
  while (out.size < FAULTS) {
    const i = 1 + Math.floor(r() * slots);
    if (out.has(i)) continue;
    let run = 1;
    for (let j = i - 1; out.has(j); j--) run++;
    for (let j = i + 1; out.has(j); j++) run++;
    const reachable = (k: number) => k < messages + [...out.keys(), i].filter((f) => f < k).length;
    if (run < 6 && [...out.keys(), i].every(reachable)) out.set(i, kinds[out.size % 3]!);
  }
  return out;
}

describe('worker stopped ten times during a large capture', () => {
  it.each([[11], [29]])('seed %i: every row stored exactly once', { timeout: 60_000 }, async (seed) => {
    let killInsideTransaction = false;
    const hooks: IngestHooks = {
      tables: [],
      async onChanges() {
        if (!killInsideTransaction) return;
        killInsideTransaction = false;
        throw new Error('service worker stopped');
      },
    };
    let worker: TestWorker = await startWorker({ hooks, now: () => NOW });
    const restart = async () => {
      await worker.stop();
      worker = await startWorker({ hooks, now: () => NOW });
    };
    const faults = schedule(seed, PAGES + 1);
    const hit: Fault[] = [];
    let calls = 0;
    const sender = consoleSender(COMMENTS_PAGE);
    const send = async (batch: CaptureBatch): Promise<IngestResult> => {
      const fault = faults.get(calls++);
      if (fault) hit.push(fault);
      if (fault === 'before') {
        await restart();
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      killInsideTransaction = fault === 'mid';
      const reply = await worker.send<IngestResult>('cs-bg/capture', batch, sender);
      killInsideTransaction = false;
      if (fault) {
        await restart();
        throw new Error('The message port closed before a response was received.');
      }
      if (reply.err) throw new Error(reply.err.message);
      return reply.res!;
    };
    const capture = createCapture({
      adapter: douyin,
      doc: stubDoc,
      pageUrl: () => new URL(COMMENTS_PAGE),
      send,
      now: () => NOW,
    });
    const pages = commentPages(PAGES, ROWS);
    await capture(overviewMessage());
    for (const m of pages) await capture(m);
    await worker.stop();
    expect(hit).toHaveLength(FAULTS);

    const db = openDb();
    const stored = await db.reviews.toArray();
    const expected = pages.flatMap((_, p) => Array.from({ length: ROWS }, (_, i) => reviewIdOf(p, i)));
    expect(stored).toHaveLength(PAGES * ROWS);
    expect(new Set(stored.map((r) => r.reviewId))).toEqual(new Set(expected));
    // Stored exactly once: the health log adds up to one "added" per row and never an update.
    const events = await db.captureEvents.toArray();
    const ok = events.filter((e) => e.outcome === 'ok' && e.endpoint === 'commentList');
    expect(ok.reduce((n, e) => n + e.added, 0)).toBe(PAGES * ROWS);
    expect(ok.reduce((n, e) => n + e.updated, 0)).toBe(0);
    // Same content as a fault-free parse of the same responses.
    const drafts = pages.flatMap(
      (m) =>
        douyin.parse('commentList', JSON.parse(m.text!), {
          url: new URL(m.url),
          pageUrl: new URL(COMMENTS_PAGE),
          now: NOW,
        }).reviews,
    );
    const byId = new Map(stored.map((r) => [r.reviewId, r]));
    for (const d of drafts)
      expect(byId.get(d.reviewId)).toMatchObject({ ...d, storeKey: `douyin:${SHOP_ID}` });
    db.close();
    expect(stray()).toEqual([]);
  });
});
