/**
 * The shipped Dexie schema versions, read from lib/db.ts's own `declareSchema` (so a new version is
 * covered the day it is added), and fixture rows for any table. A database "as shipped at version n" is a
 * Dexie instance with only the versions ≤ n declared — what a merchant who has not updated has on disk.
 */
import Dexie from 'dexie';
import { declareSchema } from '../db';

export interface VersionDecl {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: unknown;
}

/** Every `db.version(n)` call `declareSchema` makes, in order. */
export function schemaHistory(): VersionDecl[] {
  const out: VersionDecl[] = [];
  const recorder = {
    version(version: number) {
      const d: VersionDecl = { version, stores: {} };
      out.push(d);
      const chain = {
        stores(s: Record<string, string | null>) {
          d.stores = { ...d.stores, ...s };
          return chain;
        },
        upgrade(fn: unknown) {
          d.upgrade = fn;
          return chain;
        },
      };
      return chain;
    },
  };
  declareSchema(recorder as unknown as Dexie);
  return out;
}

/** A Dexie instance over `name` with the shipped versions up to `upTo` only. */
export function openAt(name: string, upTo: number): Dexie {
  const db = new Dexie(name);
  for (const d of schemaHistory().filter((x) => x.version <= upTo)) {
    const v = db.version(d.version).stores(d.stores);
    if (typeof d.upgrade === 'function') v.upgrade(d.upgrade as Parameters<typeof v.upgrade>[0]);
  }
  return db;
}

/** Tables that exist at version `upTo` with their spec strings (a later `null` deletes a table). */
export function tablesAt(upTo: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of schemaHistory().filter((x) => x.version <= upTo))
    for (const [t, spec] of Object.entries(d.stores)) {
      if (spec === null) delete out[t];
      else out[t] = spec;
    }
  return out;
}

const DAY = (i: number) =>
  `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

/** A plausible value for an indexed field, from its name. */
function valueFor(field: string, i: number): unknown {
  if (field === 'storeKey') return i % 2 ? 'douyin:88776655' : 'pdd:10086';
  if (/^(date|day)$/.test(field)) return DAY(i);
  if (/(At|at|Seen)$/.test(field)) return Date.UTC(2026, 0, 1) + i * 3_600_000;
  if (field === 'replied') return i % 2 === 0;
  return `${field}-${i}`;
}

/** `n` rows for a table spec: primary key and every indexed field filled, plus Chinese payload. */
export function rowsFor(table: string, spec: string, n: number): Record<string, unknown>[] {
  const parts = spec.split(',').map((p) => p.trim());
  const primary = parts[0]!;
  const fields = new Set(parts.slice(1).flatMap((p) => p.replace(/[[\]&*]/g, '').split('+')));
  return Array.from({ length: n }, (_, i) => {
    const row: Record<string, unknown> = { note: `${table} 第${i}行：发货慢，客服态度好` };
    if (!primary.startsWith('++')) row[primary] = `${table}|${i}`;
    for (const f of fields) row[f] ??= valueFor(f, i);
    return row;
  });
}
