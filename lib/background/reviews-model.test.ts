import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LADDER } from '../replies/compensation';
import { DEFAULT_TEMPLATES } from '../replies/templates';
import type { ReplyModelPrefs } from '../settings';
import { chatCompletionsUrl, modelDraft, originPattern } from './reviews-model';
import { review } from './reviews-testing';

const PREFS: ReplyModelPrefs = {
  enabled: true,
  baseUrl: 'https://llm.example.cn/v1',
  model: 'qwen-plus',
  apiKey: 'sk-test',
};
const completion = (content: string) =>
  new Response(JSON.stringify({ choices: [{ message: { content } }] }), {
    headers: { 'content-type': 'application/json' },
  });
const deps = (fetchFn: typeof fetch, prefs: Partial<ReplyModelPrefs> = {}) => ({
  prefs: { ...PREFS, ...prefs },
  templates: DEFAULT_TEMPLATES,
  ladder: DEFAULT_LADDER,
  fetchFn,
});

describe('chatCompletionsUrl', () => {
  it.each([
    ['https://api.deepseek.com/v1', 'https://api.deepseek.com/v1/chat/completions'],
    ['https://api.deepseek.com/v1/', 'https://api.deepseek.com/v1/chat/completions'],
    [
      'https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions',
      'https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions',
    ],
    ['http://127.0.0.1:11434/v1?x=1', 'http://127.0.0.1:11434/v1/chat/completions'],
    ['http://localhost:8080', 'http://localhost:8080/chat/completions'],
  ])('%s → %s', (base, url) => {
    expect(chatCompletionsUrl(base)?.toString()).toBe(url);
  });

  it.each(['http://llm.example.cn/v1', 'ftp://x/v1', 'https://user:pw@llm.example.cn/v1', '不是网址', ''])(
    'refuses %s',
    (base) => expect(chatCompletionsUrl(base)).toBeUndefined(),
  );

  it('asks for the endpoint host only (any port)', () => {
    expect(originPattern('https://api.deepseek.com/v1')).toBe('https://api.deepseek.com/*');
    expect(originPattern('http://127.0.0.1:11434/v1')).toBe('http://127.0.0.1/*');
  });
});

describe('modelDraft', () => {
  it('sends the review, its category and the shop’s templates, and uses a compliant answer', async () => {
    const fetchFn = vi.fn(async () =>
      completion('亲，非常抱歉卫衣起球给您添麻烦了，我们为您办理全额退款，客服会主动联系您。'),
    );
    const r = await modelDraft(review('r1'), deps(fetchFn as typeof fetch));
    expect(r).toMatchObject({ source: 'model', check: { verdict: 'ok', insertable: true, source: 'model' } });
    const [url, init] = fetchFn.mock.calls[0] as unknown as [URL, RequestInit];
    expect(url.toString()).toBe('https://llm.example.cn/v1/chat/completions');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer sk-test');
    expect(init.credentials).toBe('omit');
    const body = JSON.parse(String(init.body)) as { model: string; messages: { content: string }[] };
    expect(body.model).toBe('qwen-plus');
    const user = body.messages[1]!.content;
    expect(user).toContain('穿了两次就起球了');
    expect(user).toContain('评价类别：quality');
    expect(user).toContain('店铺话术示例');
  });

  it.each([
    ['a non-compliant answer', async () => completion('亲，追评五星好评就给您返现20元哦'), /未通过合规检查/],
    ['an HTTP error', async () => new Response('nope', { status: 401 }), /HTTP 401/],
    ['a network error', async () => Promise.reject(new TypeError('Failed to fetch')), /Failed to fetch/],
    ['a body that is not JSON', async () => new Response('<html>', { status: 200 }), /不是 JSON/],
    ['an empty answer', async () => completion('  '), /空内容/],
  ])('falls back to the template draft on %s', async (_, impl, reason) => {
    const r = await modelDraft(review('r1'), deps(vi.fn(impl) as unknown as typeof fetch));
    expect(r.source).toBe('template');
    expect(r.fallbackReason).toMatch(reason);
    expect(r.check).toMatchObject({ source: 'template', insertable: true });
  });

  it.each([
    [{ enabled: false }, /未启用/],
    [{ model: ' ' }, /模型名称/],
    [{ baseUrl: 'http://llm.example.cn/v1' }, /地址无效/],
  ])('does not call anything when configured %o', async (prefs, reason) => {
    const fetchFn = vi.fn();
    const r = await modelDraft(review('r1'), deps(fetchFn as unknown as typeof fetch, prefs));
    expect(fetchFn).not.toHaveBeenCalled();
    expect(r.fallbackReason).toMatch(reason);
  });
});
