// 首页 (/ffa/mshop/homepage/index): a landing page with shortcuts and today's score.
import { fetchJson, h, mount } from './common.js';

const LINKS = [
  { href: '/ffa/maftersale/comment', title: '评价管理', desc: '查看与回复买家评价' },
  { href: '/ffa/morder/order/list', title: '订单管理', desc: '订单、发货与售后状态' },
  { href: '/ffa/eco/experience-score', title: '体验分', desc: '商家体验分及各项指标' },
];

async function main() {
  const res = await fetchJson('/governance/shop/experiencescore/getOverviewByVersion', {
    exp_version: 'release',
    new_shop_version: 'release',
    source: 1,
  });
  const data = (res.body && !res.error && res.body.data) || {};
  mount(
    h('h1', { className: 'title_0c4a' }, '首页'),
    h(
      'div',
      { className: 'cards_6b0d' },
      LINKS.map((l) =>
        h(
          'a',
          { className: 'card_9f2e', attrs: { href: l.href } },
          h('div', { className: 'cardTitle_4a1c' }, l.title),
          h('div', { className: 'muted_1b0c' }, l.desc),
        ),
      ),
    ),
    h(
      'section',
      { className: 'scoreHero_4c2a' },
      h(
        'div',
        {},
        `商家体验分 ${data.experience_score?.value ?? '-'}（5分制 ${data.score_five_info?.score ?? '-'}）`,
      ),
      h('div', { className: 'muted_1b0c' }, `数据更新时间：${data.update_time ?? '-'}`),
    ),
  );
}

main();
