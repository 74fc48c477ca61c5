/**
 * Console host match patterns per platform: the only hosts the extension may touch. Pure data, imported
 * by wxt.config.ts (host_permissions), the content-script entrypoints and the registry test.
 */
import type { PlatformId } from '../model';

export const PLATFORM_HOSTS: Record<PlatformId, readonly string[]> = {
  douyin: ['https://fxg.jinritemai.com/*'],
  taobao: ['https://myseller.taobao.com/*', 'https://qn.taobao.com/*', 'https://trade.taobao.com/*'],
  pdd: ['https://mms.pinduoduo.com/*'],
  jd: ['https://shop.jd.com/*', 'https://porder.shop.jd.com/*'],
  kuaishou: ['https://s.kwaixiaodian.com/*'],
};

export const CONSOLE_HOST_PATTERNS: readonly string[] = Object.values(PLATFORM_HOSTS).flat();
