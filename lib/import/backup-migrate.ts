/**
 * Backup format versions and the migrations between them. Each migration takes the document of version
 * n and returns version n+1; `migrateBackup` chains them up to the current version. Row-level validation
 * happens afterwards (lib/import/restore.ts), so a migration only reshapes.
 *
 * - v0: the pre-release prototype's layout: `{ format, version: 0, exportedAt: ISO string, data: {
 *   stores, reviews, orders, scores } }`; reviews carried `rating`/`content`/`reply` and a single
 *   `savedAt`; stores `seenAt`; no `source` anywhere.
 * - v1: lib/export/backup.ts (top-level tables, `schemaVersion`, ms times, `counts`).
 */
import { BACKUP_FORMAT, BACKUP_SCHEMA_VERSION } from '../export/backup';

/** A backup that cannot be read; the message is Chinese and shown as is. */
export class BackupFormatError extends Error {}

export interface BackupDocV1 {
  format: string;
  schemaVersion: number;
  exportedAt?: number;
  app?: string;
  counts?: Record<string, number>;
  stores?: unknown[];
  reviews?: unknown[];
  orders?: unknown[];
  officialScores?: unknown[];
  /** The merchant's tag corrections (issue #11); absent in older backups. */
  textCorrections?: unknown[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

function v0ToV1(doc: Obj): BackupDocV1 {
  const data = isObj(doc.data) ? doc.data : {};
  const exportedAt = typeof doc.exportedAt === 'string' ? Date.parse(doc.exportedAt) : undefined;
  return {
    format: BACKUP_FORMAT,
    schemaVersion: 1,
    exportedAt: Number.isFinite(exportedAt) ? exportedAt : undefined,
    app: typeof doc.app === 'string' ? doc.app : undefined,
    stores: list(data.stores).map(({ seenAt, ...s }) => ({ ...s, firstSeen: seenAt, lastSeen: seenAt })),
    reviews: list(data.reviews).map(({ rating, content, reply, savedAt, ...r }) => ({
      ...r,
      star: rating,
      text: content ?? '',
      replyText: reply || undefined,
      replied: Boolean(reply),
      appends: r.appends ?? [],
      images: r.images ?? 0,
      videos: r.videos ?? 0,
      source: 'backup',
      capturedAt: savedAt,
      updatedAt: savedAt,
    })),
    orders: list(data.orders).map(({ savedAt, ...o }) => ({
      ...o,
      items: o.items ?? [],
      source: 'backup',
      capturedAt: savedAt,
      updatedAt: savedAt,
    })),
    officialScores: list(data.scores).map(({ savedAt, ...s }) => ({ ...s, capturedAt: savedAt })),
  };
}

/** index n: migrates version n → n+1. */
const MIGRATIONS: ((doc: Obj) => BackupDocV1)[] = [v0ToV1];

/** Brings any known version up to the current one; throws a Chinese message for anything else. */
export function migrateBackup(doc: unknown): { doc: BackupDocV1; fromVersion: number } {
  if (!isObj(doc) || doc.format !== BACKUP_FORMAT)
    throw new BackupFormatError('不是口碑助手的备份文件（缺少 format: "koubei-backup"）');
  const v = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : doc.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
    throw new BackupFormatError('备份文件缺少版本号');
  if (v > BACKUP_SCHEMA_VERSION)
    throw new BackupFormatError(`备份来自更新版本的口碑助手（格式 v${v}），请先升级扩展`);
  let cur: Obj = doc;
  for (let i = v; i < BACKUP_SCHEMA_VERSION; i++) cur = MIGRATIONS[i]!(cur) as unknown as Obj;
  return { doc: cur as unknown as BackupDocV1, fromVersion: v };
}
