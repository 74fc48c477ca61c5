import { describe, expect, it } from 'vitest';
import type { ListOutcome, WalkerState } from './walker';
import { MAX_GAP_MS, MIN_GAP_MS, newWalk, recordPage, walk } from './walker';

/** A fake console with `pages` pages of 20 rows; `stored` pages already in the database. */
function fakeConsole(pages: number, opts: { stored?: number; failAt?: number; silentAt?: number } = {}) {
  let current = 1;
  const clicks: number[] = [];
  let pending: ((o: ListOutcome) => void) | undefined;
  let pendingFail: ((e: Error) => void) | undefined;
  const outcomeFor = (p: number): ListOutcome =>
    p === opts.failAt
      ? {
          seen: 0,
          result: { added: 0, updated: 0, unchanged: 0, rejected: 1 },
          fatal: '抖店返回错误 -10001 您无操作权限',
        }
      : {
          seen: 20,
          result: {
            added: p <= (opts.stored ?? 0) ? 0 : 20,
            updated: 0,
            unchanged: p <= (opts.stored ?? 0) ? 20 : 0,
            rejected: 0,
          },
        };
  const page = {
    next: () =>
      current < pages
        ? {
            click: () => {
              current++;
              clicks.push(current);
              if (current === opts.silentAt) pendingFail?.(new Error('timeout'));
              else pending?.(outcomeFor(current));
            },
          }
        : null,
    nextListResult: (_timeoutMs: number) =>
      new Promise<ListOutcome>((res, rej) => {
        pending = res;
        pendingFail = rej;
      }),
  };
  return { page, clicks, first: outcomeFor(1), position: () => current };
}

const saved: WalkerState[] = [];
const gaps: number[] = [];
const deps = (page: ReturnType<typeof fakeConsole>['page']) => ({
  page,
  save: async (s: WalkerState) => void saved.push(s),
  sleep: async (ms: number) => void gaps.push(ms),
  random: () => 0.5,
  now: () => 1000,
});
const run = { paused: () => false, stopped: () => false };

describe('walk', () => {
  it('walks every page of a full run politely and ends at the last page', async () => {
    const c = fakeConsole(60);
    const s = await walk(newWalk('douyin', '/ffa/maftersale/comment', 'full', 0), deps(c.page), run, c.first);
    expect(s).toMatchObject({ status: 'done', pages: 60, rowsSeen: 1200, added: 1200 });
    expect(s.note).toContain('最后一页');
    expect(c.clicks).toHaveLength(59);
    expect(gaps.every((g) => g >= MIN_GAP_MS && g <= MAX_GAP_MS)).toBe(true);
    expect(saved.at(-1)).toEqual(s); // persisted after the last page
  });

  it('incremental mode stops at the first page holding nothing new', async () => {
    const c = fakeConsole(60, { stored: 0 });
    // pages 1–5 new; from page 6 on everything is already stored
    const pages = c.page;
    let n = 1;
    const page = {
      next: pages.next,
      nextListResult: async (t: number) => {
        const o = await pages.nextListResult(t);
        n++;
        return n >= 6 ? { ...o, result: { added: 0, updated: 0, unchanged: 20, rejected: 0 } } : o;
      },
    };
    const s = await walk(newWalk('douyin', '/p', 'incremental', 0), deps(page), run, c.first);
    expect(s).toMatchObject({ status: 'done', pages: 6, added: 100 });
    expect(s.note).toContain('增量');
  });

  it('stops on a console error and says which page', async () => {
    const c = fakeConsole(60, { failAt: 4 });
    const s = await walk(newWalk('douyin', '/p', 'full', 0), deps(c.page), run, c.first);
    expect(s).toMatchObject({ status: 'error', pages: 4 });
    expect(s.note).toMatch(/第 4 页读取失败.*无操作权限/);
  });

  it('stops when no data arrives after a click', async () => {
    const c = fakeConsole(60, { silentAt: 3 });
    const s = await walk(newWalk('douyin', '/p', 'full', 0), deps(c.page), run, c.first);
    expect(s).toMatchObject({ status: 'error', pages: 2 });
    expect(s.note).toContain('没有收到数据');
  });

  it('pauses, and a resumed walk continues from where it was without counting twice', async () => {
    const c = fakeConsole(60);
    let pauseAfter = 10;
    const control = { paused: () => c.position() >= pauseAfter, stopped: () => false };
    const paused = await walk(newWalk('douyin', '/p', 'full', 0), deps(c.page), control, c.first);
    expect(paused).toMatchObject({ status: 'paused', pages: 10 });
    pauseAfter = Infinity;
    const done = await walk({ ...paused, status: 'running' }, deps(c.page), control);
    expect(done).toMatchObject({ status: 'done', pages: 60, rowsSeen: 1200 });
  });

  it('after a reload, passes the pages already walked before recording again', async () => {
    const c = fakeConsole(30);
    const state: WalkerState = {
      ...newWalk('douyin', '/p', 'incremental', 0),
      pages: 12,
      rowsSeen: 240,
      added: 240,
    };
    // pages 1–12 are stored: the incremental rule must not stop the walk while they are passed again
    const page = {
      next: c.page.next,
      nextListResult: async (t: number) => {
        const o = await c.page.nextListResult(t);
        return c.position() <= 12
          ? { ...o, result: { added: 0, updated: 0, unchanged: 20, rejected: 0 } }
          : o;
      },
    };
    const s = await walk(state, deps(page), run, undefined, 12);
    expect(s).toMatchObject({ status: 'done', pages: 30, rowsSeen: 600, added: 600 });
  });

  it('stop wins over everything', async () => {
    const c = fakeConsole(60);
    const s = await walk(
      newWalk('douyin', '/p', 'full', 0),
      deps(c.page),
      { paused: () => false, stopped: () => true },
      c.first,
    );
    expect(s).toMatchObject({ status: 'stopped', pages: 1 });
  });
});

describe('recordPage', () => {
  it.each([
    [
      'an empty page ends the walk',
      { seen: 0, result: { added: 0, updated: 0, unchanged: 0, rejected: 0 } },
      'done',
    ],
    [
      'a page with new rows continues',
      { seen: 20, result: { added: 3, updated: 0, unchanged: 17, rejected: 0 } },
      'running',
    ],
    [
      'an updated row counts as new information',
      { seen: 20, result: { added: 0, updated: 1, unchanged: 19, rejected: 0 } },
      'running',
    ],
  ] as const)('%s', (_n, o, status) => {
    const s = { ...newWalk('douyin', '/p', 'incremental', 0), pages: 3 };
    expect(recordPage(s, o, 1).status).toBe(status);
  });
});
