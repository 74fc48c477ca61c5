import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LIMITS, buildRequest, truncateBytes, utf8Bytes } from './builders';
import type { Target, TeamMessage } from './types';

const NOW = Date.UTC(2026, 10, 22, 2, 30);
const target = (platform: Target['platform'], webhook: string, secret = ''): Target => ({
  ...{ id: 't1', storeKey: 'douyin:1', platform, name: '客服群', webhook, secret, enabled: true },
});
const msg = (lines: string[]): TeamMessage => ({
  ...{ kind: 'alert', level: 'critical', title: '口碑分下降 0.12', lines, ref: 'a1b2c3' },
});

describe('truncateBytes', () => {
  it.each([
    ['短文本', 100, '短文本'],
    ['物流慢物流慢', 10, '物流…'],
  ])('%s within %i bytes', (s, max, want) => {
    expect(truncateBytes(s, max)).toBe(want);
    expect(utf8Bytes(truncateBytes(s, max))).toBeLessThanOrEqual(max);
  });
});

describe('buildRequest', () => {
  it('飞书: interactive card, timestamp (s) and sign in the body when a secret is set', async () => {
    const r = await buildRequest(
      target('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/abc', 'sec'),
      msg(['**物流** 14 条差评']),
      NOW,
    );
    const body = JSON.parse(r.body);
    expect(r.url).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/abc');
    expect(body.msg_type).toBe('interactive');
    expect(body.card.header.template).toBe('red');
    expect(body.timestamp).toBe(String(Math.floor(NOW / 1000)));
    expect(body.sign).toBe(createHmac('sha256', `${body.timestamp}\nsec`).update('').digest('base64'));
    expect(body.card.elements[0].text.content).toContain('14 条差评');
  });

  it('飞书 without a secret sends no timestamp/sign', async () => {
    const r = await buildRequest(
      target('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/x'),
      msg(['a']),
      NOW,
    );
    expect(JSON.parse(r.body)).not.toHaveProperty('sign');
  });

  it('飞书: a huge message is cut to fit the 20 KB body', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `第 ${i} 条：物流太慢了，包装破损`);
    const r = await buildRequest(
      target('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/x', 's'),
      msg(lines),
      NOW,
    );
    expect(utf8Bytes(r.body)).toBeLessThanOrEqual(LIMITS.feishuBodyBytes);
    expect(r.body).toContain('已截断');
  });

  it('钉钉: timestamp (ms) and URL-encoded sign in the query, markdown body', async () => {
    const r = await buildRequest(
      target('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=tok', 'SECx'),
      msg(['一行']),
      NOW,
    );
    const url = new URL(r.url);
    expect(url.searchParams.get('access_token')).toBe('tok');
    expect(url.searchParams.get('timestamp')).toBe(String(NOW));
    const expected = createHmac('sha256', 'SECx').update(`${NOW}\nSECx`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected);
    expect(r.url).toContain(`sign=${encodeURIComponent(expected)}`);
    const body = JSON.parse(r.body);
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toBe('口碑分下降 0.12');
    expect(body.markdown.text).toContain('编号 a1b2c3');
  });

  it('a message that links a console page: 钉钉 ActionCard, 飞书 button, 企业微信 markdown link', async () => {
    const m: TeamMessage = {
      ...msg(['3 条差评待回复']),
      link: { title: '打开评价管理', url: 'https://fxg.jinritemai.com/ffa/maftersale/comment' },
    };
    const ding = JSON.parse(
      (await buildRequest(target('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=t'), m, NOW))
        .body,
    );
    expect(ding).toEqual({
      msgtype: 'actionCard',
      actionCard: {
        title: '口碑分下降 0.12',
        text: expect.stringContaining('3 条差评待回复'),
        btnOrientation: '0',
        singleTitle: '打开评价管理',
        singleURL: 'https://fxg.jinritemai.com/ffa/maftersale/comment',
      },
    });
    expect(ding.actionCard.text).toContain('编号 a1b2c3');
    const fs = JSON.parse(
      (await buildRequest(target('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/x'), m, NOW)).body,
    );
    expect(fs.card.elements[1]).toEqual({
      tag: 'action',
      actions: [
        {
          tag: 'button',
          text: { tag: 'plain_text', content: '打开评价管理' },
          type: 'primary',
          url: 'https://fxg.jinritemai.com/ffa/maftersale/comment',
        },
      ],
    });
    const long: TeamMessage = { ...m, lines: Array.from({ length: 800 }, () => '差评：发货太慢') };
    const wc = JSON.parse(
      (
        await buildRequest(
          target('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'),
          long,
          NOW,
        )
      ).body,
    );
    // The link survives the cut, within the 4096-byte content limit.
    expect(
      wc.markdown.content.endsWith('[打开评价管理](https://fxg.jinritemai.com/ffa/maftersale/comment)'),
    ).toBe(true);
    expect(utf8Bytes(wc.markdown.content)).toBeLessThanOrEqual(LIMITS.wecomMarkdownBytes);
    // Without a link, 钉钉 stays markdown.
    const plain = JSON.parse(
      (
        await buildRequest(
          target('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=t'),
          msg(['a']),
          NOW,
        )
      ).body,
    );
    expect(plain.msgtype).toBe('markdown');
  });

  it('企业微信: markdown content within 4096 bytes, footer kept', async () => {
    const lines = Array.from({ length: 800 }, () => '差评：发货太慢');
    const r = await buildRequest(
      target('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'),
      msg(lines),
      NOW,
    );
    const content = JSON.parse(r.body).markdown.content as string;
    expect(utf8Bytes(content)).toBeLessThanOrEqual(LIMITS.wecomMarkdownBytes);
    expect(content.endsWith('编号 a1b2c3')).toBe(true);
  });
});
