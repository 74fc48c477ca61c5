/**
 * Preferences live in WXT storage items (chrome.storage), records in Dexie. Each item documents its
 * shape; bump `version` with a migration when a shape changes.
 */
import { storage } from 'wxt/utils/storage';
import type { AlertSettings, Snooze } from './scoring/alert-types';
import type { ProfileOverrides } from './scoring/profiles';

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
