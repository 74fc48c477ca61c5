/**
 * Preferences live in WXT storage items (chrome.storage), records in Dexie. Each item documents its
 * shape; bump `version` with a migration when a shape changes.
 */
import { storage } from 'wxt/utils/storage';
import type { AlertSettings, Snooze } from './scoring/alert-types';
import type { ProfileOverrides } from './scoring/profiles';
import type { DeadlinePrefs } from './replies/annotate';
import type { ReplySettings } from './replies/schema';
import type { BoardSettings, TeamSettings } from './team/types';

/** Records captured since the merchant last opened the popup (the badge number). */
export const unseenItem = storage.defineItem<number>('local:unseen', { fallback: 0 });

/** Whether a capture was rejected since the popup was last opened (badge turns red). */
export const unseenErrorsItem = storage.defineItem<number>('local:unseenErrors', { fallback: 0 });

/** The store the popup and side panel show; undefined = the most recently captured one. */
export const selectedStoreItem = storage.defineItem<string | null>('local:selectedStore', { fallback: null });

/** Console document → bound store key, for the current browser session (survives worker restarts). */
export const tabStoresItem = storage.defineItem<Record<string, string>>('session:tabStores', {
  fallback: {},
});

/**
 * Merchant overrides of score weights and thresholds, per profile id (options page). Stored as entered;
 * every reader validates with `ProfileOverrides` (lib/scoring/profiles.ts) and drops what fails.
 */
export const scoreOverridesItem = storage.defineItem<Record<string, ProfileOverrides>>(
  'local:scoreOverrides',
  {
    fallback: {},
    version: 1,
  },
);

/** Alert thresholds as the merchant set them (partial: `AlertSettings.parse` fills the seeds' defaults). */
export const alertSettingsItem = storage.defineItem<Partial<AlertSettings>>('local:alertSettings', {
  fallback: {},
  version: 1,
});

/** Alerts (or alert topics) the merchant silenced until a time. Expired entries are pruned on write. */
export const alertSnoozesItem = storage.defineItem<Snooze[]>('local:alertSnoozes', {
  fallback: [],
  version: 1,
});

/**
 * Reply settings (options → 回复话术): the merchant's own templates, switched-off defaults and the
 * compensation ladder. Readers validate with `ReplySettings` (lib/replies/schema.ts) and fall back to the
 * defaults when it fails.
 */
export const replySettingsItem = storage.defineItem<ReplySettings>('local:replySettings', {
  // Same as DEFAULT_REPLY_SETTINGS, written out: a value import would pull zod into every importer.
  fallback: { templates: [], disabledDefaults: [] },
  version: 1,
});

/**
 * Reply deadlines: the shop's internal response rule for 中差评 (hours, seed 4) and the platform reply
 * windows the merchant set where the platform's is unknown (days; absent = the built-in table).
 */
export const replyDeadlineItem = storage.defineItem<ReplyDeadlinePrefs>('local:replyDeadlines', {
  fallback: { internalHours: 4 },
  version: 1,
});
/** Stored shape of `replyDeadlineItem` (lib/replies/annotate.ts reads it). */
export type ReplyDeadlinePrefs = DeadlinePrefs;

/**
 * Optional model drafting (OpenAI-compatible chat completions), off by default. The key is kept in
 * `local:` storage on this computer only and sent nowhere but `baseUrl`; the host permission for
 * `baseUrl` is requested when the merchant switches it on.
 */
export const replyModelItem = storage.defineItem<ReplyModelPrefs>('local:replyModel', {
  fallback: { enabled: false, baseUrl: '', model: '', apiKey: '' },
  version: 1,
});
export interface ReplyModelPrefs {
  enabled: boolean;
  /** e.g. https://api.deepseek.com/v1 — `/chat/completions` is appended. */
  baseUrl: string;
  model: string;
  apiKey: string;
}

// --- Team delivery (issue #14, docs/team.md) ---
/**
 * Group robots per store and the daily digest time. Webhooks and secrets stay in chrome.storage.local on
 * this computer: Dexie never holds them, so no backup or export can carry them; logs redact them.
 */
export const teamSettingsItem = storage.defineItem<TeamSettings>('local:teamSettings', {
  // Same as DEFAULT_TEAM_SETTINGS (lib/team/types.ts), written out to keep this file free of value imports.
  fallback: { targets: [], digest: { enabled: true, time: '09:00' } },
  version: 1,
});

/** The 飞书多维表格 board (issue #14): app id/secret (local only, never exported), base and table ids. */
export const boardSettingsItem = storage.defineItem<BoardSettings>('local:teamBoard', {
  fallback: {
    enabled: false,
    appId: '',
    appSecret: '',
    appToken: '',
    tables: { snapshots: '', reviews: '', alerts: '' },
  },
  version: 1,
});
