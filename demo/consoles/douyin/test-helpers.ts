/** Shared fixtures for the 抖店 API tests: one small world and request helpers. */
import { createWorld } from '../../generator/world';
import type { DemoResponse } from '../http';
import { handleDouyinApi } from './api';

export const NOW = Date.parse('2026-03-20T15:00:00+08:00');
export const world = createWorld({ seed: 11, now: NOW, days: 90, ordersPerDay: 50 });
export const HOST = 'https://fxg.jinritemai.com';

/** GETs a path of the simulated console. */
export function get(path: string, headers: Record<string, string> = {}): DemoResponse {
  const res = handleDouyinApi(world, { method: 'GET', url: new URL(HOST + path), headers });
  if (!res) throw new Error(`no response for ${path}`);
  return res;
}
/** Console JSON as tests read it: untyped on purpose (the shapes are what is under test). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export const body = (res: DemoResponse): Json => JSON.parse(res.body) as Json;
/** The envelope and its rows, whichever list shape the response has. */
export const list = (path: string, headers?: Record<string, string>) => {
  const b = body(get(path, headers));
  return { b, rows: (Array.isArray(b.data) ? b.data : b.data.data) as Json[] };
};
export const SIGNED = '&msToken=abc&a_bogus=xyz&verifyFp=verify_1&__token=deadbeef';
