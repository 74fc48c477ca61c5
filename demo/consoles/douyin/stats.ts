/**
 * `GET /product/tcomment/statistics` (platforms.md §1.3): counts and rates over the 30 days up to the
 * simulated moment. Rates are percent strings ("98.67%"), and the positive counts keep the console's
 * misspelling `commnet`.
 */
import type { World } from '../../generator/types';
import type { DemoResponse } from '../http';
import { ok } from './envelope';
import { reviewsUpTo, submittedReply } from './view';

const pct = (n: number, d: number): string => (d > 0 ? `${((n / d) * 100).toFixed(2)}%` : '0.00%');

/** Review statistics over the 30 days up to `t`. */
export function statistics(world: World, t: number): DemoResponse {
  const from = t - 30 * 86_400_000;
  const from7 = t - 7 * 86_400_000;
  const c = {
    pos: 0,
    neu: 0,
    neg: 0,
    posEco: 0,
    neuEco: 0,
    negEco: 0,
    worst: 0,
    midUnreplied: 0,
    unreplied: 0,
    photos: 0,
    pos7: 0,
    all7: 0,
  };
  for (let i = reviewsUpTo(world, t) - 1; i >= 0; i--) {
    const r = world.reviews[i];
    if (!r || r.createdAt <= from) break;
    const eco = r.kind !== 'default';
    const rank = r.stars.product;
    const replied =
      (r.reply !== undefined && r.reply.at <= t) || submittedReply(world, r.id, t) !== undefined;
    if (rank >= 4) {
      c.pos++;
      if (eco) c.posEco++;
    } else if (rank === 3) {
      c.neu++;
      if (eco) c.neuEco++;
      if (!replied) c.midUnreplied++;
    } else {
      c.neg++;
      if (eco) c.negEco++;
    }
    if (rank === 1) c.worst++;
    if (rank <= 3 && !replied) c.unreplied++;
    if (r.photos > 0) c.photos++;
    if (r.createdAt > from7) {
      c.all7++;
      if (rank >= 4) c.pos7++;
    }
  }
  let delivered = 0;
  for (const o of world.orders)
    if (o.deliveredAt !== undefined && o.deliveredAt > from && o.deliveredAt <= t) delivered++;
  const all = c.pos + c.neu + c.neg;
  const diff = all > 0 && c.all7 > 0 ? (c.pos7 / c.all7 - c.pos / all) * 100 : 0;
  return ok({
    latestDate: new Date(t + 8 * 3_600_000).toISOString().slice(0, 10),
    positive_comment_rate: {
      last_30days_value: pct(c.pos, all),
      compare_last_7days_value: `${diff >= 0 ? '+' : ''}${diff.toFixed(2)}%`,
      ahead_peers_value: '68.20%',
    },
    neutral_comment_rate: {
      last_30days_value: pct(c.neu, all),
      compare_last_7days_value: '0.00%',
      ahead_peers_value: '',
    },
    negative_comment_rate: {
      last_30days_value: pct(c.neg, all),
      compare_last_7days_value: '0.00%',
      ahead_peers_value: '',
    },
    // The real response misspells "comment" in the positive counts only.
    positive_commnet_count_30d: c.pos,
    positive_commnet_in_ecology_score_count_30d: c.posEco,
    neutral_comment_count_30d: c.neu,
    neutral_comment_in_ecology_score_count_30d: c.neuEco,
    negative_comment_count_30d: c.neg,
    negative_comment_in_ecology_score_count_30d: c.negEco,
    order_comment_rate: { last_30days_value: pct(all, delivered) },
    worst_count: c.worst,
    negative_count: c.neu + c.neg,
    mid_to_reply_count: c.midUnreplied,
    unreply_count: c.unreplied,
    has_photo_count: c.photos,
  });
}
