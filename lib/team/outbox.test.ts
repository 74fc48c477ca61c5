/**
 * The outbox against a local server that implements the three robots' contracts (testing/mock-platforms):
 * signatures, limits and error codes, 5xx bursts, 429, slow answers, offline, wrong secrets and worker
 * deaths at every step.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type KoubeiDb } from '../db';
import { enqueue, readBlocked, runOutbox, type RunDeps, type Source } from './outbox';
import { MockPlatforms, type MockRobot } from './testing/mock-platforms';
import type { StoredTarget, TeamMessage } from './types';

const T0 = Date.UTC(2026, 10, 22, 2, 0);
let t = T0;
const clock = () => t;
const robots: MockRobot[] = [
  { platform: 'feishu', token: 'fs-hook-1', secret: 'fs-secret' },
  { platform: 'dingtalk', token: 'dd-token-1', secret: 'SECdd-secret' },
  { platform: 'wecom', token: 'wc-key-1' },
];
const server = new MockPlatforms(robots, clock);
let db: KoubeiDb;
let seq = 0;

beforeAll(() => server.start());
afterAll(() => server.stop());
afterEach(async () => {
  await db?.delete();
  server.received.length = 0;
  server.requests = 0;
  server.reset();
  for (const r of robots) server.setRobot(r);
});

const STORE = 'douyin:88776655';
const targetsFor = (over: Partial<Record<string, Partial<StoredTarget>>> = {}): StoredTarget[] =>
  robots.map((r, i) => ({
    id: `t${i}`,
    storeKey: STORE,
    platform: r.platform,
    name: `${r.platform} 群`,
    webhook: server.webhook(r),
    secret: r.secret ?? '',
    enabled: true,
    rev: 1,
    ...over[`t${i}`],
  }));

const message = (n: number): TeamMessage => ({
  kind: 'alert',
  level: 'warn',
  title: `差评增长 ${n}`,
  lines: [`**物流** 新增 ${n} 条差评`],
  ref: `r${n}`,
});
const sources = (n: number, from = 0): Source[] =>
  Array.from({ length: n }, (_, i) => ({
    source: `alert|${from + i}`,
    storeKey: STORE,
    message: message(from + i),
  }));

function deps(targets: StoredTarget[], extra: Partial<RunDeps> = {}): RunDeps {
  return {
    now: clock,
    fetch: (u, i) => fetch(u, i),
    targets: async () => targets,
    random: () => 0.5,
    ...extra,
  };
}

async function fresh(): Promise<KoubeiDb> {
  t = T0;
  db = openDb(`team-outbox-${++seq}`);
  await db.open();
  return db;
}

/** Runs the outbox, advancing the clock to each next due time, until nothing is pending. */
async function drain(d: RunDeps, maxRuns = 200): Promise<number> {
  let runs = 0;
  for (; runs < maxRuns; runs++) {
    const r = await runOutbox(db, d);
    if (r.nextDueAt === undefined) break;
    t = Math.max(t + 1, r.nextDueAt);
  }
  return runs;
}

const refsBy = (token: string) => server.received.filter((x) => x.token === token).map((x) => x.ref);

