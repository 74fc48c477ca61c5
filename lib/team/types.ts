/**
 * Team delivery (issue #14): the group robots a store's alerts and digests go to. Pure types shared by the
 * message builders, signers, classifier, outbox and options UI. Secrets live only in `Target` (kept in
 * chrome.storage.local, never in Dexie rows, backups or logs).
 */

/** 飞书 custom bot, 钉钉 custom robot, 企业微信 group robot. */
export type RobotPlatform = 'feishu' | 'dingtalk' | 'wecom';

export const ROBOT_NAMES: Record<RobotPlatform, string> = {
  feishu: '飞书',
  dingtalk: '钉钉',
  wecom: '企业微信',
};

/** One configured group robot of one store. */
export interface Target {
  id: string;
  storeKey: string;
  platform: RobotPlatform;
  /** The merchant's label, e.g. "客服群". */
  name: string;
  /** The full webhook URL (飞书/钉钉) — for 企业微信 the URL with `?key=`. Secret-bearing: never logged. */
  webhook: string;
  /** 飞书 签名校验 / 钉钉 加签 secret; empty when the robot uses keywords or IP allow-lists instead. */
  secret: string;
  enabled: boolean;
}

/** What a message says, platform-neutral; builders turn it into each platform's body. */
export interface TeamMessage {
  kind: 'alert' | 'digest' | 'test';
  /** info = blue, warn = orange, critical = red (cards/markdown colour where the platform has one). */
  level: 'info' | 'warn' | 'critical';
  title: string;
  /** Body lines, plain text; `**bold**` is kept on markdown platforms and stripped on text ones. */
  lines: string[];
  /** Short id shown in the footer so a rare duplicate is recognisable in the group. */
  ref: string;
  /**
   * The console page where the team acts on it (评价管理 for a 差评, the score page for a drop): a button on
   * 飞书 cards, a 钉钉 ActionCard, a markdown link on 企业微信. Always an https console page of the store's
   * platform (lib/team/messages.ts alertLink).
   */
  link?: { title: string; url: string };
}

/** A permanent delivery failure as the merchant sees it in 采集健康. */
export interface DeliveryError {
  /** The platform's own code (errcode / code / HTTP status) as text. */
  code: string;
  /** The platform's own message, verbatim (truncated). */
  platformText: string;
  /** What to do, in Chinese. */
  hint: string;
}

/** A target as stored: `rev` grows on each save (a failure that blocked an older revision no longer applies). */
export interface StoredTarget extends Target {
  rev: number;
}

/** `local:teamSettings` (lib/settings.ts): robots per store and the daily digest. Local only, never exported. */
export interface TeamSettings {
  targets: StoredTarget[];
  digest: {
    enabled: boolean;
    /** Local time "HH:MM" at which the daily digest is queued. */
    time: string;
  };
}

export const DEFAULT_TEAM_SETTINGS: TeamSettings = { targets: [], digest: { enabled: true, time: '09:00' } };

/** One message to one target, kept until delivered or failed for good (Dexie `outbox`, schema v7). */
export interface OutboxRow {
  /** Idempotency key `${targetId}|${source}`: enqueuing the same source twice is a no-op. */
  key: string;
  targetId: string;
  storeKey: string;
  platform: RobotPlatform;
  message: TeamMessage;
  /**
   * pending → sending (leased until `nextAt`) → delivered | failed; `held` = waiting for the merchant to
   * fix a target that failed permanently (bad signature, revoked webhook).
   */
  state: 'pending' | 'sending' | 'delivered' | 'failed' | 'held';
  attempts: number;
  createdAt: number;
  /** pending: due time; sending: lease expiry (a worker that died mid-send is detected by it). */
  nextAt: number;
  deliveredAt?: number;
  /** Why the last attempt is being retried (shown while pending). */
  lastReason?: string;
  lastError?: DeliveryError & { at: number };
}

/** `local:teamBoard` (lib/settings.ts): the merchant's own 飞书 app for the 多维表格 board. Local only. */
export interface BoardSettings {
  enabled: boolean;
  appId: string;
  /** Secret: never in Dexie, backups or logs. */
  appSecret: string;
  /** The base's app_token (from its URL …/base/<app_token>). */
  appToken: string;
  tables: { snapshots: string; reviews: string; alerts: string };
}
