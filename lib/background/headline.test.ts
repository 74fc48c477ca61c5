import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { cardOf } from '../headline/compute';
import { readHeadline } from '../headline/read';
import { HEADLINES_KEY } from '../headline/schema';
import type { Order, Review } from '../model';
import { dayStart } from '../model';
import { double11, officialOf, STORE } from '../score-view/testing';
import { runRebuild } from './aggregates';
import { recount } from './counts';
import { writeHeadlines } from './headline';
import { refreshStore } from './snapshots';

const { all } = double11();
const at = (day: string) => dayStart(day) + 10 * 3_600_000;
let db: KoubeiDb;
let n = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  db = openDb(`headline-${++n}`);
  await db.open();
  await db.reviews.bulkPut(all.filter((r): r is Review => 'reviewId' in r));
  await db.orders.bulkPut(all.filter((r): r is Order => !('reviewId' in r)));
  await db.stores.put({
    key: STORE,
    platform: 'douyin',
    shopId: '7000123',
    firstSeen: at('2026-09-20'),
    lastSeen: at('2026-11-21'),
  });
  await runRebuild(db, () => at('2026-11-21'));
});
afterEach(() => db.close());

describe('writeHeadlines', () => {
  it('stores the newest snapshot’s card and the counts, and the pages read back exactly that', async () => {
    await db.officialScores.put(officialOf('2026-11-21', 68.75, [88, 59, 76], 50));
    const store = (await db.stores.get(STORE))!;
    const latest = (await refreshStore(db, store, at('2026-11-22')))!;
    const counts = await recount(db, STORE);
    await writeHeadlines(db, at('2026-11-22'));

    const h = await readHeadline();
    expect(h).toBeDefined();
    expect(h!.storeKey).toBe(STORE);
    expect(h!.date).toBe(latest.date);
    expect(h!.counts).toEqual(counts);
    expect(counts.reviews + counts.orders).toBe(all.length);
    // A real snapshot passes validation; every value kept is the snapshot's own (the schema drops only
    // fields the card does not read, e.g. the official's window order count).
    expect(cardOf(latest)).toMatchObject(h!.card!);
    expect(h!.card!.head.official ?? h!.card!.head.headline).toMatchObject({
      source: 'official',
      date: '2026-11-21',
    });
    expect(latest.head!.headline).toMatchObject(h!.card!.head.headline);
    expect(h!.card!.head.urgent).toEqual(latest.head!.urgent);
  });

  it('drops a deleted store and keeps an entry without a card for a store not scored yet', async () => {
    await writeHeadlines(db, at('2026-11-22'));
    let raw = (await fakeBrowser.storage.local.get(HEADLINES_KEY))[HEADLINES_KEY] as {
      stores: { storeKey: string; card?: unknown }[];
    };
    expect(raw.stores.map((s) => [s.storeKey, s.card === undefined])).toEqual([[STORE, true]]);
    // No card to paint for the popup or 概览 (they check `card`); 评价 can paint its newest reviews.
    const head = await readHeadline();
    expect(head?.card).toBeUndefined();
    expect(head?.recent?.length).toBeGreaterThan(0);

    await db.stores.delete(STORE);
    await writeHeadlines(db, at('2026-11-22'));
    raw = (await fakeBrowser.storage.local.get(HEADLINES_KEY))[HEADLINES_KEY] as typeof raw;
    expect(raw.stores).toEqual([]);
  });
});