describe('outbox', () => {
  it('enqueuing the same alert twice gives one row per target', async () => {
    await fresh();
    const targets = targetsFor();
    expect(await enqueue(db, sources(2), targets, t)).toBe(6);
    expect(await enqueue(db, sources(2), targets, t)).toBe(0);
    expect(await db.outbox.count()).toBe(6);
  });

  it('delivers to 飞书 (signed card), 钉钉 (signed markdown) and 企业微信 (markdown), once each', async () => {
    await fresh();
    const targets = targetsFor();
    await enqueue(db, sources(1), targets, t);
    const r = await runOutbox(db, deps(targets));
    expect(r).toMatchObject({ delivered: 3, failed: 0 });
    expect(server.received.map((x) => [x.platform, x.ref])).toEqual([
      ['feishu', 'r0'],
      ['dingtalk', 'r0'],
      ['wecom', 'r0'],
    ]);
    expect((await db.outbox.toArray()).every((x) => x.state === 'delivered' && x.attempts === 1)).toBe(true);
    // Delivered rows are dropped after 30 days (messages are queued only for alerts that are new in the
    // alerts table, so dropping old outbox rows re-sends nothing).
    t += 31 * 86_400_000;
    await runOutbox(db, deps(targets));
    expect(await db.outbox.count()).toBe(0);
  });

  it('a 5xx burst and a 429 are retried with backoff, then delivered once', async () => {
    await fresh();
    const targets = targetsFor().slice(2);
    await enqueue(db, sources(1), targets, t);
    server.faults = { fail5xx: 3 };
    const first = await runOutbox(db, deps(targets));
    expect(first.retried).toBe(1);
    expect(first.nextDueAt).toBeGreaterThan(t);
    server.faults = { fail5xx: 2, http429: 1 };
    await drain(deps(targets));
    const row = (await db.outbox.toArray())[0]!;
    expect(row).toMatchObject({ state: 'delivered', attempts: 5 });
    expect(refsBy('wc-key-1')).toEqual(['r0']);
  });

  it('offline: retried with backoff; back online with slow answers within the timeout: delivered once', async () => {
    await fresh();
    const targets = targetsFor().slice(0, 1);
    await enqueue(db, sources(2), targets, t);
    let offline = true;
    const d = deps(targets, {
      fetch: (u, i) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(u, i)),
      timeoutMs: 1_000,
    });
    expect((await runOutbox(db, d)).retried).toBe(2);
    expect(server.requests).toBe(0);
    // Back online, the platform slow but within the timeout: delivered, once each.
    offline = false;
    server.faults = { slowMs: 300 };
    t += 60_000;
    await drain(d);
    expect(refsBy('fs-hook-1').sort()).toEqual(['r0', 'r1']);
    expect((await db.outbox.toArray()).map((r) => r.attempts)).toEqual([2, 2]);
  });

  it('an answer slower than the timeout is retried; it arrives (at least once)', async () => {
    await fresh();
    const targets = targetsFor().slice(2);
    await enqueue(db, sources(1), targets, t);
    server.faults = { slowMs: 400 };
    const d = deps(targets, { timeoutMs: 150 });
    expect((await runOutbox(db, d)).retried).toBe(1);
    server.faults = {};
    await drain(d);
    await new Promise((r) => setTimeout(r, 500)); // let the slow first request finish on the server
    // The platform may have accepted the timed-out request too: a timeout cannot tell (docs/team.md).
    expect(refsBy('wc-key-1').length).toBeGreaterThanOrEqual(1);
    expect(new Set(refsBy('wc-key-1'))).toEqual(new Set(['r0']));
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  it('a wrong secret fails once with the platform text and a Chinese fix; nothing is retried until re-saved', async () => {
    await fresh();
    const targets = targetsFor({ t0: { secret: 'wrong' }, t1: { secret: 'SECwrong' } });
    await enqueue(db, sources(3), targets, t);
    await drain(deps(targets));
    const rows = await db.outbox.toArray();
    const byTarget = (id: string) => rows.filter((r) => r.targetId === id);
    for (const id of ['t0', 't1']) {
      expect(
        byTarget(id)
          .map((r) => r.state)
          .sort(),
      ).toEqual(['failed', 'held', 'held']);
      const failed = byTarget(id).find((r) => r.state === 'failed')!;
      expect(failed.attempts).toBe(1);
      expect(failed.lastError!.hint).toMatch(/签名校验失败/);
    }
    expect(byTarget('t0').find((r) => r.state === 'failed')!.lastError!.platformText).toMatch(
      /19021 sign match fail/,
    );
    expect(byTarget('t1').find((r) => r.state === 'failed')!.lastError!.platformText).toMatch(
      /310000 sign not match/,
    );
    // One request per misconfigured robot, three for the good one: no retries of a bad signature.
    expect(server.requests).toBe(2 + 3);
    expect(Object.keys(await readBlocked(db)).sort()).toEqual(['t0', 't1']);
    t += 3_600_000;
    await runOutbox(db, deps(targets));
    expect(server.requests).toBe(5);

    // The merchant pastes the right secret: the held messages go out, the failed one stays failed.
    const fixed = targetsFor({ t0: { rev: 2 }, t1: { rev: 2 } });
    await drain(deps(fixed));
    expect(refsBy('fs-hook-1').length).toBe(2);
    expect(refsBy('dd-token-1').length).toBe(2);
  });

  it('a revoked webhook is a permanent failure with what to do', async () => {
    await fresh();
    const targets = targetsFor().slice(2);
    server.setRobot({ platform: 'wecom', token: 'other' });
    await enqueue(
      db,
      sources(1),
      [{ ...targets[0]!, webhook: server.webhook({ platform: 'wecom', token: 'gone' }) }],
      t,
    );
    await runOutbox(
      db,
      deps([{ ...targets[0]!, webhook: server.webhook({ platform: 'wecom', token: 'gone' }) }]),
    );
    const row = (await db.outbox.toArray())[0]!;
    expect(row.state).toBe('failed');
    expect(row.lastError).toMatchObject({ code: '93000' });
    expect(row.lastError!.hint).toMatch(/重新添加机器人/);
  });

  it(
    'paces each robot within its documented limit: the platform never answers “too fast”',
    { timeout: 60_000 },
    async () => {
      await fresh();
      const targets = targetsFor();
      await enqueue(db, sources(25), targets, t);
      const started = t;
      await drain(deps(targets));
      expect(server.received.length).toBe(75);
      expect(server.requests).toBe(75);
      // 25 messages at 20 a minute need two windows for 钉钉/企业微信; 飞书 at 5/s is done in seconds.
      const last = (token: string) =>
        Math.max(...server.received.filter((x) => x.token === token).map((x) => x.at));
      expect(last('dd-token-1') - started).toBeGreaterThanOrEqual(60_000);
      expect(last('wc-key-1') - started).toBeGreaterThanOrEqual(60_000);
      expect(last('fs-hook-1') - started).toBeLessThan(10_000);
    },
  );

  it('10 worker deaths after claiming (before the send): 0 lost, 0 duplicated', async () => {
    await fresh();
    const targets = targetsFor();
    await enqueue(db, sources(10), targets, t);
    let kills = 0;
    const killAt = new Set([0, 3, 4, 9, 12, 17, 18, 22, 25, 29]);
    let claims = 0;
    const d = deps(targets, {
      step: (point) => {
        if (point === 'claimed' && killAt.has(claims++)) {
          kills++;
          throw new Error('worker killed');
        }
      },
    });
    for (let i = 0; i < 400; i++) {
      try {
        const r = await runOutbox(db, d);
        if (r.nextDueAt === undefined) break;
        t = Math.max(t + 1, r.nextDueAt);
      } catch {
        t += 61_000; // the next worker starts after the dead one's lease expired
      }
    }
    expect(kills).toBe(10);
    for (const token of ['fs-hook-1', 'dd-token-1', 'wc-key-1'])
      expect(refsBy(token).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `r${i}`).sort());
    expect((await db.outbox.toArray()).every((r) => r.state === 'delivered')).toBe(true);
  });

  it('a death after the platform accepted but before recording resends that one message (same 编号)', async () => {
    await fresh();
    const targets = targetsFor().slice(2);
    await enqueue(db, sources(2), targets, t);
    let killed = false;
    const d = deps(targets, {
      step: (point) => {
        if (point === 'answered' && !killed) {
          killed = true;
          throw new Error('worker killed');
        }
      },
    });
    await expect(runOutbox(db, d)).rejects.toThrow('worker killed');
    t += 61_000;
    await drain(d);
    // The documented at-least-once window (docs/team.md): r0 twice, r1 once, nothing lost.
    expect(refsBy('wc-key-1').sort()).toEqual(['r0', 'r0', 'r1']);
  });
});
