/**
 * What a robot's answer means (docs/team.md lists the codes and where each comes from): delivered, retry
 * later (5xx, timeouts, rate limits — with the platform's own wait where it gives one), or a permanent
 * failure that must not be retried (bad signature, revoked webhook, keyword/IP rules, a malformed body)
 * — with the platform's own text and what the merchant should do, in Chinese.
 */
import type { DeliveryError, RobotPlatform } from './types';

export type Outcome =
  | { kind: 'ok' }
  | { kind: 'retry'; reason: string; afterMs?: number }
  | {
      kind: 'fail';
      error: DeliveryError;
      /** The target itself is unusable until re-saved. */ blocksTarget: boolean;
    };

export interface RawResponse {
  status: number;
  body: string;
  headers: { get(name: string): string | null };
}

const TEN_MIN = 10 * 60_000;
const clip = (s: string) => (s.length > 300 ? s.slice(0, 300) + '…' : s);

const SIGN_HINT =
  '签名校验失败：请到机器人“安全设置”复制最新的密钥，在 设置 → 团队协作 里重新保存；若密钥无误，请校准电脑时间（与标准时间相差不能超过 1 小时）。';
const REVOKED_HINT =
  'Webhook 已失效（机器人被移除或地址被重置）：请在群里重新添加机器人，把新的 Webhook 地址保存到 设置 → 团队协作。';
const KEYWORD_HINT =
  '消息不含机器人设置的“自定义关键词”：请在机器人安全设置里加入关键词“口碑助手”（每条消息都带这几个字），或改用签名校验。';
const IP_HINT = '本机的出口 IP 不在机器人的 IP 白名单里：请删除 IP 白名单，改用签名校验。';
const BODY_HINT = '平台拒绝了消息格式或大小：请把错误原文反馈给我们；其他消息不受影响。';

const fail = (code: string, text: string, hint: string, blocksTarget: boolean): Outcome => ({
  kind: 'fail',
  error: { code, platformText: clip(text), hint },
  blocksTarget,
});

/** Seconds header (Retry-After / 飞书 x-ogw-ratelimit-reset) → ms. */
function waitHeader(r: RawResponse): number | undefined {
  for (const h of ['retry-after', 'x-ogw-ratelimit-reset']) {
    const v = Number(r.headers.get(h));
    if (Number.isFinite(v) && v > 0) return Math.min(v, 3600) * 1000;
  }
  return undefined;
}

function parse(body: string): { code?: number; msg: string } {
  try {
    const j = JSON.parse(body) as Record<string, unknown>;
    const code = j.code ?? j.errcode ?? j.StatusCode;
    const msg = j.msg ?? j.errmsg ?? j.StatusMessage ?? '';
    return { ...(typeof code === 'number' ? { code } : {}), msg: String(msg) };
  } catch {
    return { msg: body };
  }
}

function byCode(platform: RobotPlatform, code: number, msg: string): Outcome {
  const c = String(code);
  const text = `${code} ${msg}`.trim();
  switch (platform) {
    case 'feishu':
      if (code === 19021) return fail(c, text, SIGN_HINT, true);
      if (code === 19001) return fail(c, text, REVOKED_HINT, true);
      if (code === 19024) return fail(c, text, KEYWORD_HINT, true);
      if (code === 19022) return fail(c, text, IP_HINT, true);
      if (code === 11232 || code === 99991400) return { kind: 'retry', reason: `飞书限流 ${text}` };
      if (code === 9499) return fail(c, text, BODY_HINT, false);
      break;
    case 'dingtalk':
      if (code === 130101) return { kind: 'retry', reason: `钉钉限流 ${text}`, afterMs: TEN_MIN };
      if (code === 300001 || code === 400102) return fail(c, text, REVOKED_HINT, true);
      if (code === 310000) {
        if (/sign|timestamp/i.test(msg)) return fail(c, text, SIGN_HINT, true);
        if (/keyword/i.test(msg)) return fail(c, text, KEYWORD_HINT, true);
        if (/ip/i.test(msg)) return fail(c, text, IP_HINT, true);
        return fail(c, text, SIGN_HINT, true);
      }
      if (code === -1) return { kind: 'retry', reason: `钉钉繁忙 ${text}` };
      break;
    case 'wecom':
      if (code === 45009) return { kind: 'retry', reason: `企业微信限流 ${text}`, afterMs: 60_000 };
      if (code === 93000) return fail(c, text, REVOKED_HINT, true);
      if (code === -1) return { kind: 'retry', reason: `企业微信繁忙 ${text}` };
      break;
  }
  return fail(c, text, `平台返回错误（${c}）：请按错误原文检查机器人设置；如无法解决请反馈给我们。`, false);
}

/** Classifies one HTTP answer. */
export function classify(platform: RobotPlatform, r: RawResponse): Outcome {
  const { code, msg } = parse(r.body);
  if (r.status === 429) return { kind: 'retry', reason: `HTTP 429 ${clip(msg)}`, ...opt(waitHeader(r)) };
  if (code !== undefined && code !== 0) return byCode(platform, code, msg);
  if (r.status >= 500 || r.status === 408) return { kind: 'retry', reason: `HTTP ${r.status}` };
  if (r.status >= 400) {
    if (r.status === 404 || r.status === 401 || r.status === 403)
      return fail(String(r.status), `HTTP ${r.status} ${clip(msg)}`, REVOKED_HINT, true);
    return fail(String(r.status), `HTTP ${r.status} ${clip(msg)}`, BODY_HINT, false);
  }
  if (r.status >= 200 && r.status < 300 && code === 0) return { kind: 'ok' };
  // 2xx without a code: not a robot's answer (a captive portal, a proxy page) — try again later.
  return { kind: 'retry', reason: `HTTP ${r.status}：无法识别的响应` };
}

const opt = (afterMs: number | undefined) => (afterMs === undefined ? {} : { afterMs });

/** A network error or timeout (offline, DNS, reset): always worth retrying. */
export const networkOutcome = (e: unknown): Outcome => ({
  kind: 'retry',
  reason: e instanceof Error && e.name === 'TimeoutError' ? '请求超时' : '网络错误（可能离线）',
});
