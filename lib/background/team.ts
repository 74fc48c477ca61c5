/**
 * Team delivery in the service worker (issue #14): the outbox loop (woken on enqueue, on start-up and by
 * a `chrome.alarms` alarm so a killed worker resumes), the daily digest at the merchant's time, the test
 * button, and retrying a failed message from 采集健康. Logs never carry webhooks or secrets.
 */
import { browser } from 'wxt/browser';
import type { KoubeiDb } from '../db';
import { DAY_MS } from '../model';
import { onMessage } from '../messaging';
import { boardSettingsItem, replyDeadlineItem, teamSettingsItem } from '../settings';
import { monthRange, reportSource } from '../team/monthly';
import { gatherMonthly } from '../team/monthly-data';
import { boardProblems, syncBoard } from '../team/board-sync';
import { CATEGORY_LABEL } from '../text/types';
import { analyzeReview } from '../text/analyze';
import { digestSource, localDate, nextDigestAt, testSource, type DigestFacts } from '../team/messages';
import { enqueue, runOutbox } from '../team/outbox';
import type { Review } from '../model';
import { clusterFacts, readAlertSettings } from './alerts';
import { requireExtensionPage } from './senders';
import { onOutboxQueued } from './team-enqueue';

export const OUTBOX_ALARM = 'team-outbox';
export const DIGEST_ALARM = 'team-digest';
/** Waits shorter than this are a timer in the live worker; the alarm is the safety net either way. */
const TIMER_MS = 25_000;

const offsetAt = (now: number) => -new Date(now).getTimezoneOffset();
const isBad = (r: Review) =>
  r.polarity === 'bad' ||
  [r.star, r.starProduct, r.starLogistics, r.starService].some((s) => s !== undefined && s <= 2);

/** One store's digest facts from its records (no buyer data leaves this function: counts and labels). */
export async function digestFacts(db: KoubeiDb, storeKey: string, now: number): Promise<DigestFacts> {
  const offset = offsetAt(now);
  const snaps = await db.scoreSnapshots
    .where('[storeKey+date]')
    .between([storeKey, ''], [storeKey, '\uffff'])
    .reverse()
    .limit(2)
    .toArray();
  const value = (s: (typeof snaps)[number] | undefined) => s?.official?.value ?? s?.estimate.value ?? null;
  const cur = value(snaps[0]);
  const prev = value(snaps[1]);
  const recent = await db.reviews
    .where('[storeKey+createdAt]')
    .between([storeKey, now - 30 * DAY_MS], [storeKey, now], true, true)
    .toArray();
  const bad = recent.filter(isBad);
  const byCat = new Map<string, number>();
  for (const r of bad.filter((x) => x.createdAt > now - DAY_MS)) {
    const c = analyzeReview(r).categories[0];
    const label = c ? CATEGORY_LABEL[c] : '其他';
    byCat.set(label, (byCat.get(label) ?? 0) + 1);
  }
  const unreplied = bad.filter((r) => !r.replied);
  const deadlines = unreplied.flatMap((r) =>
    r.replyDeadline !== undefined && r.replyDeadline > now ? [r.replyDeadline] : [],
  );
  const [cluster] = clusterFacts(bad, now, await readAlertSettings()).sort((a, b) => b.count - a.count);
  const active = (await db.alerts.where('state').equals('active').toArray()).filter(
    (a) => a.storeKey === storeKey,
  );
  return {
    date: localDate(now, offset),
    ...(cur !== null && snaps[0]
      ? { score: { value: cur, label: snaps[0].label, ...(prev !== null ? { delta: cur - prev } : {}) } }
      : {}),
    newBadByCategory: [...byCat]
      .map(([label, count]) => ({ label, count }))
      .sort((a, b) => b.count - a.count),
    unreplied: unreplied.length,
    ...(deadlines.length ? { nearestDeadline: Math.min(...deadlines) } : {}),
    ...(cluster ? { topCluster: { label: cluster.label ?? cluster.topic, count: cluster.count } } : {}),
    activeAlerts: active.length,
  };
}

export interface TeamDeps {
  now: () => number;
  extensionOrigin: string;
  fetch?: typeof fetch;
  /** The 飞书 open platform origin (tests: the local mock). */
  boardBaseUrl?: string;
}

