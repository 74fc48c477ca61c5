/**
 * The simulated 拼多多 merchant backend, mms.pinduoduo.com: 评价管理 (/goods/evaluation/index), 服务体验分
 * (/sycm/goods_quality/help), 订单查询 (/orders/list [G path]) and the API. The shop shown is this
 * console's own (common/shop.ts), labelled 店铺名称 / 店铺ID in the header.
 */
import type { World } from '../../generator/types';
import { escapeHtml } from '../http';
import { consoleShop } from '../common/shop';
import { consoleSite, type ConsoleLook } from '../common/site';
import { handlePddApi } from './api';

export const PDD_PAGES = {
  '/goods/evaluation/index': { title: '评价管理', script: 'evaluation' },
  '/sycm/goods_quality/help': { title: '服务体验分', script: 'score' },
  '/orders/list': { title: '订单查询', script: 'orders' },
  '/': { title: '评价管理', script: 'evaluation' },
} as const;

function look(world: World): ConsoleLook {
  const shop = consoleShop(world, 'pdd');
  return {
    platform: 'pdd',
    console: '拼多多商家后台',
    brand: '#e02e24',
    brandSoft: '#fff0ef',
    dir: new URL('./pages/', import.meta.url),
    nav: [
      { group: '订单管理' },
      { href: '/orders/list', label: '订单查询' },
      { group: '商品管理' },
      { href: '/goods/evaluation/index', label: '评价管理' },
      { group: '数据中心' },
      { href: '/sycm/goods_quality/help', label: '服务体验分' },
    ],
    identity: `<span>店铺名称：${escapeHtml(shop.name)}</span><span>店铺ID：${escapeHtml(shop.id)}</span>`,
  };
}

/** Serves one request for mms.pinduoduo.com. */
export const pddSite = consoleSite(look, PDD_PAGES, handlePddApi);
