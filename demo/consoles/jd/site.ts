/**
 * The simulated 京东 merchant backend on its two hosts: shop.jd.com (评价管理 at /jdm/comment/list [G
 * path]) and porder.shop.jd.com (the legacy order list at /order/orderlist/<tab>). The shop shown is this
 * console's own (common/shop.ts); the header shows 商家编号, the id order rows carry as `venderId`.
 */
import type { World } from '../../generator/types';
import { escapeHtml } from '../http';
import { consoleShop } from '../common/shop';
import { consoleSite, type ConsoleLook } from '../common/site';
import { handleJdOrderApi, handleJdShopApi } from './api';

export const JD_SHOP_PAGES = {
  '/jdm/comment/list': { title: '评价管理', script: 'comment' },
  '/': { title: '评价管理', script: 'comment' },
} as const;

const ORDER_TABS = ['allOrders', 'waitOut', 'hadOut', 'completed', 'canceled'] as const;
export const JD_ORDER_PAGES = Object.fromEntries(
  ORDER_TABS.map((tab) => [`/order/orderlist/${tab}`, { title: '订单管理', script: 'orders' }]),
);

function look(world: World): ConsoleLook {
  const shop = consoleShop(world, 'jd');
  return {
    platform: 'jd',
    console: '京东商家后台',
    brand: '#e1251b',
    brandSoft: '#fdeeed',
    dir: new URL('./pages/', import.meta.url),
    nav: [
      { group: '订单' },
      { href: 'https://porder.shop.jd.com/order/orderlist/allOrders', label: '订单管理' },
      { group: '客户' },
      { href: 'https://shop.jd.com/jdm/comment/list', label: '评价管理' },
    ],
    // The id in its own text node after the label, as the console renders it.
    identity: `<span class="shopName_6c1d">${escapeHtml(shop.name)}</span><span>商家编号：</span><span>${escapeHtml(shop.id)}</span>`,
  };
}

/** shop.jd.com */
export const jdShopSite = consoleSite(look, JD_SHOP_PAGES, handleJdShopApi);
/** porder.shop.jd.com */
export const jdOrderSite = consoleSite(look, JD_ORDER_PAGES, handleJdOrderApi);
