/** Lazily built lookups over a world for the 抖店 views (built on first request, cached per world). */
import type { World } from '../../generator/types';

interface View {
  /** Order indices sorted by createdAt. */
  byCreated: Int32Array;
  reviewIndexById: Map<string, number>;
}

const cache = new WeakMap<World, View>();

function view(world: World): View {
  let v = cache.get(world);
  if (!v) {
    const byCreated = Int32Array.from(world.orders.keys()).sort(
      (a, b) => (world.orders[a]?.createdAt ?? 0) - (world.orders[b]?.createdAt ?? 0),
    );
    v = { byCreated, reviewIndexById: new Map(world.reviews.map((r, i) => [r.id, i])) };
    cache.set(world, v);
  }
  return v;
}

/** Number of elements of the ascending `key(i)` sequence that are ≤ `limit`. */
export function upperBound(length: number, key: (i: number) => number, limit: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(mid) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many reviews exist at `t` (reviews are sorted by createdAt). */
export function reviewsUpTo(world: World, t: number): number {
  return upperBound(world.reviews.length, (i) => world.reviews[i]?.createdAt ?? Infinity, t);
}

/** Order indices by creation time, and how many were created at or before `t`. */
export function ordersByCreated(world: World, t: number): { order: Int32Array; count: number } {
  const { byCreated } = view(world);
  const count = upperBound(
    byCreated.length,
    (i) => world.orders[byCreated[i] ?? 0]?.createdAt ?? Infinity,
    t,
  );
  return { order: byCreated, count };
}

/** Index of the review with `id`. */
export function reviewIndex(world: World, id: string): number | undefined {
  return view(world).reviewIndexById.get(id);
}

/** The latest reply submitted through the demo console for `commentId` at or before `t`. */
export function submittedReply(
  world: World,
  commentId: string,
  t: number,
): { text: string; at: number } | undefined {
  for (let i = world.submittedReplies.length - 1; i >= 0; i--) {
    const s = world.submittedReplies[i];
    if (s && s.commentId === commentId && s.at <= t && s.content.trim() !== '')
      return { text: s.content, at: s.at };
  }
  return undefined;
}
