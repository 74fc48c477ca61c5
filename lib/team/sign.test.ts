import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dingtalkSign, feishuSign, hmacSha256Base64 } from './sign';

// Expected values come from Node's own crypto (an independent implementation), not from the code under test.
const nodeHmac = (key: string, msg: string) => createHmac('sha256', key).update(msg).digest('base64');

describe('signatures (Web Crypto)', () => {
  it('HMAC-SHA256 base64 equals Node crypto, with Chinese text', async () => {
    expect(await hmacSha256Base64('密钥 key', '口碑助手\n测试')).toBe(nodeHmac('密钥 key', '口碑助手\n测试'));
  });

  it('飞书: key = timestamp + "\\n" + secret, empty message', async () => {
    const ts = 1_599_360_473;
    const secret = 'fs-secret-1';
    expect(await feishuSign(ts, secret)).toBe(nodeHmac(`${ts}\n${secret}`, ''));
    // Not the 钉钉 construction: the two are easy to confuse (docs/team.md).
    expect(await feishuSign(ts, secret)).not.toBe(nodeHmac(secret, `${ts}\n${secret}`));
  });

  it('钉钉: keyed by secret over timestamp + "\\n" + secret (milliseconds)', async () => {
    const ts = 1_764_892_800_000;
    const secret = 'SECabc123';
    expect(await dingtalkSign(ts, secret)).toBe(nodeHmac(secret, `${ts}\n${secret}`));
  });
});
