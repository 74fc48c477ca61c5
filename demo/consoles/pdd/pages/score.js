// 服务体验分 (/sycm/goods_quality/help): 消费者服务体验分 and its five sub-scores (getMallServeScoreV2),
// the hot after-sale problems, and 店铺评价分 (queryMallDsrVO).
import { errorBox, h, mount, table } from '/__demo/kit/kit.js';
import { post } from './mms.js';

const PARTS = [
  ['spLmScore', '商品服务'],
  ['fhLmScore', '发货服务'],
  ['wlLmScore', '物流服务'],
  ['attiLmScore', '服务态度'],
  ['jcfwLmScore', '基础服务'],
];
const num = (v, d = 2) => (typeof v === 'number' ? v.toFixed(d) : '--');
const signed = (v) => (typeof v === 'number' ? `${v >= 0 ? '+' : ''}${v.toFixed(4)}` : '');

async function main() {
  const [serve, dsr] = await Promise.all([
    post('/sydney/api/mallService/getMallServeScoreV2', {}),
    post('/sydney/api/saleQuality/queryMallDsrVO', {}),
  ]);
  const s = serve.result ?? {};
  const d = dsr.result ?? {};
  mount(
    h('h1', { className: 'title_6b3f' }, '服务体验分'),
    serve.error ? errorBox(serve.error) : null,
    h(
      'div',
      { className: 'hero_5b7d' },
      h(
        'div',
        {},
        h('div', { className: 'muted_0a9d' }, '消费者服务体验分'),
        h(
          'div',
          { className: 'heroValue_2c6e', dataset: { score: 'cstmrServScore' } },
          num(s.cstmrServScore, 4),
        ),
      ),
      h(
        'div',
        {},
        h('div', { className: 'muted_0a9d' }, '近一周变化'),
        h('div', { className: 'cardValue_7d3b' }, signed(s.cstmrServScorePpr1w)),
      ),
      h(
        'div',
        {},
        h('div', { className: 'muted_0a9d' }, '超过同行'),
        h(
          'div',
          { className: 'cardValue_7d3b' },
          typeof s.cstmrServRank === 'number' ? `${Math.round(s.cstmrServRank * 100)}%` : '--',
        ),
      ),
      h(
        'div',
        {},
        h('div', { className: 'muted_0a9d' }, '店铺评价分（近3个月）'),
        h(
          'div',
          { className: 'cardValue_7d3b', dataset: { score: 'descOver50RevScr3m' } },
          num(d.descOver50RevScr3m),
        ),
      ),
      h('div', { className: 'heroMeta_8f1d' }, `数据日期 ${s.readyDate ?? '-'}`),
    ),
    dsr.error ? errorBox(dsr.error) : null,
    h(
      'div',
      { className: 'grid_3f9c' },
      h(
        'section',
        { className: 'card_1a7e' },
        h('div', { className: 'cardHead_6b2d' }, h('span', { className: 'cardTitle_0c8f' }, '分项得分')),
        table(
          ['分项', '得分', '近一周', ''],
          PARTS.map(([k, label]) =>
            h(
              'tr',
              { dataset: { part: k } },
              h('td', {}, label),
              h('td', {}, num(s[k])),
              h('td', {}, signed(s[`${k}Ppr1w`])),
              h('td', {}, s[`${k}Warning`] ? h('span', { className: 'warn_9d2a' }, '预警') : ''),
            ),
          ),
        ),
      ),
      h(
        'section',
        { className: 'card_1a7e' },
        h(
          'div',
          { className: 'cardHead_6b2d' },
          h('span', { className: 'cardTitle_0c8f' }, '热点问题（近30天）'),
        ),
        table(
          ['问题', '订单数', '占比'],
          (s.hotProblems ?? []).map((p) =>
            h(
              'tr',
              {},
              h('td', {}, p.title),
              h('td', {}, String(p.clfyOrdrCnt)),
              h('td', {}, `${(p.clfyOrdrCntRate * 100).toFixed(2)}%`),
            ),
          ),
        ),
        h(
          'div',
          { className: 'muted_0a9d' },
          `平台求助率 ${typeof s.ptHelpRate1m === 'number' ? (s.ptHelpRate1m * 100).toFixed(2) + '%' : '--'}`,
        ),
      ),
    ),
  );
}

main();
