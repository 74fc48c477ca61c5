/**
 * The records the 运营看板 read: a store's orders (by pay time) and reviews (by creation time) of the
 * chosen window, and its official scores. Bounded: a window holds at most `LIMIT` of each.
 */
import Dexie from 'dexie';
import { getDb } from '@/lib/db';
import { DAY_MS, type OfficialScore, type Order, type Review, type Store } from '@/lib/model';
import { useLive, type Live } from '../hooks';

export const LIMIT = 60_000;

export interface BoardData {
  orders: Order[];
  reviews: Review[];
  scores: OfficialScore[];
}

export function useBoardData(store: Store, days: number, now: number): Live<BoardData> {
  const from = days > 0 ? now - days * DAY_MS : 0;
  return useLive(async () => {
    const db = getDb();
    const [orders, reviews, scores] = await Promise.all([
      db.orders
        .where('[storeKey+paidAt]')
        .between([store.key, from], [store.key, Dexie.maxKey])
        .reverse()
        .limit(LIMIT)
        .toArray(),
      db.reviews
        .where('[storeKey+createdAt]')
        .between([store.key, from], [store.key, Dexie.maxKey])
        .reverse()
        .limit(LIMIT)
        .toArray(),
      db.officialScores
        .where('[storeKey+date]')
        .between([store.key, Dexie.minKey], [store.key, Dexie.maxKey])
        .toArray(),
    ]);
    return { orders, reviews, scores };
    // The window moves by the day, not by the minute: a re-query per tick of `now` would be wasted.
  }, [store.key, days, Math.floor(now / DAY_MS)]);
}

export const pct = (v: number | undefined, digits = 1): string =>
  v === undefined ? '—' : `${(v * 100).toFixed(digits)}%`;
