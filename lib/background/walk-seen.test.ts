import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureBatch } from '../capture/batch';
import type { WalkerState } from '../capture/walker';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { recordKey } from '../keys';
import type { Review } from '../model';
import { finishWalk, recordWalkSeen } from './walk-seen';

const STORE = 'douyin:4461234';
const PAGE = '/ffa/maftersale/comment';
const T = Date.UTC(2026, 10, 1);
const TAB = 7;
let db: KoubeiDb;

const draft = (i: number) => ({
  platform: 'douyin',
  reviewId: `r${i}`,
  createdAt: T + i * 60_000,
  text: '',
  appends: [],
  images: 0,
  videos: 0,
  replied: false,
  source: 'api',
});
const stored = (i: number): Review => ({
  ...(draft(i) as Omit<Review, 'key' | 'storeKey' | 'capturedAt' | 'updatedAt'>),
  key: recordKey(STORE, `r${i}`),
  storeKey: STORE,
  capturedAt: T,
  updatedAt: T,
});
const batch = (ids: number[], page = PAGE): CaptureBatch => ({
  platform: 'douyin',
  endpoint: 'commentList',
  page,
  source: 'api',
  reviews: ids.map(draft),
  orders: [],
  scores: [],
  rejects: [],
  seen: ids.length,
  bytes: 100,
});
const walk = (o: Partial<WalkerState> = {}): WalkerState => ({
  platform: 'douyin',
  path: PAGE,
  mode: 'full',
  status: 'running',
  pages: 1,
  rowsSeen: 0,
  added: 0,
  updated: 0,
  startedAt: T + 1e6,
  updatedAt: T + 1e6,
  ...o,
});
const saveWalk = (s: WalkerState) => db.meta.put({ key: `walker|${TAB}|douyin|${PAGE}`, value: s });
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

beforeEach(async () => {
  db = openDb(`walk-seen-${Math.random()}`);
  await db.reviews.bulkPut(range(0, 30).map(stored));
});
afterEach(() => db.delete());

describe('a full walk marks the reviews it no longer showed (issue #16)', () => {
  it('pages seen while running, then done at the last page', async () => {
    await saveWalk(walk());
    await recordWalkSeen(db, TAB, batch(range(0, 15)), STORE, T + 2e6);
    await recordWalkSeen(db, TAB, batch(range(15, 30).filter((i) => i !== 22)), STORE, T + 3e6);
    const done = walk({ status: 'done', pages: 2 });
    await saveWalk(done);
    const r = await finishWalk(db, TAB, done, T + 4e6);
    expect(r).toMatchObject({ gone: [recordKey(STORE, 'r22')], stored: 30, shown: 29 });
    expect((await db.reviews.get(recordKey(STORE, 'r22')))?.goneAt).toBe(T + 4e6);
    expect((await db.reviews.get(recordKey(STORE, 'r21')))?.goneAt).toBeUndefined();
    expect(await db.meta.get(`walkseen|${TAB}|douyin|${PAGE}`)).toBeUndefined();
  });

  it('marks nothing for an incremental or stopped walk, or batches from another page', async () => {
    await saveWalk(walk({ mode: 'incremental' }));
    await recordWalkSeen(db, TAB, batch(range(0, 29)), STORE, T);
    expect(await db.meta.get(`walkseen|${TAB}|douyin|${PAGE}`)).toBeUndefined();

    await saveWalk(walk());
    await recordWalkSeen(db, TAB, batch(range(0, 29)), STORE, T);
    await recordWalkSeen(db, TAB, batch([29], '/other'), STORE, T);
    expect(await finishWalk(db, TAB, walk({ status: 'stopped' }), T)).toBeUndefined();
    expect((await db.reviews.toArray()).filter((r) => r.goneAt !== undefined)).toEqual([]);
  });

  it('a new walk starts a new record of what was seen', async () => {
    await saveWalk(walk({ startedAt: 1 }));
    await recordWalkSeen(db, TAB, batch(range(0, 30)), STORE, T);
    await saveWalk(walk());
    await recordWalkSeen(db, TAB, batch(range(0, 29).filter((i) => i !== 10)), STORE, T);
    const r = await finishWalk(db, TAB, walk({ status: 'done' }), T);
    // The first walk's sighting of r10 does not count; r29 lies outside the span this walk showed.
    expect(r).toMatchObject({ gone: [recordKey(STORE, 'r10')], stored: 29, shown: 28 });
  });
});
