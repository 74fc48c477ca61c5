/**
 * The rebuild state of the daily aggregates, kept in the `meta` table so a rebuild killed with the
 * service worker resumes where it stopped. Pure helpers; the background does the IO.
 */

/** Record tables in rebuild order. */
export const REBUILD_PHASES = ['reviews', 'orders'] as const;
export type RebuildPhase = (typeof REBUILD_PHASES)[number];

export interface AggregateStatus {
  /** ready: aggregates match `key`; rebuilding: a chunked rebuild is under way; stale: one is needed. */
  status: 'ready' | 'rebuilding' | 'stale';
  /** aggregateStateKey() the rows are (being) built for. */
  key: string;
  phase?: RebuildPhase;
  /** Last record key already counted in `phase` (primary-key order). */
  cursor?: string;
  /** Records counted so far in this rebuild. */
  done: number;
  startedAt?: number;
  finishedAt?: number;
}

export const AGGREGATE_META_KEY = 'score.aggregates';

/**
 * Whether a change to `table`/`key` must be applied as a delta now. During a rebuild, a record the
 * rebuild has not reached yet is skipped: the rebuild will count its final state when it gets there
 * (counting it twice would double it). Before a rebuild has started nothing is applied.
 */
export function appliesNow(
  state: AggregateStatus | undefined,
  want: string,
  table: RebuildPhase,
  key: string,
): boolean {
  if (!state || state.key !== want) return false;
  if (state.status === 'ready') return true;
  if (state.status !== 'rebuilding' || !state.phase) return false;
  const at = REBUILD_PHASES.indexOf(state.phase);
  const mine = REBUILD_PHASES.indexOf(table);
  if (mine < at) return true;
  if (mine > at) return false;
  return state.cursor !== undefined && key <= state.cursor;
}

/** The state after counting a chunk that ended at `lastKey` (undefined = the phase is exhausted). */
export function advance(
  state: AggregateStatus,
  lastKey: string | undefined,
  counted: number,
  now: number,
): AggregateStatus {
  const done = state.done + counted;
  if (lastKey !== undefined) return { ...state, cursor: lastKey, done };
  const next = REBUILD_PHASES[REBUILD_PHASES.indexOf(state.phase ?? 'reviews') + 1];
  if (next) return { ...state, phase: next, cursor: '', done };
  const { phase: _p, cursor: _c, ...rest } = state;
  return { ...rest, status: 'ready', done, finishedAt: now };
}
