// 体验分 (/ffa/eco/experience-score): the overview (getOverviewByVersion), the indicator nodes of each
// dimension (getSubScoreNew, experience_node 1/2/3) and the review statistics.
import { errorBox, fetchJson, h, mount } from './common.js';

const VERSION = { exp_version: 'release', new_shop_version: 'release' };
const DIMS = [
  { key: 'goods_score', node: 1, title: '商品体验' },
  { key: 'logistics_score', node: 2, title: '物流体验' },
  { key: 'service_score', node: 3, title: '服务体验' },
];

function figure(v) {
  if (!v || v.value_figure === -9999 || v.value_figure === undefined) return '暂无数据';
  return `${v.value_figure}${v.value_type === '%' ? '%' : ` ${v.value_type ?? ''}`}`;
}

function dimensionCard(dim, data, sub) {
  const d = data[dim.key] || {};
  const nodes = sub && sub.body && !sub.error ? (sub.body.data?.shop_analysis ?? []) : [];
  return h(
    'section',
    { className: 'dimCard_2e6b', dataset: { dimension: dim.key } },
    h(
      'div',
      { className: 'dimHead_7c0f' },
      h('span', { className: 'dimTitle_1a3d' }, dim.title),
      h('span', { className: 'dimValue_5b9e' }, String(d.value ?? '-')),
      h('span', { className: 'muted_1b0c' }, `权重 ${Math.round((d.weight ?? 0) * 100)}%`),
      h('span', { className: 'muted_1b0c' }, `${d.rating ?? ''}`),
    ),
    sub && sub.error ? errorBox(sub.error) : null,
    h(
      'table',
      { className: 'table_1a5c nodeTable_6f1c' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['指标', '数值', '得分', '权重', '计算'].map((t) => h('th', {}, t)),
        ),
      ),
      h(
        'tbody',
        {},
        nodes.map((n) =>
          h(
            'tr',
            { dataset: { node: n.experience_node } },
            h('td', {}, n.title ?? ''),
            h('td', {}, figure(n.value)),
            h(
              'td',
              {},
              n.node_score_info?.node_score === -9999 ? '-' : String(n.node_score_info?.node_score ?? '-'),
            ),
            h('td', {}, `${Math.round((n.node_score_info?.node_weight ?? 0) * 100)}%`),
            h(
              'td',
              { className: 'muted_1b0c' },
              n.calculate_denominator?.value === -9999
                ? '-'
                : `${n.calculate_numerator?.[0]?.sub_title ?? ''} ${n.calculate_numerator?.[0]?.value ?? ''} / ${n.calculate_denominator?.sub_title ?? ''} ${n.calculate_denominator?.value ?? ''}`,
            ),
          ),
        ),
      ),
    ),
  );
}

async function main() {
  const [overview, stats, ...subs] = await Promise.all([
    fetchJson('/governance/shop/experiencescore/getOverviewByVersion', { ...VERSION, source: 1 }),
    fetchJson('/product/tcomment/statistics', {}),
    ...DIMS.map((d) =>
      fetchJson('/governance/shop/experiencescore/getSubScoreNew', {
        filter_by_industry: true,
        new_dimension: true,
        ...VERSION,
        experience_node: d.node,
      }),
    ),
  ]);
  if (overview.error) {
    mount(h('h1', { className: 'title_0c4a' }, '商家体验分'), errorBox(overview.error));
    return;
  }
  const data = overview.body.data || {};
  const five = data.score_five_info || {};
  const s = stats.body && !stats.error ? stats.body.data || {} : null;
  mount(
    h('h1', { className: 'title_0c4a' }, '商家体验分'),
    h(
      'section',
      { className: 'scoreHero_4c2a' },
      h(
        'div',
        { className: 'scoreMain_0e5d' },
        h('div', { className: 'scoreValue_3b7f' }, String(data.experience_score?.value ?? '-')),
        h('div', { className: 'muted_1b0c' }, `${data.experience_score?.rating ?? ''} · 满分100`),
      ),
      h(
        'div',
        { className: 'scoreFive_9a4e' },
        h('div', { className: 'scoreValue_3b7f' }, String(five.score ?? '-')),
        h('div', { className: 'muted_1b0c' }, '消费者端展示（5分制）'),
      ),
      h(
        'div',
        { className: 'scoreMeta_2d1b' },
        h('div', {}, `数据更新时间：${data.update_time ?? '-'}`),
        h('div', {}, `差行为扣分：${data.bad_behavior_deduct_score?.value ?? 0}`),
        h('div', {}, `近30天支付订单：${subs[0]?.body?.data?.shop_order_latest_30_cnt ?? '-'}`),
      ),
    ),
    h(
      'div',
      { className: 'dimGrid_8e3c' },
      DIMS.map((d, i) => dimensionCard(d, data, subs[i])),
    ),
    stats.error ? errorBox(stats.error) : null,
    s
      ? h(
          'section',
          { className: 'stats_5d0a' },
          h('h2', {}, '评价数据（近30天）'),
          h(
            'div',
            { className: 'statsRow_1c7e' },
            h('span', {}, `好评率 ${s.positive_comment_rate?.last_30days_value ?? '-'}`),
            h('span', {}, `好评 ${s.positive_commnet_count_30d ?? 0}`),
            h('span', {}, `中评 ${s.neutral_comment_count_30d ?? 0}`),
            h('span', {}, `差评 ${s.negative_comment_count_30d ?? 0}`),
            h('span', {}, `待回复中差评 ${s.unreply_count ?? 0}`),
          ),
        )
      : null,
  );
}

main();
