/**
 * 差评挽回 (issue #16): which stored reviews a complete "采集全部" walk of the review list did not show
 * any more — deleted by the buyer, hidden after an appeal, or removed by the platform. Pure.
 *
 * The walk may have run on a filtered list (only 差评, only one product): then most stored reviews of the
 * span are missing and none is marked. Only when the walk showed nearly everything stored in its time
 * span (at most `maxMissingShare` missing) are the few missing ones marked gone.
 */
export interface SeenSpan {
  keys: readonly string[];
  /** Oldest and newest review time the walk showed. */
  from: number;
  to: number;
}

export interface StoredReview {
  key: string;
  createdAt: number;
  goneAt?: number;
}

export interface GoneResult {
  gone: string[];
  /** Stored reviews in the span, and how many of them the walk showed. */
  stored: number;
  shown: number;
  /** Why nothing was marked, when nothing was. */
  skipped?: 'empty' | 'filtered';
}

export function goneReviews(
  span: SeenSpan,
  stored: readonly StoredReview[],
  maxMissingShare = 0.1,
): GoneResult {
  const seen = new Set(span.keys);
  const inSpan = stored.filter((r) => r.createdAt >= span.from && r.createdAt <= span.to);
  const missing = inSpan.filter((r) => !seen.has(r.key));
  const shown = inSpan.length - missing.length;
  if (!inSpan.length || !span.keys.length)
    return { gone: [], stored: inSpan.length, shown, skipped: 'empty' };
  if (missing.length > maxMissingShare * inSpan.length)
    return { gone: [], stored: inSpan.length, shown, skipped: 'filtered' };
  return {
    gone: missing.filter((r) => r.goneAt === undefined).map((r) => r.key),
    stored: inSpan.length,
    shown,
  };
}

/** Adds a page's reviews to what a walk has seen so far. */
export function addSeen(
  span: SeenSpan | undefined,
  reviews: readonly { key: string; createdAt: number }[],
): SeenSpan {
  const keys = new Set(span?.keys ?? []);
  let from = span?.from ?? Infinity;
  let to = span?.to ?? -Infinity;
  for (const r of reviews) {
    keys.add(r.key);
    from = Math.min(from, r.createdAt);
    to = Math.max(to, r.createdAt);
  }
  return { keys: [...keys], from, to };
}
