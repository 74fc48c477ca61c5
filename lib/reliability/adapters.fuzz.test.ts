/**
 * Bad input, property style (issue #8): every whitelisted endpoint of every adapter gets seeded
 * mutations of its clean fixture — wrong types, missing and extra fields (`__proto__` included), 300k
 * character strings, 3,000-deep nesting, timestamps in the other unit, duplicated rows — and each goes
 * through the real pipeline (parseHookMessage → batches → envelope check → ingestBatch) into a database
 * that already holds the clean page and another store. Properties: no crash, the background never refuses
 * a batch the content script built (that would lose the capture-health entry), every rejection is a valid
 * reason, every stored row is valid, the other store is untouched, and nothing stored is erased or
 * silently rewritten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KoubeiDb } from '../db';
import { openDb } from '../db';
import { Rejection } from '../model';
import { parseHookMessage } from '../capture/content';
import { adapterById } from '../platforms/index';
import { consoleRequests, hookMessage } from './consoles';
import { cases } from './fuzz';
import type { Snapshot } from './pipeline';
import { NOW, baseline, capture, diff, erased, invalidRows, restore, snapshot } from './pipeline';

/** Mutations per endpoint; 16 endpoints → 1,120 cases. */
export const CASES_PER_ENDPOINT = 70;
const SEED = 20261122;

let db: KoubeiDb;
beforeAll(async () => {
  db = openDb(`fuzz-adapters-${SEED}`);
  await db.open();
});
afterAll(() => db.delete());

const requests = consoleRequests();

it('covers every endpoint of every adapter', () => {
  expect(new Set(requests.map((r) => r.platform)).size).toBe(5);
  expect(requests.length).toBeGreaterThanOrEqual(16);
});

describe.each(requests.map((r) => [`${r.platform}/${r.endpoint}`, r] as const))('%s', (_name, req) => {
  it(`survives ${CASES_PER_ENDPOINT} seeded mutations`, { timeout: 120_000 }, async () => {
    const adapter = adapterById(req.platform)!;
    const clean = hookMessage(req.url, JSON.stringify(req.fixture));
    const base: Snapshot = await baseline(db, req, clean);
    const seen = parseHookMessage(adapter, clean, req.pageUrl, NOW).result.seen;
    const list = cases(
      req.fixture,
      SEED + req.endpoint.length * 31 + req.platform.length,
      CASES_PER_ENDPOINT,
    );
    expect(list.length).toBe(CASES_PER_ENDPOINT);
    const problems: string[] = [];
    const codes = new Set<string>();
    for (const c of list) {
      const at = `${c.mutation} at ${c.path.join('.')}`;
      await restore(db, base);
      // The adapter contract: parse never throws, whatever the body.
      expect(() =>
        adapter.parse(req.endpoint, c.body, { url: req.url, pageUrl: req.pageUrl, now: NOW }),
      ).not.toThrow();
      const o = await capture(db, req, hookMessage(req.url, JSON.stringify(c.body)));
      const after = await snapshot(db);
      for (const r of o.rejects) codes.add(r.code);

      if (o.refused.length) problems.push(`${at}: batch refused without a health entry: ${o.refused[0]}`);
      for (const r of o.rejects)
        if (!Rejection.safeParse(r).success || !r.message)
          problems.push(`${at}: bad reason ${JSON.stringify(r)}`);
      for (const e of o.events)
        if (e.rejected > 0 !== (e.outcome !== 'ok') || (e.rejected > 0 && e.reasons.length === 0))
          problems.push(
            `${at}: health entry ${e.outcome} with ${e.rejected} rejected, ${e.reasons.length} reasons`,
          );
      for (const bad of invalidRows(after)) problems.push(`${at}: invalid stored row ${bad}`);

      for (const t of ['stores', 'reviews', 'orders', 'officialScores'] as const) {
        for (const [k, before] of base[t]) {
          const now = after[t].get(k);
          // A day's official score is replaced by the day's latest capture (by design); records merge.
          const lost = t === 'officialScores' ? [] : erased(before, now);
          if (lost.length) problems.push(`${at}: ${t}/${k} lost ${lost.join(',')}`);
          const changed = diff(before, now);
          // Another store is never touched; a record's stored times only move with a valid capture.
          if (k.startsWith('douyin:55550000') && changed.length)
            problems.push(`${at}: other store ${k} changed`);
          if (c.mutation === 'time_unit' && t !== 'officialScores' && changed.length)
            problems.push(`${at}: ${t}/${k} changed ${changed.join(',')} after a unit error`);
        }
      }
      if (c.mutation === 'duplicate_row') {
        for (const t of ['reviews', 'orders'] as const)
          if (after[t].size !== base[t].size) problems.push(`${at}: a duplicated row added ${t}`);
        // A copied list row (not a nested list) is one more row seen: it must be named a duplicate.
        const dup = o.rejects.some((r) => r.code === 'duplicate_in_page');
        if (o.parsed.seen > seen && !dup && (req.kind === 'reviews' || req.kind === 'orders'))
          problems.push(`${at}: duplicated row not reported`);
      }
    }
    expect(problems.slice(0, 15)).toEqual([]);
    // The generator really reaches the rows: unit errors and duplicates are caught and named.
    if (req.kind === 'reviews' || req.kind === 'orders')
      expect([...codes]).toEqual(expect.arrayContaining(['bad_time', 'duplicate_in_page']));
  });
});

it('no mutation polluted Object.prototype', () => {
  const probe = {} as Record<string, unknown>;
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(probe.n).toBeUndefined();
  expect(probe.id).toBeUndefined();
});
