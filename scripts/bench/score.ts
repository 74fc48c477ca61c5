/**
 * Benchmark: the score engine on daily aggregates. Builds aggregates for 1 M reviews + 1 M orders
 * (seeded synthetic records over two years) and for a 10 k-record store, then times
 *  - a full rescore: current estimate + 180-day history, reading only aggregate rows;
 *  - an incremental ingest of 100 rows (50 new reviews, 50 order updates): batchDelta + applyDeltas +
 *    re-estimate, as the background does inside its ingest transaction.
 * Median of 5 interleaved runs (each the mean of 50 ingests), min–max, and the 1 M / 10 k ratio (target ≤ 1.5).
 * Run: npx tsx scripts/bench/score.ts [records]   (default 1000000 of each)
 * Last line is one JSON summary: {"bench":"score",…}.
 */
import { performance } from 'node:perf_hooks';
import type { Order, Review } from '../../lib/model';
import { DAY_MS, addDays, dayStart } from '../../lib/model';
import type { DailyAggregate } from '../../lib/scoring/aggregates';
import { aggregateKey, applyDeltas, batchDelta, buildAggregates } from '../../lib/scoring/aggregates';
import { estimate } from '../../lib/scoring/estimate';
import { history, historyRange } from '../../lib/scoring/history';
import { DOUYIN_EXPERIENCE as P } from '../../lib/scoring/profiles';
import { makeReview, rng, synthOrders, synthReviews } from '../../lib/scoring/synthetic';

const LARGE = Number(process.argv[2] ?? 1_000_000);
const SMALL = 5_000;
const DAYS = 730;
const AS_OF = addDays('2026-01-01', DAYS - 1);
const RUNS = 5;
const INGESTS_PER_RUN = 50;

/** The Dexie query `[storeKey+date]` between from and to, on an in-memory map. */
function rowsBetween(
  map: Map<string, DailyAggregate>,
  store: string,
  from: string,
  to: string,
): DailyAggregate[] {
  const out: DailyAggregate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const row = map.get(aggregateKey(store, d));
    if (row) out.push(row);
  }
  return out;
}

interface Store {
  key: string;
  map: Map<string, DailyAggregate>;
  orders: Order[];
  buildMs: number;
}

function build(key: string, perKind: number, seed: number): Store {
  const perDay = Math.ceil(perKind / DAYS);
  const t0 = performance.now();
  const orders: Order[] = [];
  function* all(): Generator<Review | Order> {
    yield* synthReviews({ storeKey: key, from: '2026-01-01', days: DAYS, perDay, seed, badRate: 0.03 });
    for (const o of synthOrders({
      storeKey: key,
      from: '2026-01-01',
      days: DAYS,
      perDay,
      seed,
      badRate: 0.03,
    })) {
      // Keep the last days' orders: the incremental runs update them.
      if ((o.paidAt ?? 0) >= dayStart(AS_OF) - 3 * DAY_MS) orders.push(o);
      yield o;
    }
  }
  const map = buildAggregates(all());
  return { key, map, orders, buildMs: performance.now() - t0 };
}

function fullRescore(s: Store): number {
  const t0 = performance.now();
  const win = rowsBetween(s.map, s.key, addDays(AS_OF, -29), AS_OF);
  estimate(P, win, { asOf: AS_OF });
  const range = historyRange(P, AS_OF, 180);
  history(P, rowsBetween(s.map, s.key, range.from, range.to), { asOf: AS_OF, days: 180 });
  return performance.now() - t0;
}

let serial = 0;
function ingest(s: Store, r: () => number): number {
  const pairs: [Review | Order | undefined, Review | Order][] = [];
  for (let i = 0; i < 50; i++) {
    const star = r() < 0.05 ? 1 : 5;
    pairs.push([undefined, makeReview({ storeKey: s.key, reviewId: `bench${serial++}`, createdAt: dayStart(AS_OF) + Math.floor(r() * DAY_MS), star, starProduct: star })]); // prettier-ignore
  }
  for (let i = 0; i < 50; i++) {
    const prev = s.orders[Math.floor(r() * s.orders.length)]!;
    const next: Order = { ...prev, deliveredAt: (prev.deliveredAt ?? prev.paidAt!) + 3600_000, updatedAt: prev.updatedAt + 1 }; // prettier-ignore
    s.orders[s.orders.indexOf(prev)] = next;
    pairs.push([prev, next]);
  }
  const t0 = performance.now();
  const deltas = batchDelta(pairs);
  // The background bulkGets exactly these keys; the map lookup stands in for it.
  for (const k of deltas.keys()) void s.map.get(k);
  applyDeltas(s.map, deltas);
  estimate(P, rowsBetween(s.map, s.key, addDays(AS_OF, -29), AS_OF), { asOf: AS_OF });
  return performance.now() - t0;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) => `median ${median(xs).toFixed(3)} ms (min ${Math.min(...xs).toFixed(3)} – max ${Math.max(...xs).toFixed(3)})`; // prettier-ignore

function runOnce(s: Store, r: () => number): { full: number; inc: number } {
  const full = fullRescore(s);
  let sum = 0;
  for (let i = 0; i < INGESTS_PER_RUN; i++) sum += ingest(s, r);
  return { full, inc: sum / INGESTS_PER_RUN };
}

const small = build('douyin:bench-small', SMALL, 1);
const large = build('douyin:bench-large', LARGE, 2);
const r = rng(99);
// Warm the JIT on both, then interleave the runs so GC and JIT state affect both sizes alike.
runOnce(small, r);
runOnce(large, r);
const s = { full: [] as number[], inc: [] as number[] };
const l = { full: [] as number[], inc: [] as number[] };
for (let run = 0; run < RUNS; run++) {
  for (const [store, out] of [
    [small, s],
    [large, l],
  ] as const) {
    const x = runOnce(store, r);
    out.full.push(x.full);
    out.inc.push(x.inc);
  }
}
const ratio = median(l.inc) / median(s.inc);

console.log(`aggregates built: ${SMALL * 2} records in ${small.buildMs.toFixed(0)} ms (${small.map.size} day rows); ${LARGE * 2} records in ${(large.buildMs / 1000).toFixed(1)} s (${large.map.size} day rows)`); // prettier-ignore
console.log(`full rescore (estimate + 180-day history), 10k history: ${fmt(s.full)}`);
console.log(
  `full rescore (estimate + 180-day history), ${LARGE / 1e6}M+${LARGE / 1e6}M history: ${fmt(l.full)}`,
);
console.log(`100-row ingest (delta + apply + re-estimate), 10k history: ${fmt(s.inc)}`);
console.log(
  `100-row ingest (delta + apply + re-estimate), ${LARGE / 1e6}M+${LARGE / 1e6}M history: ${fmt(l.inc)}`,
);
console.log(
  `ratio ${LARGE / 1e6}M+${LARGE / 1e6}M / 10k incremental: ${ratio.toFixed(2)} (target ≤ 1.5) ${ratio <= 1.5 ? 'OK' : 'OVER'}`,
);
console.log(
  JSON.stringify({
    bench: 'score',
    reviews: LARGE,
    orders: LARGE,
    buildMs: Math.round(large.buildMs),
    fullRescoreMs: { small: +median(s.full).toFixed(3), large: +median(l.full).toFixed(3) },
    ingest100Ms: { small: +median(s.inc).toFixed(3), large: +median(l.inc).toFixed(3) },
    ratio: +ratio.toFixed(2),
    ok: ratio <= 1.5,
  }),
);
