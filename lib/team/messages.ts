/**
 * What the robots say: alert, test and daily-digest messages from the app's own records (pure). No buyer
 * data: alerts and digests carry counts, categories, dimensions and review text excerpts at most — never
 * nicknames, phone numbers, addresses or order numbers (docs/team.md "What is sent").
 */
import type { Alert } from '../scoring/alert-types';
import type { Source } from './outbox';
import type { TeamMessage } from './types';

/** A short, stable id for a message (FNV-1a of its source), shown in the footer as 编号. */
export function shortRef(source: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    h ^= source.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0');
}

/** "2026-11-22 10:30" in the caller's time zone offset (minutes east of UTC, e.g. 480 for China). */
export function localTime(ms: number, offsetMin: number): string {
  const d = new Date(ms + offsetMin * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

export interface StoreLabel {
  key: string;
  name: string;
}

/** A console page as the platform adapters list them (lib/platforms `startPages`). */
export interface ConsolePage {
  label: string;
  url: string;
}

/**
 * Where the team acts on an alert: the score page for a score drop, the order list for logistics delays,
 * the review list for everything about reviews and replies. Only https pages; none when the platform lists
 * no fitting page.
 */
export function alertLink(kind: Alert['kind'], pages: readonly ConsolePage[]): TeamMessage['link'] {
  const want = kind === 'score_drop' ? /分/ : kind === 'logistics_delay' ? /订单/ : /评价/;
  const page = pages.find((p) => want.test(p.label) && p.url.startsWith('https://'));
  return page ? { title: `打开${page.label}`, url: page.url } : undefined;
}

export function alertSource(
  a: Alert,
  store: StoreLabel,
  offsetMin: number,
  pages: readonly ConsolePage[] = [],
): Source {
  const source = `alert|${a.key}`;
  const link = alertLink(a.kind, pages);
  const lines = [`**店铺**：${store.name}`, a.detail, `时间：${localTime(a.at, offsetMin)}`];
  if (a.dueAt !== undefined) lines.push(`截止：${localTime(a.dueAt, offsetMin)}`);
  return {
    source,
    storeKey: store.key,
    message: {
      kind: 'alert',
      level: a.severity,
      title: `【口碑预警】${a.title}`,
      lines,
      ref: shortRef(source),
      ...(link ? { link } : {}),
    },
  };
}

export function testSource(store: StoreLabel, targetId: string, now: number, offsetMin: number): Source {
  const source = `test|${targetId}|${now}`;
  return {
    source,
    storeKey: store.key,
    message: {
      kind: 'test',
      level: 'info',
      title: '【口碑助手】测试消息',
      lines: [
        `**店铺**：${store.name}`,
        '机器人配置成功：新预警和每日摘要会发到这个群。',
        `时间：${localTime(now, offsetMin)}`,
      ],
      ref: shortRef(source),
    },
  };
}

/** The facts of one store's daily digest (gathered by lib/background/team.ts). */
export interface DigestFacts {
  date: string;
  score?: { value: number; delta?: number; label: string };
  /** New 差评 of the last 24 hours by category label. */
  newBadByCategory: { label: string; count: number }[];
  unreplied: number;
  /** Nearest reply deadline among unreplied negatives (ms). */
  nearestDeadline?: number;
  topCluster?: { label: string; count: number };
  activeAlerts: number;
}

const signed = (n: number) => (n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2));

export function digestSource(f: DigestFacts, store: StoreLabel, offsetMin: number): Source {
  const source = `digest|${store.key}|${f.date}`;
  const bad = f.newBadByCategory.reduce((s, c) => s + c.count, 0);
  const lines = [`**店铺**：${store.name}`];
  lines.push(
    f.score
      ? `**${f.score.label}**：${f.score.value.toFixed(2)}${f.score.delta !== undefined ? `（较昨日 ${signed(f.score.delta)}）` : ''}`
      : '**评分**：暂无数据（打开控制台的体验分页面后自动采集）',
  );
  lines.push(
    bad
      ? `**新增差评** ${bad} 条：${f.newBadByCategory.map((c) => `${c.label} ${c.count}`).join('、')}`
      : '**新增差评**：0 条',
  );
  lines.push(
    `**待回复中差评** ${f.unreplied} 条` +
      (f.nearestDeadline !== undefined ? `，最近截止 ${localTime(f.nearestDeadline, offsetMin)}` : ''),
  );
  if (f.topCluster) lines.push(`**集中问题**：${f.topCluster.label}（${f.topCluster.count} 条）`);
  lines.push(`进行中的预警 ${f.activeAlerts} 条`);
  const level = f.score?.delta !== undefined && f.score.delta < 0 ? 'warn' : 'info';
  return {
    source,
    storeKey: store.key,
    message: { kind: 'digest', level, title: `【口碑日报】${f.date}`, lines, ref: shortRef(source) },
  };
}

/**
 * The next time the digest is due: today's `HH:MM` local time if still ahead, else tomorrow's. `offsetMin`
 * is the local offset east of UTC at `now` (the worker passes `-new Date(now).getTimezoneOffset()`).
 */
export function nextDigestAt(now: number, hhmm: string, offsetMin: number): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  const h = m ? Math.min(23, Number(m[1])) : 9;
  const min = m ? Math.min(59, Number(m[2])) : 0;
  const local = now + offsetMin * 60_000;
  const dayStart = Math.floor(local / 86_400_000) * 86_400_000;
  let at = dayStart + (h * 60 + min) * 60_000 - offsetMin * 60_000;
  if (at <= now) at += 86_400_000;
  return at;
}

/** The local calendar date ("YYYY-MM-DD") at `ms`. */
export const localDate = (ms: number, offsetMin: number): string => localTime(ms, offsetMin).slice(0, 10);
