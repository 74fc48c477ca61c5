import { describe, expect, it } from 'vitest';
import type { Alert } from '../scoring/alert-types';
import { alertLink, alertSource, digestSource, localTime, nextDigestAt, shortRef } from './messages';

const CN = 480;
const NOW = Date.UTC(2026, 10, 22, 2, 30); // 10:30 in China
const store = { key: 'douyin:1', name: '小米旗舰店' };

describe('messages', () => {
  it('refs are short and stable', () => {
    expect(shortRef('alert|x')).toBe(shortRef('alert|x'));
    expect(shortRef('alert|x')).not.toBe(shortRef('alert|y'));
    expect(shortRef('alert|x')).toMatch(/^[0-9a-z]{7}$/);
  });

  it('an alert message carries the store, detail and deadline, and no buyer data fields', () => {
    const a: Alert = {
      ...{
        key: 'deadline|douyin:1|r9',
        topic: 'deadline|douyin:1',
        kind: 'reply_deadline',
        severity: 'critical',
      },
      ...{
        title: '差评回复即将截止',
        detail: '1 条差评 2 小时后超过回复期限',
        storeKey: 'douyin:1',
        at: NOW,
      },
      dueAt: NOW + 2 * 3_600_000,
    };
    const s = alertSource(a, store, CN);
    expect(s.source).toBe('alert|deadline|douyin:1|r9');
    expect(s.message.title).toBe('【口碑预警】差评回复即将截止');
    expect(s.message.lines).toEqual([
      '**店铺**：小米旗舰店',
      '1 条差评 2 小时后超过回复期限',
      '时间：2026-11-22 10:30',
      '截止：2026-11-22 12:30',
    ]);
  });

  it('the digest: score and Δ, 差评 by category, unreplied with the nearest deadline, top cluster', () => {
    const s = digestSource(
      {
        date: '2026-11-22',
        score: { value: 4.62, delta: -0.12, label: '商家体验分' },
        newBadByCategory: [
          { label: '物流', count: 14 },
          { label: '质量问题', count: 2 },
        ],
        unreplied: 5,
        nearestDeadline: NOW + 3_600_000,
        topCluster: { label: '发货慢', count: 9 },
        activeAlerts: 2,
      },
      store,
      CN,
    );
    expect(s.source).toBe('digest|douyin:1|2026-11-22');
    expect(s.message.level).toBe('warn');
    expect(s.message.lines.join('\n')).toBe(
      [
        '**店铺**：小米旗舰店',
        '**商家体验分**：4.62（较昨日 -0.12）',
        '**新增差评** 16 条：物流 14、质量问题 2',
        '**待回复中差评** 5 条，最近截止 2026-11-22 11:30',
        '**集中问题**：发货慢（9 条）',
        '进行中的预警 2 条',
      ].join('\n'),
    );
  });

  it.each([
    ['09:00', CN, Date.UTC(2026, 10, 23, 1, 0)], // 10:30 local has passed 09:00 → tomorrow 09:00 (01:00Z)
    ['18:15', CN, Date.UTC(2026, 10, 22, 10, 15)],
    ['09:00', 0, Date.UTC(2026, 10, 22, 9, 0)],
    ['02:30', 0, Date.UTC(2026, 10, 23, 2, 30)], // exactly now → the next day
    ['bad', -300, Date.UTC(2026, 10, 22, 14, 0)], // falls back to 09:00 local (UTC−5)
  ])('next digest for %s at offset %i', (hhmm, off, want) => {
    expect(nextDigestAt(NOW, hhmm, off)).toBe(want);
    expect(localTime(want, off).slice(11)).toBe(hhmm === 'bad' ? '09:00' : hhmm);
  });

  it('links each alert to the console page where the team acts on it', () => {
    const pages = [
      { label: '评价管理', url: 'https://fxg.jinritemai.com/ffa/maftersale/comment' },
      { label: '体验分', url: 'https://fxg.jinritemai.com/ffa/eco/experience-score' },
      { label: '订单管理', url: 'https://fxg.jinritemai.com/ffa/morder/order/list' },
    ];
    expect(alertLink('score_drop', pages)?.url).toContain('experience-score');
    expect(alertLink('logistics_delay', pages)?.url).toContain('order/list');
    expect(alertLink('reply_deadline', pages)).toEqual({ title: '打开评价管理', url: pages[0]!.url });
    expect(alertLink('bad_growth', pages)?.url).toContain('comment');
    // No fitting page, or not https: no link.
    expect(alertLink('score_drop', [pages[0]!])).toBeUndefined();
    expect(alertLink('bad_growth', [{ label: '评价管理', url: 'http://x.example/' }])).toBeUndefined();
  });
});
