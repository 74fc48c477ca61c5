/**
 * Drift per endpoint (issue #12), kept in `meta` as `drift|<platform>|<endpoint>`: expected fields the
 * rows lacked, fields never seen before on that endpoint, rejected rows and why, first/last seen, and the
 * last redacted sample of a failing response (re-checked: only what `redact` can produce is stored).
 */
import type { CaptureBatch } from '../capture/batch';
import { isRedacted } from '../capture/redact';
import type { KoubeiDb } from '../db';
import type { PlatformId } from '../model';

export interface DriftRow {
  platform: PlatformId;
  endpoint: string;
  firstSeen: number;
  lastSeen: number;
  /** Fields this endpoint's rows carried so far (the baseline for "new"). */
  known: string[];
  /** Expected by the public sources, missing in the last response that had rows. */
  missing: string[];
  /** Seen after the first response, never before; with when they first appeared. */
  newFields: { field: string; at: number }[];
  responses: number;
  rejectedRows: number;
  reasons: { code: string; message: string; count: number }[];
  sample?: unknown;
  sampleAt?: number;
}

export const DRIFT_PREFIX = 'drift|';
const baseEndpoint = (e: string) => e.replace(/ \(\d+\/\d+\)$/, '');
export const driftKey = (platform: string, endpoint: string) =>
  `${DRIFT_PREFIX}${platform}|${baseEndpoint(endpoint)}`;

export async function recordDrift(db: KoubeiDb, batch: CaptureBatch, now: number): Promise<void> {
  const d = batch.drift;
  if (!d) return;
  const key = driftKey(batch.platform, batch.endpoint);
  await db.transaction('rw', db.meta, async () => {
    const prev = (await db.meta.get(key))?.value as DriftRow | undefined;
    const known = new Set(prev?.known ?? []);
    const fresh = prev ? d.fields.filter((f) => !known.has(f)) : [];
    for (const f of d.fields) known.add(f);
    const reasons = [...(prev?.reasons ?? [])];
    for (const r of batch.rejects.slice(0, 50)) {
      // Row numbers differ per page: one entry per reason text without its "第 N 行：" prefix.
      const message = r.message.replace(/^第 \d+ 行：/, '').slice(0, 120);
      const hit = reasons.find((x) => x.code === r.code && x.message === message);
      if (hit) hit.count++;
      else if (reasons.length < 10) reasons.push({ code: r.code, message, count: 1 });
    }
    const sample = d.sample !== undefined && isRedacted(d.sample) ? d.sample : undefined;
    const row: DriftRow = {
      platform: batch.platform,
      endpoint: baseEndpoint(batch.endpoint),
      firstSeen: prev?.firstSeen ?? now,
      lastSeen: now,
      known: [...known].slice(0, 150),
      missing: d.fields.length ? d.missing : (prev?.missing ?? d.missing),
      newFields: [...(prev?.newFields ?? []), ...fresh.map((field) => ({ field, at: now }))].slice(-40),
      responses: (prev?.responses ?? 0) + 1,
      rejectedRows: (prev?.rejectedRows ?? 0) + batch.rejects.length,
      reasons,
      sample: sample ?? prev?.sample,
      sampleAt: sample ? now : prev?.sampleAt,
    };
    await db.meta.put({ key, value: row });
  });
}

/** Every endpoint's drift row, most recent first (采集健康). */
export async function driftRows(db: KoubeiDb): Promise<DriftRow[]> {
  const rows = await db.meta.where('key').startsWith(DRIFT_PREFIX).toArray();
  return rows.map((r) => r.value as DriftRow).sort((a, b) => b.lastSeen - a.lastSeen);
}
