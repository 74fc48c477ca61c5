import { describe, expect, it } from 'vitest';
import { classify, networkOutcome } from './classify';
import type { RobotPlatform } from './types';

const res = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  headers: { get: (n: string) => headers[n.toLowerCase()] ?? null },
});

describe('classify', () => {
  it.each<[RobotPlatform, number, unknown]>([
    ['feishu', 200, { code: 0, msg: 'success', data: {} }],
    ['dingtalk', 200, { errcode: 0, errmsg: 'ok' }],
    ['wecom', 200, { errcode: 0, errmsg: 'ok' }],
  ])('%s success', (p, s, b) => expect(classify(p, res(s, b)).kind).toBe('ok'));

  it.each<[RobotPlatform, unknown, RegExp]>([
    [
      'feishu',
      { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' },
      /签名/,
    ],
    ['feishu', { code: 19024, msg: 'Key Words Not Found' }, /关键词/],
    [
      'feishu',
      { code: 19001, msg: 'param invalid: incoming webhook access token invalid' },
      /Webhook 已失效/,
    ],
    ['dingtalk', { errcode: 310000, errmsg: 'sign not match, more: [...]' }, /签名/],
    ['dingtalk', { errcode: 310000, errmsg: 'keywords not in content' }, /关键词/],
    ['dingtalk', { errcode: 300001, errmsg: 'token is not exist' }, /Webhook 已失效/],
    ['wecom', { errcode: 93000, errmsg: 'invalid webhook url, hint: [...]' }, /Webhook 已失效/],
  ])('%s permanent failure %j: platform text kept, Chinese hint, target blocked', (p, b, hint) => {
    const o = classify(p, res(200, b));
    expect(o.kind).toBe('fail');
    if (o.kind !== 'fail') return;
    expect(o.blocksTarget).toBe(true);
    expect(o.error.hint).toMatch(hint);
    const platformMsg = (b as { msg?: string; errmsg?: string }).msg ?? (b as { errmsg: string }).errmsg;
    expect(o.error.platformText).toContain(platformMsg);
  });

  it('rate limits retry, with the platform wait where it says one', () => {
    expect(classify('dingtalk', res(200, { errcode: 130101, errmsg: 'send too fast' }))).toMatchObject({
      kind: 'retry',
      afterMs: 600_000,
    });
    expect(classify('wecom', res(200, { errcode: 45009, errmsg: 'api freq out of limit' }))).toMatchObject({
      kind: 'retry',
      afterMs: 60_000,
    });
    expect(
      classify(
        'feishu',
        res(
          429,
          { code: 99991400, msg: 'request trigger frequency limit' },
          { 'x-ogw-ratelimit-reset': '52' },
        ),
      ),
    ).toMatchObject({ kind: 'retry', afterMs: 52_000 });
    expect(classify('feishu', res(200, { code: 11232, msg: 'frequency limited' })).kind).toBe('retry');
  });

  it('5xx, 408, unrecognised 2xx and network errors retry; 404 blocks; other 4xx fail once', () => {
    expect(classify('wecom', res(502, '<html>bad gateway</html>')).kind).toBe('retry');
    expect(classify('wecom', res(408, '')).kind).toBe('retry');
    expect(classify('wecom', res(200, '<html>portal</html>')).kind).toBe('retry');
    expect(networkOutcome(new TypeError('Failed to fetch')).kind).toBe('retry');
    expect(classify('feishu', res(404, 'not found'))).toMatchObject({ kind: 'fail', blocksTarget: true });
    expect(classify('feishu', res(400, { code: 9499, msg: 'Bad Request' }))).toMatchObject({
      kind: 'fail',
      blocksTarget: false,
    });
  });
});
