import { describe, expect, it, vi } from 'vitest';
import type { TeamSettings } from '@/lib/team/types';
import { saveTarget } from './target-save';

const empty: TeamSettings = { targets: [], digest: { enabled: true, time: '09:00' } };
const draft = {
  storeKey: 'douyin:1',
  platform: 'feishu' as const,
  name: ' 客服群 ',
  webhook: ' https://open.feishu.cn/open-apis/bot/v2/hook/abc ',
  secret: ' s3cret ',
};

describe('saveTarget', () => {
  it('asks for the webhook origin only, then stores a trimmed target with rev 1', async () => {
    const request = vi.fn(async () => true);
    const store = vi.fn(async () => undefined);
    const r = await saveTarget(empty, draft, { request, store, newId: () => 'id1' });
    expect(request).toHaveBeenCalledWith(['https://open.feishu.cn/*']);
    expect(r).toMatchObject({
      saved: true,
      note: expect.stringContaining('已保存并获得 https://open.feishu.cn/*'),
    });
    expect(store).toHaveBeenCalledWith({
      ...empty,
      targets: [
        {
          ...{ id: 'id1', storeKey: 'douyin:1', platform: 'feishu', name: '客服群', enabled: true, rev: 1 },
          ...{ webhook: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc', secret: 's3cret' },
        },
      ],
    });
  });

  it('re-saving bumps the revision (releases messages held after a permanent failure)', async () => {
    const store = vi.fn(async (_v: TeamSettings) => undefined);
    const first = { ...draft, id: 'id1', enabled: false, rev: 3, name: 'x', webhook: draft.webhook.trim() };
    await saveTarget(
      { ...empty, targets: [{ ...first, secret: 'old' }] },
      { ...draft, id: 'id1' },
      {
        request: async () => true,
        store,
        newId: () => 'never',
      },
    );
    expect(store.mock.calls[0]![0].targets).toEqual([
      expect.objectContaining({ id: 'id1', rev: 4, enabled: false, secret: 's3cret' }),
    ]);
  });

  it('refuses an invalid webhook without asking for anything; a denied permission is said plainly', async () => {
    const request = vi.fn(async () => false);
    const store = vi.fn(async () => undefined);
    expect(
      await saveTarget(
        empty,
        { ...draft, webhook: 'http://evil.example/x' },
        { request, store, newId: () => 'i' },
      ),
    ).toEqual({
      saved: false,
      note: expect.stringContaining('Webhook 地址无效'),
    });
    expect(request).not.toHaveBeenCalled();
    const r = await saveTarget(empty, draft, { request, store, newId: () => 'i' });
    expect(r.note).toContain('未获得 https://open.feishu.cn/* 的访问权限');
  });
});
