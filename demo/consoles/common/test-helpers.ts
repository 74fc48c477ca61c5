/**
 * Shared fixtures for the simulated consoles' tests: one small world behind the real demo handler (so
 * the host routing of demo/server.ts is exercised too), request helpers, and the adapter contract check.
 */
import type { ParseResult } from '../../../lib/capture/batch';
import { OrderDraftSchema, ReviewDraftSchema, ScoreDraftSchema } from '../../../lib/capture/schema';
import { matchEndpoint } from '../../../lib/platforms/endpoints';
import type { PlatformAdapter } from '../../../lib/platforms/types';
import { createWorld } from '../../generator/world';
import type { DemoResponse } from '../http';
import { createDemoHandler } from '../../server';

export const NOW = Date.parse('2026-03-20T15:00:00+08:00');
export const world = createWorld({ seed: 11, now: NOW, days: 90, ordersPerDay: 50 });
export const handler = createDemoHandler({ world });

/** Calls the demo handler; throws when nothing answers (tests of "no answer" call `handler` directly). */
export function call(
  method: string,
  url: string,
  body?: string,
  headers: Record<string, string> = {},
): DemoResponse {
  const res = handler({ method, url: new URL(url), body, headers });
  if (!res) throw new Error(`no response for ${method} ${url}`);
  return res;
}

/** Console JSON as tests read it: untyped on purpose (the shapes are what is under test). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export const body = (res: DemoResponse): Json => JSON.parse(res.body) as Json;

/**
 * What the extension makes of a served response: the endpoint must be whitelisted for `pageUrl`, the
 * adapter must parse it, and every draft must pass the background's schemas.
 */
export function capture(
  adapter: PlatformAdapter,
  url: string,
  res: DemoResponse,
  pageUrl: string,
): ParseResult {
  const u = new URL(url);
  const spec = matchEndpoint(adapter.id, u, new URL(pageUrl).hostname);
  if (!spec) throw new Error(`${u.pathname} is not whitelisted for ${adapter.id}`);
  const r = adapter.parse(spec.id, JSON.parse(res.body), { url: u, pageUrl: new URL(pageUrl), now: NOW });
  for (const d of r.reviews) ReviewDraftSchema.parse(d);
  for (const d of r.orders) OrderDraftSchema.parse(d);
  for (const d of r.scores) ScoreDraftSchema.parse(d);
  return r;
}
