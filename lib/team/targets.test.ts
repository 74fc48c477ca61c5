import { describe, expect, it } from 'vitest';
import { isOfficialHost, redactText, redactUrl, targetProblems, webhookOriginPattern } from './targets';
import type { Target } from './types';

const t = (platform: Target['platform'], webhook: string, secret = ''): Target => ({
  ...{ id: 'x', storeKey: 's', platform, name: '群', webhook, secret, enabled: true },
});

describe('targets', () => {
  it.each([
    ['https://open.feishu.cn/open-apis/bot/v2/hook/abc', 'https://open.feishu.cn/*'],
    ['http://127.0.0.1:8123/feishu/hook/abc', 'http://127.0.0.1/*'],
    ['http://example.com/hook', undefined],
    ['https://user:pw@open.feishu.cn/x', undefined],
    ['not a url', undefined],
  ])('origin pattern of %s', (url, want) => expect(webhookOriginPattern(url)).toBe(want));

  it('checks each platform’s webhook shape', () => {
    expect(targetProblems(t('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'))).toEqual({
      block: [],
      warn: [],
    });
    expect(targetProblems(t('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send')).block[0]).toMatch(
      /key/,
    );
    const dd = targetProblems(t('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=a', 'abc'));
    expect(dd.warn[0]).toMatch(/SEC/);
    expect(targetProblems(t('feishu', 'ftp://x')).block[0]).toMatch(/无效/);
    expect(targetProblems(t('feishu', 'http://127.0.0.1:9/open-apis/bot/v2/hook/a')).warn[0]).toMatch(
      /官方域名/,
    );
    expect(isOfficialHost(t('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/a'))).toBe(true);
    expect(isOfficialHost(t('feishu', 'http://127.0.0.1:9/feishu/hook/a'))).toBe(false);
  });

  it('redacts tokens, keys and secrets', () => {
    expect(redactUrl('https://open.feishu.cn/open-apis/bot/v2/hook/abcdef')).toBe(
      'https://open.feishu.cn/open-apis/bot/v2/hook/***',
    );
    expect(redactUrl('https://oapi.dingtalk.com/robot/send?access_token=tok123&timestamp=1&sign=s%2B')).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=***&timestamp=***&sign=***',
    );
    const target = t('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=tok123', 'SECsecret99');
    const line = redactText(
      'POST https://oapi.dingtalk.com/robot/send?access_token=tok123 with SECsecret99',
      [target],
    );
    expect(line).not.toContain('tok123');
    expect(line).not.toContain('SECsecret99');
  });
});
