/**
 * Captured official scores as the engine wants them. A console often spreads one day's score over
 * several responses (抖店: the overview with dimensions and weights, one `getSubScoreNew` per dimension
 * with the indicators and the window's order count, the review statistics); the estimate takes one
 * OfficialScore, so a day's rows are merged into the profile's kind.
 */
import type { OfficialScore } from '../model';
import type { Profile } from '../scoring/profile-types';

/** One OfficialScore per date of `profile`'s kind, oldest first; other kinds of that date fill in. */
export function composeOfficials(rows: readonly OfficialScore[], profile: Profile): OfficialScore[] {
  const byDate = new Map<string, OfficialScore[]>();
  for (const r of rows) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r]);
  const out: OfficialScore[] = [];
  for (const [, day] of [...byDate].sort((a, b) => a[0].localeCompare(b[0]))) {
    const main = day
      .filter((r) => profile.officialKinds.includes(r.kind))
      .sort((a, b) => b.capturedAt - a.capturedAt)[0];
    if (!main) continue;
    const seen = new Set(main.indicators.map((i) => i.id));
    const indicators = [...main.indicators];
    let windowOrders = main.windowOrders;
    for (const r of day) {
      if (r === main || r.platform !== main.platform) continue;
      for (const i of r.indicators) {
        if (seen.has(i.id)) continue;
        seen.add(i.id);
        indicators.push(i);
      }
      if (windowOrders === undefined && r.windowOrders !== undefined) windowOrders = r.windowOrders;
    }
    out.push({ ...main, indicators, ...(windowOrders !== undefined ? { windowOrders } : {}) });
  }
  return out;
}

/** The latest composed official on or before `date` (carries weights and console-only indicators). */
export function officialAsOf(officials: readonly OfficialScore[], date: string): OfficialScore | undefined {
  let best: OfficialScore | undefined;
  for (const o of officials) if (o.date <= date && (!best || o.date > best.date)) best = o;
  return best;
}

/**
 * `officialAsOf`, with the window's order count taken from a capture of the last `days` days when that
 * day's capture lacks it (the merchant opened the overview but not the indicator pages).
 */
export function officialForCoverage(
  officials: readonly OfficialScore[],
  date: string,
  days = 3,
): OfficialScore | undefined {
  const o = officialAsOf(officials, date);
  if (!o || o.windowOrders !== undefined) return o;
  const from = new Date(Date.parse(o.date) - days * 86_400_000).toISOString().slice(0, 10);
  const counted = [...officials]
    .reverse()
    .find((x) => x.date <= o.date && x.date >= from && x.windowOrders !== undefined);
  return counted ? { ...o, windowOrders: counted.windowOrders } : o;
}

/** The console's 30-day review count, where it reports one (抖店 review statistics: 好/中/差评数). */
export function officialReviewCount(o: OfficialScore | undefined): number | undefined {
  if (!o) return undefined;
  const parts = o.indicators.filter(
    (i) => /^(positive|neutral|negative)_30d$/.test(i.id) && i.value !== null,
  );
  return parts.length === 3 ? parts.reduce((s, i) => s + (i.value ?? 0), 0) : undefined;
}

/** Whether the console reported every dimension weight (else weights may be fitted from history). */
export function hasWeights(o: OfficialScore | undefined, profile: Profile): boolean {
  return (
    o !== undefined &&
    profile.dimensions.every((d) => o.dimensions.some((x) => x.id === d.id && x.weight !== undefined))
  );
}
