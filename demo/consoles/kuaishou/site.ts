/**
 * The simulated 快手小店 merchant backend, s.kwaixiaodian.com: 评价管理 (/zone/comment/list [G]), 店铺体验分
 * (/zone/cultivation/shop/experience [G]), 订单管理 (/zone/order/list) and the API. The shop shown is this
 * console's own (common/shop.ts), with 店铺ID in the header.
 */
import type { World } from '../../generator/types';
import { escapeHtml } from '../http';
import { consoleShop } from '../common/shop';
import { consoleSite, type ConsoleLook } from '../common/site';
import { handleKuaishouApi } from './api';

export const KUAISHOU_PAGES = {
  '/zone/comment/list': { title: '评价管理', script: 'comment' },
  '/zone/cultivation/shop/experience': { title: '店铺体验分', script: 'score' },
  '/zone/order/list': { title: '订单管理', script: 'orders' },
  '/': { title: '评价管理', script: 'comment' },
} as const;

function look(world: World): ConsoleLook {
  const shop = consoleShop(world, 'kuaishou');
  return {
    platform: 'kuaishou',
    console: '快手小店',
    brand: '#fe3666',
    brandSoft: '#fff0f3',
    dir: new URL('./pages/', import.meta.url),
    nav: [
      { group: '订单' },
      { href: '/zone/order/list', label: '订单管理' },
      { group: '售后' },
      { href: '/zone/comment/list', label: '评价管理' },
      { group: '店铺' },
      { href: '/zone/cultivation/shop/experience', label: '店铺体验分' },
    ],
    identity: `<span class="shopName_6c1d">${escapeHtml(shop.name)}</span><span>店铺ID：${escapeHtml(shop.id)}</span>`,
  };
}

/** Serves one request for s.kwaixiaodian.com. */
export const kuaishouSite = consoleSite(look, KUAISHOU_PAGES, handleKuaishouApi);
