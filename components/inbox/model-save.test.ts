import { describe, expect, it, vi } from 'vitest';
import type { ReplyModelPrefs } from '@/lib/settings';
import { saveModelPrefs } from './model-save';

const ON: ReplyModelPrefs = {
  enabled: true,
  baseUrl: ' https://api.deepseek.com/v1 ',
  model: ' deepseek-chat ',
  apiKey: 'sk-1',
};

function deps(granted: boolean | Error) {
  return {
    request: vi.fn(async () => {
      if (granted instanceof Error) throw granted;
      return granted;
    }),
    store: vi.fn(async () => undefined),
  };
}

describe('saveModelPrefs', () => {
  it('asks for exactly the endpoint host, then stores trimmed settings', async () => {
    const d = deps(true);
    expect(await saveModelPrefs(ON, d)).toBe('已保存并获得 https://api.deepseek.com/* 的访问权限');
    expect(d.request).toHaveBeenCalledWith(['https://api.deepseek.com/*']);
    expect(d.store).toHaveBeenCalledWith({
      ...ON,
      baseUrl: 'https://api.deepseek.com/v1',
      model: 'deepseek-chat',
    });
  });

  it.each([
    ['the merchant declines', false],
    ['the prompt fails', new Error('not in a user gesture')],
  ])('stores but warns when %s', async (_, granted) => {
    const d = deps(granted);
    expect(await saveModelPrefs(ON, d)).toMatch(/未获得该地址的访问权限.*改用模板/);
    expect(d.store).toHaveBeenCalled();
  });

  it.each([
    ['plain http to another machine', { baseUrl: 'http://192.168.1.5/v1' }],
    ['no model name', { model: '' }],
  ])('refuses %s without asking or storing', async (_, patch) => {
    const d = deps(true);
    expect(await saveModelPrefs({ ...ON, ...patch }, d)).toMatch(/有效的接口地址/);
    expect(d.request).not.toHaveBeenCalled();
    expect(d.store).not.toHaveBeenCalled();
  });

  it('switching off asks for nothing', async () => {
    const d = deps(true);
    expect(await saveModelPrefs({ ...ON, enabled: false }, d)).toBe('已保存：模型起草已关闭');
    expect(d.request).not.toHaveBeenCalled();
  });
});
