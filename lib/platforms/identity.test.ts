import { describe, expect, it } from 'vitest';
import {
  IdentityTracker,
  hash32,
  identityFromJson,
  identityFromUrl,
  loginFromJson,
  keepStronger,
  missingSignals,
  signalTrust,
} from './identity';

describe('identityFromJson', () => {
  it('reads 拼多多 mall_id from user info (public clients read result.mall_id)', () => {
    const body = { success: true, errorCode: 1000000, result: { id: 53, username: 'a:b', mall_id: 884421 } };
    expect(identityFromJson('pdd', body, 'userInfo')).toEqual({
      kind: 'api',
      source: 'api:userInfo.mall_id',
      shopId: '884421',
      name: undefined,
    });
    expect(loginFromJson('pdd', body)).toBe('a:b');
  });

  it('takes the name from the same object, and rows that all agree', () => {
    const body = { result: { data: [{ mallId: '9', mallName: ' 家居店 ' }, { mallId: 9 }] } };
    expect(identityFromJson('pdd', body, 'reviewsList')).toMatchObject({ shopId: '9', name: '家居店' });
  });

  it('several different shops in one response (a shop list) identify nothing', () => {
    expect(identityFromJson('douyin', { data: [{ shop_id: 1 }, { shop_id: 2 }] }, 'x')).toBeUndefined();
    expect(identityFromJson('douyin', { data: [] }, 'x')).toBeUndefined();
    expect(identityFromJson('douyin', 'not json', 'x')).toBeUndefined();
  });

  it('never takes a buyer id: 拼多多 review rows carry userId, which is not a shop key', () => {
    expect(
      identityFromJson('pdd', { result: { data: [{ userId: 98, reviewId: '1' }] } }, 'r'),
    ).toBeUndefined();
  });

  it('stops on deep or huge bodies without throwing', () => {
    let deep: Record<string, unknown> = { shop_id: 5 };
    for (let i = 0; i < 50; i++) deep = { x: deep };
    expect(identityFromJson('douyin', deep, 'x')).toBeUndefined();
    const wide = { data: Array.from({ length: 20_000 }, () => ({ shop_id: 7 })) };
    expect(identityFromJson('douyin', wide, 'x')).toMatchObject({ shopId: '7' });
  });
});

describe('identityFromUrl', () => {
  it('reads documented parameters from the query or a hash route', () => {
    expect(
      identityFromUrl('pdd', new URL('https://mms.pinduoduo.com/x?mallId=123456'), 'page'),
    ).toMatchObject({
      kind: 'url',
      shopId: '123456',
      source: 'url:page.mallId',
    });
    expect(identityFromUrl('jd', new URL('https://shop.jd.com/#/a?venderId=7788'), 'request')).toMatchObject({
      shopId: '7788',
    });
    expect(identityFromUrl('pdd', new URL('https://mms.pinduoduo.com/x?mallId=abc'), 'page')).toBeUndefined();
  });
});

describe('IdentityTracker', () => {
  const api = (shopId: string, source = 'api:userInfo.mall_id') => ({ kind: 'api' as const, source, shopId });
  it('one shop from several sources: the most trusted names it', () => {
    const t = new IdentityTracker('pdd');
    t.observe({ kind: 'dom', source: 'dom:header', shopId: '1', name: '页头名' });
    t.observe(api('1'));
    const r = t.resolve();
    expect(r).toMatchObject({
      store: { shopId: '1', via: 'api', name: '页头名', signal: 'api:userInfo.mall_id' },
    });
  });

  it('two sources that disagree: a conflict listing both, no guess', () => {
    const t = new IdentityTracker('pdd');
    t.observe(api('1'));
    t.observe({ kind: 'url', source: 'url:page.mallId', shopId: '2' });
    const r = t.resolve();
    expect('conflict' in r && r.conflict.map((c) => c.shopId)).toEqual(['1', '2']);
  });

  it('a source that changes its own value is a shop switch: older signals are dropped', () => {
    const t = new IdentityTracker('pdd');
    t.observe(api('1'));
    t.observe(api('1', 'api:reviewsList.mallId'));
    t.observe(api('2'));
    expect(t.resolve()).toMatchObject({ store: { shopId: '2' } });
  });

  it('nothing observed: none', () => {
    expect(new IdentityTracker('jd').resolve()).toEqual({ none: true });
    expect(missingSignals('pdd')).toHaveLength(3);
  });
});

it('hash32 is stable 8-hex', () => {
  expect(hash32('pdd|x')).toMatch(/^[0-9a-f]{8}$/);
  expect(hash32('pdd|x')).toBe(hash32('pdd|x'));
  expect(hash32('pdd|x')).not.toBe(hash32('pdd|y'));
});

describe('keepStronger', () => {
  it('upgrades a header-identified store when the API names it, never the reverse', () => {
    const header = { identifiedBy: 'dom:header', name: '页头名' };
    expect(keepStronger(header, { signal: 'api:userInfo.mall_id', name: '接口名' })).toEqual({
      identifiedBy: 'api:userInfo.mall_id',
      name: '接口名',
    });
    const api = { identifiedBy: 'api:getOverviewByVersion.shop_id', name: '接口名' };
    expect(keepStronger(api, { signal: 'dom:header', name: '页头名' })).toEqual(api);
    expect(keepStronger(api, { signal: 'api:userInfo.mall_id', name: '别名' })).toEqual(api);
  });
  it('ranks the merchant’s answer above URL and header, below the console JSON', () => {
    expect(signalTrust('manual')).toBeGreaterThan(signalTrust('url:mallId'));
    expect(signalTrust('manual')).toBeLessThan(signalTrust('api:x'));
    expect(keepStronger({ identifiedBy: 'manual', name: '我的店' }, { signal: 'dom:header' })).toEqual({
      identifiedBy: 'manual',
      name: '我的店',
    });
    expect(keepStronger(undefined, { signal: 'url:mallId', name: 'A' })).toEqual({
      identifiedBy: 'url:mallId',
      name: 'A',
    });
    expect(signalTrust('bogus')).toBe(0);
  });
});