export function registerTeam(db: KoubeiDb, deps: TeamDeps) {
  const { now } = deps;
  const targets = async () => (await teamSettingsItem.getValue()).targets;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Runs the outbox (serialized), then schedules the next run for the earliest due row. */
  const kick = (): Promise<unknown> =>
    (chain = chain
      .then(async () => {
        const r = await runOutbox(db, {
          now,
          fetch: deps.fetch ?? ((u, i) => fetch(u, i)),
          targets,
          random: Math.random,
          log: (line) => console.warn(line),
        });
        if (timer) clearTimeout(timer);
        timer = undefined;
        if (r.nextDueAt === undefined) return void (await browser.alarms.clear(OUTBOX_ALARM));
        const wait = Math.max(0, r.nextDueAt - now());
        if (wait < TIMER_MS) timer = setTimeout(() => void kick(), wait + 50);
        await browser.alarms.create(OUTBOX_ALARM, { delayInMinutes: Math.max(30_000, wait) / 60_000 });
      })
      .catch((e: unknown) => console.warn('[koubei] team outbox', e instanceof Error ? e.message : 'error')));

  const scheduleDigest = async () => {
    const s = await teamSettingsItem.getValue();
    if (!s.digest.enabled || !s.targets.some((t) => t.enabled))
      return void (await browser.alarms.clear(DIGEST_ALARM));
    const t = now();
    await browser.alarms.create(DIGEST_ALARM, {
      delayInMinutes: Math.max(30_000, nextDigestAt(t, s.digest.time, offsetAt(t)) - t) / 60_000,
    });
  };

  const queueDigests = async () => {
    const s = await teamSettingsItem.getValue();
    const t = now();
    const storeKeys = [...new Set(s.targets.filter((x) => x.enabled).map((x) => x.storeKey))];
    const sources = [];
    for (const key of storeKeys) {
      const store = await db.stores.get(key);
      sources.push(
        digestSource(await digestFacts(db, key, t), { key, name: store?.name ?? key }, offsetAt(t)),
      );
    }
    await enqueue(db, sources, s.targets, t);
  };

  /** The 多维表格 board, when configured: after the digest and on demand. Errors carry the platform text. */
  const board = async () => {
    const s = await boardSettingsItem.getValue();
    const problems = boardProblems(s);
    if (!s.enabled) throw new Error('多维表格同步未开启');
    if (problems.length) throw new Error(problems[0]);
    const r = await syncBoard(db, s, {
      fetchFn: deps.fetch ?? ((u, i) => fetch(u, i)),
      now,
      ...(deps.boardBaseUrl ? { baseUrl: deps.boardBaseUrl } : {}),
    });
    await db.meta.put({ key: 'team:board', value: { at: now(), result: r } });
    return r;
  };

  onOutboxQueued(() => void kick());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void kick();
    if (alarm.name === DIGEST_ALARM)
      void queueDigests()
        .then(kick)
        .then(async () => {
          if ((await boardSettingsItem.getValue()).enabled)
            await board().catch((e: unknown) =>
              console.warn('[koubei] board', e instanceof Error ? e.message : 'error'),
            );
        })
        .then(scheduleDigest)
        .catch((e: unknown) =>
          console.warn('[koubei] team digest', e instanceof Error ? e.message : 'error'),
        );
  });
  // A saved target (new secret, re-enabled) releases held messages; a new digest time reschedules.
  teamSettingsItem.watch(() => {
    void kick();
    void scheduleDigest().catch(() => undefined);
  });

  onMessage('ui-bg/team-test', async ({ data, sender }) => {
    requireExtensionPage(sender, deps.extensionOrigin);
    if (typeof data?.targetId !== 'string') throw new Error('测试消息的参数无效');
    const all = await targets();
    const target = all.find((x) => x.id === data.targetId);
    if (!target) return { queued: false };
    const t = now();
    const store = await db.stores.get(target.storeKey);
    const src = testSource(
      { key: target.storeKey, name: store?.name ?? target.storeKey },
      target.id,
      t,
      offsetAt(t),
    );
    // Only to this target, even when the store has others.
    const queued = await enqueue(db, [src], [{ ...target, enabled: true }], t);
    void kick();
    return { queued: queued > 0 };
  });

  onMessage('ui-bg/team-retry', async ({ data, sender }) => {
    requireExtensionPage(sender, deps.extensionOrigin);
    if (typeof data?.key !== 'string') throw new Error('重试的参数无效');
    const n = await db.outbox
      .where('key')
      .equals(data.key)
      .filter((r) => r.state === 'failed')
      .modify({ state: 'pending', nextAt: now(), attempts: 0 });
    void kick();
    return { requeued: n };
  });

  // 月度口碑报告 (issue #14): built here from the records (nothing but the store and month comes from the
  // page), sent to the store's enabled robots through the outbox; one message per store and month.
  onMessage('ui-bg/team-report', async ({ data, sender }) => {
    requireExtensionPage(sender, deps.extensionOrigin);
    const storeKey = data?.storeKey;
    const month = data?.month;
    if (
      typeof storeKey !== 'string' ||
      storeKey.length > 200 ||
      typeof month !== 'string' ||
      !monthRange(month)
    )
      throw new Error('月度报告的参数无效');
    const mine = (await targets()).filter((x) => x.storeKey === storeKey && x.enabled);
    if (!mine.length) return { queued: 0, targets: 0 };
    const prefs = await replyDeadlineItem.getValue();
    const report = await gatherMonthly(db, storeKey, month, prefs.internalHours);
    if (!report) throw new Error('没有这个店铺的记录');
    const queued = await enqueue(db, [reportSource(report)], mine, now());
    void kick();
    return { queued, targets: mine.length };
  });

  onMessage('ui-bg/board-sync', async ({ sender }) => {
    requireExtensionPage(sender, deps.extensionOrigin);
    return board();
  });

  // Start-up: whatever a dead worker left pending or in flight goes out now.
  void kick();
  void scheduleDigest().catch(() => undefined);
  return { kick, queueDigests, board };
}
