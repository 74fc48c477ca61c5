/**
 * How alerts reach the merchant: notifications (one per new condition, one summary for a burst), the
 * toolbar badge for what is active and not snoozed, and snoozes.
 */
import { browser } from 'wxt/browser';
import type { KoubeiDb } from '../db';
import type { AlertRow } from '../score-view/types';
import type { Snooze } from '../scoring/alert-types';
import { isSnoozed } from '../scoring/alerts';
import { alertSnoozesItem } from '../settings';

/** More new alerts than this in one run make one summary notification instead of one each. */
const MAX_SEPARATE = 3;

/** A 32×32 orange "!" PNG: notifications need an icon, the extension ships none, and SVG is not decoded. */
const ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAXUlEQVR42mNgwAFulrP9pyZmIAZQ21KSHEMvy7E6gt6WYzhiZDuAXM3ogGxHjDpg1AGjDhh1wKgDRh0wZB1AtSp51AGjiXDAHUBuu5AaDhhtlg+ertmg6JwOVPccAPQJSOgqD6UsAAAAAElFTkSuQmCC';

/** Shows notifications for `alerts` (one each, or one summary for many); returns the keys shown. */
export async function notify(alerts: readonly AlertRow[]): Promise<string[]> {
  const api = browser.notifications;
  if (!api || alerts.length === 0) return [];
  const list =
    alerts.length <= MAX_SEPARATE
      ? alerts.map((a) => ({ id: a.key, keys: [a.key], title: `口碑助手 · ${a.title}`, message: a.detail }))
      : [
          {
            id: `summary|${alerts[0]!.storeKey}|${alerts[0]!.at}`,
            keys: alerts.map((a) => a.key),
            title: `口碑助手 · 新增 ${alerts.length} 条预警`,
            message:
              alerts
                .slice(0, 4)
                .map((a) => a.title)
                .join('、') + (alerts.length > 4 ? ' 等' : ''),
          },
        ];
  const shown: string[] = [];
  for (const n of list) {
    try {
      await api.create(n.id, {
        type: 'basic',
        iconUrl: ICON,
        title: n.title,
        message: n.message,
        priority: 1,
      });
      shown.push(...n.keys);
    } catch (e) {
      console.warn('[koubei] notification', e);
    }
  }
  return shown;
}

/** Adds a snooze (pruning expired ones) and clears the alert's notification. */
export async function snooze(key: string, hours: number, now: number): Promise<Snooze[]> {
  const until = now + Math.max(0.25, Math.min(24 * 30, hours)) * 3_600_000;
  const list = (await alertSnoozesItem.getValue()).filter((s) => s.until > now && s.key !== key);
  list.push({ key, until });
  await alertSnoozesItem.setValue(list);
  await Promise.resolve(browser.notifications?.clear(key)).catch(() => undefined);
  return list;
}

let painted = '';
/** What the last run set besides the badge text (colour, title, icon): set again only when it changes. */
let paintedLook = '';

/**
 * Shows the active, not snoozed alerts on the toolbar badge ("!3", orange; red with a critical one).
 * The capture badge (badge.ts) repaints on capture; this runs after each alert evaluation and after the
 * popup clears the badge, so alerts win while any is active.
 */
export async function paintAlertBadge(db: KoubeiDb, now: number): Promise<number> {
  const snoozes = await alertSnoozesItem.getValue();
  const active = (await db.alerts.where('state').equals('active').toArray()).filter(
    (a) => !isSnoozed(a.key, snoozes, now),
  );
  const n = active.length;
  const text = n === 0 ? '' : n > 9 ? '!9+' : `!${n}`;
  const current = await browser.action.getBadgeText({});
  const color = active.some((a) => a.severity === 'critical') ? '#cf222e' : '#d97706';
  // The toolbar icon's two states: 正常 and 有预警 (a red dot), from public/icon.
  const icon = n === 0 ? '' : 'alert-';
  // Colour, title and icon are set only when they change (a run follows every burst of captures, and
  // setIcon decodes three PNGs each time); the text is checked against the badge, which captures share.
  const look = `${n === 0 ? '' : color}|${n}|${icon}`;
  if (n === 0) {
    if (painted && current === painted) await browser.action.setBadgeText({ text: '' });
    painted = '';
  } else {
    // The capture badge (badge.ts) sets its own text and colour: both are ours again when it did.
    if (current !== text) await browser.action.setBadgeText({ text });
    if (current !== text || look !== paintedLook) await browser.action.setBadgeBackgroundColor({ color });
    painted = text;
  }
  if (look === paintedLook) return n;
  await browser.action.setTitle({ title: n === 0 ? '口碑助手' : `口碑助手 · ${n} 条预警` });
  // (A browser without setIcon, or a test double that throws, keeps the badge; the icon is extra.)
  await (async () =>
    browser.action.setIcon?.({
      path: { 16: `/icon/${icon}16.png`, 32: `/icon/${icon}32.png`, 48: `/icon/${icon}48.png` },
    }))().catch(() => undefined);
  paintedLook = look;
  return n;
}
