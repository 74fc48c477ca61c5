/**
 * A local stand-in for the three robot platforms and the 飞书 open platform, for tests only (Node http on
 * 127.0.0.1, random port). It implements each documented contract (docs/team.md): signature checks with
 * the one-hour timestamp window, message schema and size limits, error codes, per-robot rate limits —
 * plus fault modes (5xx bursts, slow answers, HTTP 429). Everything it accepted is in `received`.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { RobotPlatform } from '../types';

export interface MockRobot {
  platform: RobotPlatform;
  /** 飞书 hook id / 钉钉 access_token / 企业微信 key. */
  token: string;
  /** The secret the robot expects (飞书 签名校验, 钉钉 加签); empty = unsigned. */
  secret?: string;
}

export interface Received {
  platform: RobotPlatform;
  token: string;
  body: Record<string, unknown>;
  /** The footer id of the message (TeamMessage.ref), to count duplicates. */
  ref?: string;
  at: number;
}

export interface Faults {
  /** The next n robot requests answer 503. */
  fail5xx?: number;
  /** The next n robot requests answer HTTP 429. */
  http429?: number;
  /** Every answer waits this long. */
  slowMs?: number;
}

const HOUR = 3_600_000;
const enc = new TextEncoder();

function readBody(req: IncomingMessage, max = 2_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let n = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      n += c.length;
      if (n > max) req.destroy(new Error('too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const hmac = (key: string, msg: string) => createHmac('sha256', key).update(msg).digest('base64');
const refOf = (s: string) => s.match(/编号 ([\w-]+)/)?.[1];

export class MockPlatforms {
  readonly received: Received[] = [];
  /** Every robot request, accepted or not. */
  requests = 0;
  faults: Faults = {};
  private server: Server | undefined;
  private sends = new Map<string, number[]>();
  port = 0;

  constructor(
    private robots: MockRobot[],
    /** The platform's clock (signature window, rate limits): the test's injected clock. */
    private clock: () => number = Date.now,
    /**
     * Answer with permissive CORS headers (e2e only: headless Chromium cannot accept the optional host
     * permission prompt, so the extension reaches the mock as a CORS request instead; docs/team.md).
     */
    private cors = false,
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  webhook(r: MockRobot): string {
    if (r.platform === 'feishu') return `${this.origin}/open-apis/bot/v2/hook/${r.token}`;
    if (r.platform === 'dingtalk') return `${this.origin}/robot/send?access_token=${r.token}`;
    return `${this.origin}/cgi-bin/webhook/send?key=${r.token}`;
  }

  /** Forgets what was received, the request count, faults and rate-limit history (between tests). */
  reset(): void {
    this.received.length = 0;
    this.requests = 0;
    this.faults = {};
    this.sends.clear();
  }

  setRobot(r: MockRobot): void {
    this.robots = [...this.robots.filter((x) => x.token !== r.token), r];
  }

  /** Listens on `port` (0 = a random one; a stopped mock restarts on its old port to come "back online"). */
  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ok) => this.server!.listen(port, '127.0.0.1', ok));
    const a = this.server.address();
    this.port = typeof a === 'object' && a ? a.port : 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  /** Allows one more send per rate window, or says no (and remembers the send either way, like a platform). */
  private allow(token: string, windows: { ms: number; max: number }[]): boolean {
    const t = this.clock();
    const list = (this.sends.get(token) ?? []).filter((x) => x > t - 60_000);
    const ok = windows.every((w) => list.filter((x) => x > t - w.ms).length < w.max);
    if (ok) list.push(t);
    this.sends.set(token, list);
    return ok;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.origin);
    if (this.cors) {
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('access-control-allow-headers', 'content-type');
      res.setHeader('access-control-allow-methods', 'POST');
      if (req.method === 'OPTIONS') return void res.end();
    }
    const raw = await readBody(req).catch(() => '');
    if (this.faults.slowMs) await new Promise((r) => setTimeout(r, this.faults.slowMs));
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    this.requests++;
    if (this.faults.fail5xx && this.faults.fail5xx > 0) {
      this.faults.fail5xx--;
      res.writeHead(503, { 'content-type': 'text/html' });
      return res.end('<html>503 Service Temporarily Unavailable</html>');
    }
    if (this.faults.http429 && this.faults.http429 > 0) {
      this.faults.http429--;
      return json(
        429,
        { code: 99991400, msg: 'request trigger frequency limit' },
        { 'x-ogw-ratelimit-reset': '2' },
      );
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return json(400, { code: 9499, msg: 'Bad Request', data: {} });
    }
    const m = url.pathname.match(/^\/open-apis\/bot\/v2\/hook\/([^/]+)$/);
    if (m) return json(200, this.feishu(m[1]!, body, raw));
    if (url.pathname === '/robot/send') return json(200, this.dingtalk(url, body));
    if (url.pathname === '/cgi-bin/webhook/send') return json(200, this.wecom(url, body));
    res.writeHead(404).end('not found');
  }

  private robot(platform: RobotPlatform, token: string | null) {
    return this.robots.find((r) => r.platform === platform && r.token === token);
  }

  private accept(platform: RobotPlatform, token: string, body: Record<string, unknown>) {
    this.received.push({ platform, token, body, ref: refOf(JSON.stringify(body)), at: this.clock() });
  }

  private feishu(token: string, body: Record<string, unknown>, raw: string) {
    const r = this.robot('feishu', token);
    if (!r) return { code: 19001, msg: 'param invalid: incoming webhook access token invalid', data: {} };
    if (r.secret) {
      const ts = Number(body.timestamp);
      if (!ts || Math.abs(this.clock() - ts * 1000) > HOUR || body.sign !== hmac(`${ts}\n${r.secret}`, ''))
        return {
          code: 19021,
          msg: 'sign match fail or timestamp is not within one hour from current time',
          data: {},
        };
    }
    if (enc.encode(raw).length > 20 * 1024) return { code: 9499, msg: 'Bad Request', data: {} };
    const type = body.msg_type;
    const ok =
      (type === 'text' && typeof (body.content as { text?: unknown })?.text === 'string') ||
      (type === 'interactive' && typeof body.card === 'object' && body.card !== null);
    if (!ok) return { code: 9499, msg: 'Bad Request', data: {} };
    if (
      !this.allow(token, [
        { ms: 60_000, max: 100 },
        { ms: 1000, max: 5 },
      ])
    )
      return { code: 11232, msg: 'frequency limited psm[lark.oapi.app_platform_runtime]appID[1]', data: {} };
    this.accept('feishu', token, body);
    return { code: 0, msg: 'success', data: {} };
  }

  private dingtalk(url: URL, body: Record<string, unknown>) {
    const token = url.searchParams.get('access_token');
    const r = this.robot('dingtalk', token);
    if (!r) return { errcode: 300001, errmsg: 'token is not exist' };
    if (r.secret) {
      const ts = Number(url.searchParams.get('timestamp'));
      const sign = url.searchParams.get('sign');
      if (!ts || Math.abs(this.clock() - ts) > HOUR || sign !== hmac(r.secret, `${ts}\n${r.secret}`))
        return {
          errcode: 310000,
          errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]',
        };
    }
    const md = body.markdown as { title?: unknown; text?: unknown } | undefined;
    const card = body.actionCard as Record<string, unknown> | undefined;
    const ok =
      (body.msgtype === 'markdown' && typeof md?.title === 'string' && typeof md.text === 'string') ||
      // ActionCard 整体跳转: title, text and one button (singleTitle + singleURL).
      (body.msgtype === 'actionCard' &&
        typeof card?.title === 'string' &&
        typeof card.text === 'string' &&
        typeof card.singleTitle === 'string' &&
        typeof card.singleURL === 'string') ||
      (body.msgtype === 'text' && typeof (body.text as { content?: unknown })?.content === 'string');
    if (!ok) return { errcode: 40035, errmsg: '缺少参数 json' };
    if (!this.allow(token!, [{ ms: 60_000, max: 20 }]))
      return { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' };
    this.accept('dingtalk', token!, body);
    return { errcode: 0, errmsg: 'ok' };
  }

  private wecom(url: URL, body: Record<string, unknown>) {
    const key = url.searchParams.get('key');
    if (!this.robot('wecom', key)) return { errcode: 93000, errmsg: 'invalid webhook url, hint: [1]' };
    const content = (body.markdown as { content?: unknown } | undefined)?.content;
    if (body.msgtype !== 'markdown' || typeof content !== 'string')
      return { errcode: 40008, errmsg: 'invalid message type' };
    if (enc.encode(content).length > 4096)
      return { errcode: 40058, errmsg: 'markdown.content exceed max length 4096' };
    if (!this.allow(key!, [{ ms: 60_000, max: 20 }]))
      return { errcode: 45009, errmsg: 'api freq out of limit' };
    this.accept('wecom', key!, body);
    return { errcode: 0, errmsg: 'ok' };
  }
}
