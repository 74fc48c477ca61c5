/**
 * Bad responses as a whole (issue #8), on every endpoint of every adapter: JSON cut off at seeded points,
 * a login redirect that returns HTML, 5 MB bodies (through the real main-world hook), the consoles' own
 * error envelopes and empty or foreign bodies. Each must be rejected with a capture-health entry naming
 * the reason, and leave every stored record exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HookMessage } from '../capture/channel';
import { MAX_BODY_CHARS, installHook } from '../capture/hook';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { LIMITS } from '../model';
import type { ConsoleRequest } from './consoles';
import { ERROR_FIXTURES, LOGIN_HTML, consoleRequests, errorFixture, hookMessage } from './consoles';
import { truncate } from './fuzz';
import type { Snapshot } from './pipeline';
import { baseline, capture, diff, restore, snapshot } from './pipeline';

export const TRUNCATIONS = 8;
const FOREIGN = ['', 'null', '[]', '""', '0', '{}', '{"data":[]}', '{"code":"0"}', '{"success":true}'];

/** What the real hook posts for a response of `text` fetched by the page (one fetch, no network). */
async function throughHook(url: URL, text: string, declareLength: boolean): Promise<HookMessage> {
  const posted: HookMessage[] = [];
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (declareLength) headers['content-length'] = String(text.length);
  const win = {
    location: { href: 'https://fxg.jinritemai.com/ffa/maftersale/comment' },
    fetch: async () => new Response(text, { headers }),
    XMLHttpRequest: class {
      open() {}
      send() {}
    },
  } as unknown as Window & typeof globalThis;
  installHook(
    win,
    () => true,
    (m) => posted.push(m),
  );
  await win.fetch(url.href);
  for (let i = 0; i < 50 && !posted.length; i++) await new Promise((r) => setTimeout(r, 10));
  return posted[0]!;
}

let db: KoubeiDb;
beforeAll(async () => {
  db = openDb('fuzz-envelopes');
  await db.open();
});
afterAll(() => db.delete());

/** Runs `m` against the clean baseline; returns the reason codes and what changed. */
async function rejectOnly(base: Snapshot, req: ConsoleRequest, m: HookMessage) {
  await restore(db, base);
  const o = await capture(db, req, m);
  const after = await snapshot(db);
  const changed: string[] = [];
  for (const t of ['reviews', 'orders', 'officialScores'] as const) {
    if (after[t].size !== base[t].size) changed.push(`${t}: ${base[t].size} → ${after[t].size}`);
    for (const [k, row] of base[t]) if (diff(row, after[t].get(k)).length) changed.push(`${t}/${k}`);
  }
  expect(o.refused).toEqual([]);
  expect(o.events).toHaveLength(1);
  expect(o.events[0]!.outcome).toBe('rejected');
  return { codes: o.rejects.map((r) => r.code), messages: o.rejects.map((r) => r.message), changed };
}

describe.each(consoleRequests().map((r) => [`${r.platform}/${r.endpoint}`, r] as const))('%s', (_n, req) => {
  let base: Snapshot;
  const text = JSON.stringify(req.fixture);
  beforeAll(async () => {
    base = await baseline(db, req, hookMessage(req.url, text));
  });

  it.each(Array.from({ length: TRUNCATIONS }, (_, i) => [i]))(
    'truncated JSON #%i → invalid_json',
    async (i) => {
      const r = await rejectOnly(base, req, hookMessage(req.url, truncate(text, 1000 + i)));
      expect(r).toMatchObject({ codes: ['invalid_json'], changed: [] });
    },
  );

  it('a login redirect answering HTML → not_json, told to log in again', async () => {
    const r = await rejectOnly(base, req, hookMessage(req.url, LOGIN_HTML, 200, 'text/html'));
    expect(r).toMatchObject({ codes: ['not_json'], changed: [] });
    expect(r.messages[0]).toContain('登录');
  });

  it.each([[true], [false]])(
    'a 5 MB body (content-length declared: %s) → too_large, not copied',
    async (declared) => {
      const big = JSON.stringify({ ...(req.fixture as object), log_pb: 'x'.repeat(5 * 1024 * 1024) });
      const m = await throughHook(req.url, big, declared);
      expect(m.tooLarge).toBe(true);
      expect(m.text).toBeUndefined();
      expect(m.bytes).toBeGreaterThan(MAX_BODY_CHARS);
      expect(await rejectOnly(base, req, m)).toMatchObject({ codes: ['too_large'], changed: [] });
    },
  );

  it.each(FOREIGN.map((b) => [b]))('body %j → rejected with a reason', async (body) => {
    const r = await rejectOnly(base, req, hookMessage(req.url, body));
    expect(r.changed).toEqual([]);
    expect(r.codes.length).toBeGreaterThan(0);
  });

  it.each(ERROR_FIXTURES[req.platform].map((f) => [f]))(
    'the console error %s → envelope_error',
    async (file) => {
      const r = await rejectOnly(base, req, hookMessage(req.url, errorFixture(req.platform, file)));
      expect(r).toMatchObject({ codes: ['envelope_error'], changed: [] });
      expect(r.messages[0]).toMatch(/[\u4e00-\u9fff]/);
    },
  );
});

it('a 5 MB body of Chinese text (1.7M characters, under the hook limit) is parsed and capped', async () => {
  const req = consoleRequests().find((r) => r.platform === 'douyin' && r.endpoint === 'commentList')!;
  const body = structuredClone(req.fixture) as { data: { content: string }[] };
  body.data[0]!.content = '差'.repeat(1_700_000);
  const text = JSON.stringify(body);
  expect(new TextEncoder().encode(text).length).toBeGreaterThan(5_000_000);
  const m = await throughHook(req.url, text, false);
  expect(m.tooLarge).toBeUndefined();
  await restore(db, { stores: new Map(), reviews: new Map(), orders: new Map(), officialScores: new Map() });
  const o = await capture(db, req, m);
  expect(o.rejects).toEqual([]);
  const longest = Math.max(...(await db.reviews.toArray()).map((r) => r.text.length));
  expect(longest).toBe(LIMITS.text);
});
