/**
 * Concurrency (issue #8): two tabs capturing the same pages at once, a restore while capturing. Each final
 * state must equal a serial order of the same operations.
 */
import { describe, expect, it, vi } from 'vitest';
import type { KoubeiDb } from '../db';
import { writeBackup } from '../export/backup';
import { applyRestore } from '../import/restore-run';
import { restoreChunk } from '../import/restore';
import { NOW, batches, fresh, ingest, records, serially } from './timeline';

vi.setConfig({ testTimeout: 60_000 });

describe('two tabs capturing the same pages at once', () => {
  it('stores what one tab alone stores, each row once', async () => {
    const first = batches(10);
    // The second tab saw some reviews later: the shop had replied in between.
    const second = batches(10, (r, i) => {
      if (i % 3 === 0)
        Object.assign(r, { shop_reply: '亲，已为您补发', is_shop_reply: 1, reply_time: 1_763_500_000 });
    });
    const serial = fresh('serial');
    await serially(
      serial,
      [...first, ...second].map((b) => () => ingest(serial, b)),
    );
    const both = fresh('both');
    // Interleaved as two tabs send them; each message is one transaction, handled in arrival order.
    await Promise.all(first.flatMap((b, i) => [ingest(both, b), ingest(both, second[i]!)]));
    const interleaved = fresh('interleaved');
    await serially(
      interleaved,
      first.flatMap((b, i) => [() => ingest(interleaved, b), () => ingest(interleaved, second[i]!)]),
    );
    expect(await records(both)).toEqual(await records(interleaved));
    expect((await records(both)).reviews.map(({ capturedAt: _, updatedAt: __, ...r }) => r)).toEqual(
      (await records(serial)).reviews.map(({ capturedAt: _, updatedAt: __, ...r }) => r),
    );
    const events = await both.captureEvents.toArray();
    expect(events.reduce((n, e) => n + e.added, 0)).toBe(600);
    expect(await both.reviews.count()).toBe(600);
  });
});

describe('restore while capturing', () => {
  it('ends where one of the two serial orders ends', async () => {
    // A backup of an older state: the same reviews before the shop replied.
    const source = fresh('backup-source');
    for (const b of batches(6)) await ingest(source, b, NOW - 86_400_000);
    const { blob } = await writeBackup(source, { filter: {}, now: NOW });
    const capture = batches(6, (r, i) => {
      if (i % 2) Object.assign(r, { shop_reply: '感谢支持', is_shop_reply: 1, reply_time: 1_763_600_000 });
    });
    const restore = (db: KoubeiDb) =>
      applyRestore(
        blob,
        (req) => restoreChunk(db, req.table, req.rows, { now: NOW, offset: req.offset }),
        {},
      );
    const a = fresh('restore-first');
    await restore(a);
    await serially(
      a,
      capture.map((b) => () => ingest(a, b)),
    );
    const b = fresh('capture-first');
    await serially(
      b,
      capture.map((x) => () => ingest(b, x)),
    );
    await restore(b);
    const both = fresh('together');
    await Promise.all([restore(both), ...capture.map((x) => ingest(both, x))]);
    const strip = async (db: KoubeiDb) => (await records(db)).reviews.map(({ updatedAt: _, ...r }) => r);
    const end = await strip(both);
    expect([await strip(a), await strip(b)]).toContainEqual(end);
    // Either way no reply the capture saw is lost and nothing is duplicated.
    expect(end).toHaveLength(360);
    expect(end.filter((r) => r.replied)).toHaveLength(180);
  });
});
