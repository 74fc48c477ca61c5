// 店铺体验分 (/zone/cultivation/shop/experience [G]): the total and each dimension's indicators
// (getDetail, an XHR like the page's older module).
import { errorBox, h, mount, table } from '/__demo/kit/kit.js';
import { getXhr } from './ks.js';

const shown = (v) => (v === undefined || v === null || v === '' ? '--' : String(v));

async function main() {
  const res = await getXhr('/rest/app/tts/apollo/shopexp/getDetail', { scene: 'pc' });
  const d = res.data ?? {};
  mount(
    h('h1', { className: 'title_6b3f' }, '店铺体验分'),
    res.error ? errorBox(res.error) : null,
    h(
      'div',
      { className: 'hero_5b7d' },
      h(
        'div',
        {},
        h('div', { className: 'muted_0a9d' }, '店铺体验分'),
        h('div', { className: 'heroValue_2c6e', dataset: { score: 'total' } }, shown(d.totalScore)),
      ),
      (d.scoreItems ?? []).map((s) =>
        h(
          'div',
          {},
          h('div', { className: 'muted_0a9d' }, s.name),
          h('div', { className: 'cardValue_7d3b' }, shown(s.score)),
        ),
      ),
      h('div', { className: 'heroMeta_8f1d' }, `更新时间 ${shown(d.updateTime)} · 近30天`),
    ),
    h(
      'div',
      { className: 'grid_3f9c' },
      (d.scoreItems ?? []).map((s) =>
        h(
          'section',
          { className: 'card_1a7e', dataset: { dimension: s.name } },
          h(
            'div',
            { className: 'cardHead_6b2d' },
            h('span', { className: 'cardTitle_0c8f' }, s.name),
            h('span', { className: 'cardValue_7d3b' }, shown(s.score)),
          ),
          table(
            ['指标', '数值', '得分'],
            (s.indicators ?? []).map((i) =>
              h(
                'tr',
                {},
                h('td', {}, i.name),
                h('td', {}, i.value === '--' ? '--' : `${i.value}${i.unit ?? ''}`),
                h('td', {}, shown(i.score)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

main();
