// 真实体验分 (/home.htm/shop-experience/real-score [G path]): the score card (store.index) and the
// indicators of each dimension (indexsummary), both mtop calls to h5api.m.taobao.com.
import { errorBox, h, mount, table } from '/__demo/kit/kit.js';
import { mtop } from './mtop.js';

const shown = (v) => (v === undefined || v === null || v === '' ? '--' : String(v));

async function main() {
  const [card, summary] = await Promise.all([
    mtop('mtop.alibaba.tmall.front.store.index', {}),
    mtop('mtop.sdx.nps.home.indexsummary', {}),
  ]);
  const list = card.data?.dataSource?.list ?? [];
  const total = list.find((x) => x.code === 'nps');
  const statDate = String(card.data?.dataSource?.statDate ?? '');
  const mains = summary.data?.data?.mainIndexInfoList ?? [];
  mount(
    h('h1', { className: 'title_6b3f' }, '真实体验分'),
    card.error ? errorBox(card.error) : null,
    h(
      'div',
      { className: 'hero_5b7d' },
      h(
        'div',
        {},
        h('div', { className: 'muted_0a9d' }, '店铺真实体验分'),
        h('div', { className: 'heroValue_2c6e', dataset: { score: 'nps' } }, shown(total?.score)),
      ),
      list
        .filter((x) => x.code !== 'nps')
        .map((x) =>
          h(
            'div',
            { dataset: { code: x.code } },
            h('div', { className: 'muted_0a9d' }, x.name),
            h('div', { className: 'cardValue_7d3b' }, shown(x.score)),
          ),
        ),
      h(
        'div',
        { className: 'heroMeta_8f1d' },
        `统计日期 ${statDate.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')} · 近30天 · 满分5分（含附加分）`,
      ),
    ),
    summary.error ? errorBox(summary.error) : null,
    h(
      'div',
      { className: 'grid_3f9c' },
      mains.map((m) =>
        h(
          'section',
          { className: 'card_1a7e', dataset: { dimension: m.name } },
          h(
            'div',
            { className: 'cardHead_6b2d' },
            h('span', { className: 'cardTitle_0c8f' }, m.name),
            h('span', { className: 'cardValue_7d3b' }, shown(m.score)),
          ),
          table(
            ['指标', '数值', '得分'],
            (m.subIndexInfoList ?? []).map((s) =>
              h('tr', {}, h('td', {}, s.name), h('td', {}, shown(s.showValue)), h('td', {}, shown(s.score))),
            ),
          ),
        ),
      ),
    ),
  );
}

main();
