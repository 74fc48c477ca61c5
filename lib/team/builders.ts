/**
 * Per-platform request bodies for a `TeamMessage`, within each platform's documented size limit
 * (docs/team.md): 飞书 interactive card (request body ≤ 20 KB), 钉钉 markdown or ActionCard (when the
 * message links a console page), 企业微信 markdown (content
 * ≤ 4096 bytes UTF-8; text ≤ 2048). Signing is applied here so the URL and body leave together.
 */
import { dingtalkSign, feishuSign } from './sign';
import type { RobotPlatform, Target, TeamMessage } from './types';

/** Byte budgets per platform: the documented limit minus room for the JSON envelope. */
export const LIMITS = {
  /** 飞书: the whole request body must stay under 20 KB. */
  feishuBodyBytes: 20 * 1024,
  /** 企业微信 markdown.content: at most 4096 bytes. */
  wecomMarkdownBytes: 4096,
  /** 企业微信 text.content: at most 2048 bytes. */
  wecomTextBytes: 2048,
  /**
   * 钉钉: we found no authoritative byte limit for custom-robot markdown; this conservative cap is our own
   * (docs/team.md says so).
   */
  dingtalkMarkdownBytes: 4000,
} as const;

const enc = new TextEncoder();
export const utf8Bytes = (s: string): number => enc.encode(s).length;

/** Cuts `s` to at most `max` UTF-8 bytes on a character boundary, marking the cut with "…". */
export function truncateBytes(s: string, max: number): string {
  if (utf8Bytes(s) <= max) return s;
  const budget = max - utf8Bytes('…');
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = utf8Bytes(ch);
    if (used + n > budget) break;
    out += ch;
    used += n;
  }
  return out + '…';
}

const plain = (s: string) => s.replace(/\*\*/g, '');
const footer = (m: TeamMessage) => `口碑助手 · 编号 ${m.ref}`;
const WECOM_COLOR = { info: 'info', warn: 'warning', critical: 'warning' } as const;
const FEISHU_TEMPLATE = { info: 'blue', warn: 'orange', critical: 'red' } as const;

/** Markdown body shared by 钉钉 and 企业微信 (both render `**bold**` and line breaks). */
function markdownText(m: TeamMessage, maxBytes: number, title: string): string {
  const tail = `\n\n> ${footer(m)}`;
  const body = [title, '', ...m.lines].join('\n');
  return truncateBytes(body, maxBytes - utf8Bytes(tail)) + tail;
}

export interface BuiltRequest {
  url: string;
  body: string;
}

function feishuCard(m: TeamMessage, lines: string[]) {
  const button = m.link && {
    tag: 'action',
    actions: [
      { tag: 'button', text: { tag: 'plain_text', content: m.link.title }, type: 'primary', url: m.link.url },
    ],
  };
  return {
    msg_type: 'interactive',
    card: {
      config: { wide_screen_mode: true },
      header: { template: FEISHU_TEMPLATE[m.level], title: { tag: 'plain_text', content: m.title } },
      elements: [
        { tag: 'div', text: { tag: 'lark_md', content: lines.join('\n') } },
        ...(button ? [button] : []),
        { tag: 'note', elements: [{ tag: 'plain_text', content: footer(m) }] },
      ],
    },
  };
}

/** A markdown link line; brackets and parentheses that would end the link early are left out. */
const mdLink = (l: NonNullable<TeamMessage['link']>) =>
  `[${l.title.replace(/[[\]]/g, '')}](${l.url.replace(/[()\s]/g, encodeURIComponent)})`;

/** Builds the signed request for `target`. `now` is ms since epoch (the caller's clock). */
export async function buildRequest(target: Target, m: TeamMessage, now: number): Promise<BuiltRequest> {
  const secret = target.secret.trim();
  switch (target.platform) {
    case 'feishu': {
      const sig = secret ? { timestamp: String(Math.floor(now / 1000)) } : undefined;
      const signed = sig ? { ...sig, sign: await feishuSign(Number(sig.timestamp), secret) } : {};
      // Drop lines from the end until the whole body fits (a card's JSON escapes grow the text).
      let lines = [...m.lines];
      let body = JSON.stringify({ ...signed, ...feishuCard(m, lines) });
      while (utf8Bytes(body) > LIMITS.feishuBodyBytes && lines.length > 1) {
        lines = lines.slice(0, Math.max(1, Math.floor(lines.length * 0.8)));
        lines.push('…（内容过长，已截断）');
        body = JSON.stringify({ ...signed, ...feishuCard(m, lines) });
      }
      if (utf8Bytes(body) > LIMITS.feishuBodyBytes)
        body = JSON.stringify({
          ...signed,
          ...feishuCard(m, [truncateBytes(lines.join('\n'), LIMITS.feishuBodyBytes / 2)]),
        });
      return { url: target.webhook, body };
    }
    case 'dingtalk': {
      const url = new URL(target.webhook);
      if (secret) {
        url.searchParams.set('timestamp', String(now));
        // URLSearchParams URL-encodes the base64 (+, /, =) as the docs require.
        url.searchParams.set('sign', await dingtalkSign(now, secret));
      }
      const text = markdownText(m, LIMITS.dingtalkMarkdownBytes, `### ${m.title}`);
      // With a console page to act on: an ActionCard (整体跳转, one button), else markdown.
      const body = m.link
        ? {
            msgtype: 'actionCard',
            actionCard: {
              title: m.title,
              text,
              btnOrientation: '0',
              singleTitle: m.link.title,
              singleURL: m.link.url,
            },
          }
        : { msgtype: 'markdown', markdown: { title: m.title, text } };
      return { url: url.toString(), body: JSON.stringify(body) };
    }
    case 'wecom': {
      const title = `**<font color="${WECOM_COLOR[m.level]}">${m.title}</font>**`;
      const link = m.link ? `\n\n${mdLink(m.link)}` : '';
      const content = markdownText(m, LIMITS.wecomMarkdownBytes - utf8Bytes(link), title) + link;
      return { url: target.webhook, body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }) };
    }
  }
}

/** Plain-text rendering (tests, logs without secrets, platforms' text fallbacks). */
export function plainText(m: TeamMessage, platform: RobotPlatform): string {
  const max = platform === 'wecom' ? LIMITS.wecomTextBytes : LIMITS.dingtalkMarkdownBytes;
  return truncateBytes([m.title, ...m.lines.map(plain), footer(m)].join('\n'), max);
}
