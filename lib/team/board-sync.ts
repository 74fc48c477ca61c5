/**
 * One board sync (issue #14): every store's daily snapshots, 差评 and alerts from Dexie into the three
 * 多维表格 tables, idempotently (lib/team/bitable.ts). Run from options → 团队协作 → 立即同步 and after
 * the daily digest.
 */
import type { KoubeiDb } from '../db';
import { FeishuApi, upsertTable, type UpsertResult } from './bitable';
import {
  ALERT_FIELDS,
  KEY_FIELD,
  REVIEW_FIELDS,
  alertRow,
  reviewRow,
  snapshotFields,
  snapshotRow,
} from './board';
import type { BoardSettings } from './types';

export interface BoardResult {
  snapshots?: UpsertResult;
  reviews?: UpsertResult;
  alerts?: UpsertResult;
}

/** Problems with the board settings, in Chinese; empty = ready. */
export function boardProblems(s: BoardSettings): string[] {
  const out: string[] = [];
  if (!s.appId.trim() || !s.appSecret.trim()) out.push('请填写飞书应用的 App ID 和 App Secret');
  if (!s.appToken.trim()) out.push('请填写多维表格的 app_token（多维表格地址 /base/ 后面的一段）');
  if (!s.tables.snapshots && !s.tables.reviews && !s.tables.alerts)
    out.push('请至少填写一个数据表 ID（tbl 开头）');
  return out;
}

export async function syncBoard(
  db: KoubeiDb,
  s: BoardSettings,
  deps: { fetchFn: typeof fetch; now: () => number; baseUrl?: string },
): Promise<BoardResult> {
  const api = new FeishuApi({ appId: s.appId.trim(), appSecret: s.appSecret.trim(), ...deps });
  const stores = await db.stores.toArray();
  const name = new Map(stores.map((x) => [x.key, x.name ?? x.key]));
  const label = (k: string) => name.get(k) ?? k;
  const out: BoardResult = {};
  const app = s.appToken.trim();
  if (s.tables.snapshots) {
    const snaps = await db.scoreSnapshots.toArray();
    out.snapshots = await upsertTable(
      api,
      app,
      s.tables.snapshots.trim(),
      KEY_FIELD,
      snapshotFields(snaps),
      snaps.map((x) => snapshotRow(x, label(x.storeKey))),
    );
  }
  if (s.tables.reviews) {
    const rows = [];
    for (const st of stores) {
      const bad = await db.reviews
        .where('[storeKey+polarity+createdAt]')
        .between([st.key, 'bad', -Infinity], [st.key, 'bad', Infinity])
        .toArray();
      rows.push(...bad.map((r) => reviewRow(r, label(st.key))));
    }
    out.reviews = await upsertTable(api, app, s.tables.reviews.trim(), KEY_FIELD, REVIEW_FIELDS, rows);
  }
  if (s.tables.alerts) {
    const alerts = await db.alerts.toArray();
    out.alerts = await upsertTable(
      api,
      app,
      s.tables.alerts.trim(),
      KEY_FIELD,
      ALERT_FIELDS,
      alerts.map((a) => alertRow(a, label(a.storeKey))),
    );
  }
  return out;
}
