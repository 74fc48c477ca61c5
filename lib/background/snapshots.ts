/**
 * The score job for one store: 180 days of snapshots from the aggregates and the captured officials
 * (days the merchant skipped included), alerts, and the popup's headline with its most urgent item.
 * Reads ≈210 aggregate rows and the marks of a few days — never the records of the whole history.
 */
import type { KoubeiDb } from '../db';
import type { DimensionId, Store } from '../model';
import { addDays, dayKey } from '../model';
import { fittedWeights, loadRange, mainProfile, scoreInputs } from '../score-view/inputs';
import { analyzeRange } from '../score-view/analysis';
import { trustworthy } from '../score-view/coverage';
import { buildSnapshots, headlineOf, officialHeadline } from '../score-view/snapshot';
import type { RecordCache } from '../score-queries';
import type { ScoreSnapshot } from '../score-view/types';
import type { Diagnosis } from '../scoring/diagnosis-types';
import type { History } from '../scoring/history';
import { ProfileOverrides } from '../scoring/profiles';
import type { Profile } from '../scoring/profile-types';
import { mostUrgent } from '../scoring/urgent';
import { scoreOverridesItem } from '../settings';
import { evaluateStore } from './alerts';

/** Days of snapshots kept current (issue #7: 180-day history). */
export const SNAPSHOT_DAYS = 180;
/** Record keys kept with the popup's most urgent item. */
const MAX_REFS = 30;

/** The merchant's overrides for `profile`, validated (invalid input is ignored, never trusted). */
export async function readOverrides(profile: Profile): Promise<ProfileOverrides | undefined> {
  const raw = (await scoreOverridesItem.getValue())[profile.id];
  if (raw === undefined) return undefined;
  const r = ProfileOverrides.safeParse(raw);
  return r.success ? r.data : undefined;
}

const sameContent = (a: ScoreSnapshot, b: ScoreSnapshot): boolean =>
  JSON.stringify({ ...a, takenAt: 0 }) === JSON.stringify({ ...b, takenAt: 0 });

/** Recomputes one store's snapshots, alerts and headline. Returns the newest snapshot. */
export async function refreshStore(
  db: KoubeiDb,
  store: Store,
  now: number,
): Promise<ScoreSnapshot | undefined> {
  const profile = mainProfile(store.platform);
  if (!profile) return undefined;
  const today = dayKey(now);
  const overrides = await readOverrides(profile);
  const { rows, officials } = await scoreInputs(db, store.key, profile, today, SNAPSHOT_DAYS);
  const fitted = fittedWeights(profile, officials);
  const { snapshots, history } = buildSnapshots({
    storeKey: store.key,
    profile,
    label: profile.name,
    rows,
    officials,
    today,
    now,
    days: SNAPSHOT_DAYS,
    ...(overrides ? { overrides } : {}),
    ...(fitted ? { fitted } : {}),
  });
  const latest = snapshots[snapshots.length - 1]!;
  const headline = headlineOf(snapshots, officials, profile, today)!;
  const official = headline.source === 'official' ? undefined : officialHeadline(officials, profile, today);

  // Score drops count on the console's number, and on ours only when it stands for the shop.
  const alertHistory: History = {
    ...history,
    points: [],
    official: headline.source === 'official' ? headline.deltas : { vsYesterday: null, vs7Days: null },
    estimate: trustworthy(latest.coverage) ? history.estimate : { vsYesterday: null, vs7Days: null },
  };
  // The marked records are read once for the alerts and the diagnosis (issue #15: twice per refresh was
  // the worker's largest read while a merchant paged through a console).
  const records: RecordCache = new Map();
  const alerts = await evaluateStore(db, {
    storeKey: store.key,
    records,
    now,
    today,
    rows,
    history: alertHistory,
    scaleMax: profile.scale.value.max,
    ...(officials.length ? { official: officials[officials.length - 1]! } : {}),
  });

  const diagnosis = await weekDiagnosis(db, store.key, profile, headline.date, overrides, fitted, records);
  const current = history.points[history.points.length - 1]!.estimate;
  const urgent = mostUrgent({ alerts, ...(diagnosis ? { diagnosis } : {}), estimate: current });
  // The popup reads this row on every open: keep the record list short (the side panel has them all).
  if (urgent.refs && urgent.refs.length > MAX_REFS) urgent.refs = urgent.refs.slice(0, MAX_REFS);
  latest.head = {
    headline,
    urgent,
    alerts: alerts.length,
    guessed: current.guessed,
    ...(officials.length ? { latestOfficial: officials[officials.length - 1]!.date } : {}),
    ...(official ? { official } : {}),
  };

  // Days before any data would be 180 rows of a growth-stage 70: keep days with something in the window.
  const keep = snapshots.filter(
    (s) => s === latest || s.estimate.paidOrders + s.estimate.reviews > 0 || s.official !== undefined,
  );
  const stored = new Map(
    (await db.scoreSnapshots.bulkGet(keep.map((s) => s.key))).flatMap((s) =>
      s ? [[s.key, s] as const] : [],
    ),
  );
  // The newest row is always written: its takenAt tells the UI (and tests) the job has run.
  const write = keep.filter((s) => {
    const prev = stored.get(s.key);
    return s === latest || !prev || !sameContent(prev, s);
  });
  if (write.length) await db.scoreSnapshots.bulkPut(write);
  return latest;
}

/** The week up to the headline's day, diagnosed (official Δ where both days were captured). */
async function weekDiagnosis(
  db: KoubeiDb,
  storeKey: string,
  profile: Profile,
  to: string,
  overrides: ProfileOverrides | undefined,
  fitted: Partial<Record<DimensionId, number>> | undefined,
  records?: RecordCache,
): Promise<Diagnosis> {
  const from = addDays(to, -7);
  const d = await loadRange(db, storeKey, profile, from, to, records);
  return analyzeRange({
    profile,
    rows: d.rows,
    officials: d.officials,
    from,
    to,
    entered: d.entered,
    left: d.left,
    categorize: d.categorize,
    ...(overrides ? { overrides } : {}),
    ...(fitted ? { fitted } : {}),
  }).diagnosis;
}
