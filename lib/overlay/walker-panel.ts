/**
 * The in-page "采集全部" control: a small floating panel (bottom-right, in a shadow root) that appears on
 * console list pages once a list response was captured. Start / pause / resume / stop, a mode choice
 * (增量: stop at already-saved data; 全部: every page) and live progress.
 */
import type { WalkerState } from '../capture/walker';
import { BASE_CSS, el, shadowHost } from './host';

const CSS = `${BASE_CSS}
.panel{position:fixed;right:16px;bottom:16px;z-index:2147483000;width:260px;background:#fff;color:#1f2328;border:1px solid #d0d7de;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.14);padding:10px 12px;font-size:12px;line-height:1.5}
.title{font-weight:600;font-size:13px;display:flex;justify-content:space-between;align-items:center}
.title small{color:#656d76;font-weight:400}
.status{margin:6px 0;color:#444;min-height:18px}
.bar{height:4px;background:#eaeef2;border-radius:2px;overflow:hidden;margin:4px 0 8px}
.bar i{display:block;height:100%;width:0;background:#1456f0;transition:width .3s}
.bar.busy i{width:35%;animation:slide 1.2s linear infinite}
@keyframes slide{from{margin-left:-35%}to{margin-left:100%}}
.row{display:flex;gap:6px;align-items:center;flex-wrap:wrap}
select{font:inherit;font-size:12px;border:1px solid #d0d7de;border-radius:6px;padding:2px 4px}
.min{border:none;background:none;color:#656d76;padding:0 4px;font-size:14px}
.err{color:#cf222e}.ok{color:#1a7f37}`;

export interface WalkerPanelActions {
  start(mode: WalkerState['mode']): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

export interface WalkerPanel {
  update(state: WalkerState | undefined): void;
  remove(): void;
}

const LABEL: Record<WalkerState['status'], string> = {
  running: '采集中',
  paused: '已暂停',
  done: '已完成',
  stopped: '已停止',
  error: '出错停止',
};

export function mountWalkerPanel(doc: Document, kindLabel: string, actions: WalkerPanelActions): WalkerPanel {
  const root = shadowHost(doc, doc.documentElement, 'walker', CSS);
  const status = el(doc, 'div', {
    class: 'status',
    attrs: { 'data-testid': 'walker-status', 'aria-live': 'polite' },
  });
  const bar = el(doc, 'div', { class: 'bar' }, el(doc, 'i'));
  const mode = el(
    doc,
    'select',
    { attrs: { 'aria-label': '采集方式' } },
    el(doc, 'option', { text: '增量（遇到已保存的数据即停）', attrs: { value: 'incremental' } }),
    el(doc, 'option', { text: '全部页', attrs: { value: 'full' } }),
  );
  const btn = (text: string, on: () => void, primary = false) =>
    el(doc, 'button', {
      text,
      class: primary ? 'primary' : '',
      attrs: { type: 'button' },
      on: { click: on },
    });
  const start = btn('采集全部', () => actions.start(mode.value as WalkerState['mode']), true);
  const pause = btn('暂停', actions.pause);
  const resume = btn('继续', actions.resume, true);
  const stop = btn('停止', actions.stop);
  const body = el(
    doc,
    'div',
    {},
    status,
    bar,
    el(doc, 'div', { class: 'row' }, mode, start, pause, resume, stop),
  );
  const min = el(doc, 'button', { class: 'min', text: '–', attrs: { type: 'button', title: '收起' } });
  min.addEventListener('click', () => {
    body.hidden = !body.hidden;
    min.textContent = body.hidden ? '+' : '–';
  });
  const panel = el(
    doc,
    'div',
    {
      class: 'panel',
      attrs: { role: 'region', 'aria-label': '口碑助手 采集全部', 'data-testid': 'walker-panel' },
    },
    el(doc, 'div', { class: 'title' }, el(doc, 'span', { text: `口碑助手 · 采集全部${kindLabel}` }), min),
    body,
  );
  root.append(panel);

  const update = (s: WalkerState | undefined) => {
    const st = s?.status;
    start.hidden = st === 'running' || st === 'paused';
    mode.hidden = start.hidden;
    pause.hidden = st !== 'running';
    resume.hidden = st !== 'paused';
    stop.hidden = !(st === 'running' || st === 'paused');
    bar.className = st === 'running' ? 'bar busy' : 'bar';
    status.className = `status ${st === 'error' ? 'err' : st === 'done' ? 'ok' : ''}`;
    status.textContent = s
      ? `${LABEL[s.status]} · 第 ${s.pages} 页 · 已读 ${s.rowsSeen} 条 · 新增 ${s.added}${s.updated ? ` · 更新 ${s.updated}` : ''}${s.note ? ` — ${s.note}` : ''}`
      : '从当前页开始自动翻页，页面的数据会被逐页保存（每页间隔 0.3–0.5 秒）。';
  };
  update(undefined);
  return { update, remove: () => root.host.remove() };
}
