/**
 * "采集全部": drives the console's OWN paging (clicks its 下一页 button) so that every page's JSON passes
 * through the normal capture path. It never forges or replays a request. Politeness: 300–500 ms between
 * pages; it stops on an error, at the last page, or — in incremental mode — at the first page that holds
 * nothing new. State is persisted by the caller (background, Dexie) after every page, so a reload of the
 * tab or a restart of the service worker resumes where it stopped.
 */
import type { IngestResult } from './batch';

export type WalkerStatus = 'running' | 'paused' | 'done' | 'stopped' | 'error';

export interface WalkerState {
  platform: string;
  /** Console page path the walk runs on. */
  path: string;
  mode: 'incremental' | 'full';
  status: WalkerStatus;
  /** Pages whose response was captured, counting the first. */
  pages: number;
  rowsSeen: number;
  added: number;
  updated: number;
  startedAt: number;
  updatedAt: number;
  /** Chinese, for the merchant: why it ended. */
  note?: string;
}

/** What a walk needs from the page; the content script supplies DOM-backed versions, tests fakes. */
export interface WalkerPage {
  /** The enabled 下一页 control, or null at the last page. */
  next(): { click(): void } | null;
  /** Resolves with the ingest result of the next list response, or rejects after `timeoutMs`. */
  nextListResult(timeoutMs: number): Promise<ListOutcome>;
}

export interface ListOutcome {
  result: IngestResult;
  /** Rows the response held, and rejections that mean the list can't be read (envelope, JSON). */
  seen: number;
  fatal?: string;
}

export interface WalkerDeps {
  page: WalkerPage;
  save(state: WalkerState): Promise<void>;
  sleep(ms: number): Promise<void>;
  random(): number;
  now(): number;
  onProgress?(state: WalkerState): void;
}

export const MIN_GAP_MS = 300;
export const MAX_GAP_MS = 500;
export const RESPONSE_TIMEOUT_MS = 15_000;

export function newWalk(platform: string, path: string, mode: WalkerState['mode'], now: number): WalkerState {
  return {
    platform,
    path,
    mode,
    status: 'running',
    pages: 0,
    rowsSeen: 0,
    added: 0,
    updated: 0,
    startedAt: now,
    updatedAt: now,
  };
}

/** Adds one captured page to the state and decides whether the walk goes on. */
export function recordPage(s: WalkerState, o: ListOutcome, now: number): WalkerState {
  const next: WalkerState = {
    ...s,
    pages: s.pages + 1,
    rowsSeen: s.rowsSeen + o.seen,
    added: s.added + o.result.added,
    updated: s.updated + o.result.updated,
    updatedAt: now,
  };
  if (o.fatal) return { ...next, status: 'error', note: `第 ${next.pages} 页读取失败：${o.fatal}` };
  if (o.seen === 0) return { ...next, status: 'done', note: `第 ${next.pages} 页没有数据，已结束` };
  if (
    s.mode === 'incremental' &&
    o.result.added === 0 &&
    o.result.updated === 0 &&
    !o.result.parked &&
    s.pages > 0
  ) {
    return { ...next, status: 'done', note: `第 ${next.pages} 页的数据都已保存过，增量采集完成` };
  }
  return next;
}

/**
 * Runs (or resumes) a walk until it ends or `control.paused()` turns true. `first` is the outcome of the
 * page the merchant is on (captured before the walk started). After a reload the console is back on page
 * 1: `skip` pages are passed again (same pace, nothing recorded twice — they are stored already) before
 * recording resumes.
 */
export async function walk(
  state: WalkerState,
  deps: WalkerDeps,
  control: { paused(): boolean; stopped(): boolean },
  first?: ListOutcome,
  skip = 0,
): Promise<WalkerState> {
  let s = state;
  let toSkip = skip;
  const publish = async (x: WalkerState) => {
    s = x;
    deps.onProgress?.(s);
    await deps.save(s);
  };
  if (first && toSkip === 0) await publish(recordPage(s, first, deps.now()));
  else if (toSkip > 0) toSkip--; // the page on screen is page 1
  while (s.status === 'running') {
    if (control.stopped())
      return publish({ ...s, status: 'stopped', note: '已手动停止', updatedAt: deps.now() }).then(() => s);
    if (control.paused())
      return publish({ ...s, status: 'paused', note: '已暂停', updatedAt: deps.now() }).then(() => s);
    const next = deps.page.next();
    if (!next) {
      await publish({ ...s, status: 'done', note: `已到最后一页，共 ${s.pages} 页`, updatedAt: deps.now() });
      break;
    }
    await deps.sleep(MIN_GAP_MS + Math.floor(deps.random() * (MAX_GAP_MS - MIN_GAP_MS + 1)));
    if (control.stopped() || control.paused()) continue;
    const waiting = deps.page.nextListResult(RESPONSE_TIMEOUT_MS);
    next.click();
    let outcome: ListOutcome;
    try {
      outcome = await waiting;
    } catch {
      await publish({
        ...s,
        status: 'error',
        note: `翻到第 ${s.pages + 1} 页后 ${RESPONSE_TIMEOUT_MS / 1000} 秒内没有收到数据，已停止`,
        updatedAt: deps.now(),
      });
      break;
    }
    if (toSkip > 0) {
      toSkip--;
      if (outcome.fatal)
        await publish({
          ...s,
          status: 'error',
          note: `恢复途中读取失败：${outcome.fatal}`,
          updatedAt: deps.now(),
        });
      continue;
    }
    await publish(recordPage(s, outcome, deps.now()));
  }
  return s;
}
