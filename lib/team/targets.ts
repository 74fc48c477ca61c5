/**
 * Robot targets as the merchant enters them (options → 团队协作): validation, the optional host
 * permission pattern for a webhook's origin, and redaction for logs. Stored in chrome.storage.local
 * (`teamSettingsItem` in lib/settings.ts) — never in Dexie, so backups cannot carry the secrets.
 */
import type { RobotPlatform, Target } from './types';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Each platform's official webhook host (a different host is allowed — private deployments, proxies — but flagged). */
export const OFFICIAL_HOSTS: Record<RobotPlatform, readonly string[]> = {
  feishu: ['open.feishu.cn', 'open.larksuite.com'],
  dingtalk: ['oapi.dingtalk.com'],
  wecom: ['qyapi.weixin.qq.com'],
};

/** Parses a webhook: https anywhere, plain http only on this computer (tests, a local relay). */
export function webhookUrl(raw: string): URL | undefined {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (u.username || u.password || u.hash) return undefined;
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.has(u.hostname))) return undefined;
  return u;
}

/** `https://open.feishu.cn/*` — the one origin to request as an optional host permission. */
export function webhookOriginPattern(raw: string): string | undefined {
  const u = webhookUrl(raw);
  return u ? `${u.protocol}//${u.hostname}/*` : undefined;
}

/** Problems with a target as entered, in Chinese: `block` prevents saving, `warn` is shown. */
export function targetProblems(t: Pick<Target, 'platform' | 'webhook' | 'secret' | 'name'>): {
  block: string[];
  warn: string[];
} {
  const block: string[] = [];
  const warn: string[] = [];
  const u = webhookUrl(t.webhook);
  if (!u) return { block: ['Webhook 地址无效：需 https（本机测试可用 http://127.0.0.1）'], warn };
  if (t.platform === 'wecom' && !u.searchParams.get('key')) block.push('企业微信 Webhook 地址应包含 ?key=…');
  if (t.platform === 'dingtalk' && !u.searchParams.get('access_token'))
    block.push('钉钉 Webhook 地址应包含 ?access_token=…');
  if (t.platform === 'wecom' && t.secret.trim()) block.push('企业微信群机器人没有签名密钥，请留空');
  if (t.platform === 'dingtalk' && t.secret.trim() && !t.secret.trim().startsWith('SEC'))
    warn.push('钉钉加签密钥通常以 SEC 开头，请确认复制完整');
  if (!isOfficialHost(t))
    warn.push(`地址不是${NAMES[t.platform]}的官方域名（${OFFICIAL_HOSTS[t.platform].join(' / ')}），请确认`);
  return { block, warn };
}

const NAMES: Record<RobotPlatform, string> = { feishu: '飞书', dingtalk: '钉钉', wecom: '企业微信' };

/** Is the webhook on the platform's official host? (The options page shows a note when not.) */
export const isOfficialHost = (t: Pick<Target, 'platform' | 'webhook'>): boolean => {
  const u = webhookUrl(t.webhook);
  return !!u && OFFICIAL_HOSTS[t.platform].includes(u.hostname);
};

/**
 * A webhook safe to log or show: the token-bearing parts (飞书 hook id, `access_token`, `key`, `sign`)
 * are masked. Anything else in a log line about a target goes through this.
 */
export function redactUrl(raw: string): string {
  const u = webhookUrl(raw);
  if (!u) return '（无效地址）';
  for (const k of ['access_token', 'key', 'sign', 'timestamp'])
    if (u.searchParams.has(k)) u.searchParams.set(k, '***');
  u.pathname = u.pathname.replace(/\/hook\/[^/]+/, '/hook/***');
  return decodeURIComponent(u.toString());
}

/** Redacts every secret of `targets` that appears in `text` (error messages that echo a URL). */
export function redactText(text: string, targets: readonly Target[]): string {
  let out = text;
  for (const t of targets) {
    const u = webhookUrl(t.webhook);
    const secrets = [t.secret.trim(), u?.searchParams.get('access_token'), u?.searchParams.get('key')];
    const hook = u?.pathname.match(/\/hook\/([^/]+)/)?.[1];
    for (const s of [...secrets, hook]) if (s && s.length >= 4) out = out.split(s).join('***');
  }
  return out;
}
