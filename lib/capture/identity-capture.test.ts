/**
 * The page side of store identity (issue #12): which signal names the store, when the page gives up and
 * says "unidentified" (the provisional store), and that disagreeing signals are reported, not resolved.
 */
import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureBatch } from './batch';
import type { HookMessage } from './channel';
import type { IdentifyMessage } from './content';
import { PROVISIONAL_AFTER_MS, createCapture } from './content';
import { arrivalQuiet } from './idle';
import { pdd } from '../platforms/pdd';

const NOW = Date.UTC(2026, 10, 22, 2);
const document = new Window({ url: 'https://mms.pinduoduo.com/' }).document as unknown as Document;
const PAGE = 'https://mms.pinduoduo.com/goods/evaluation/index';
const msg = (path: string, body: unknown): HookMessage => ({
  url: `https://mms.pinduoduo.com${path}`,
  method: 'POST',
  status: 200,
  contentType: 'application/json',
  text: JSON.stringify(body),
  bytes: 10,
  at: NOW,
});
const ok = (result: unknown) => ({ success: true, errorCode: 1000000, errorMsg: null, result });
const review = (id: string) => ({ reviewId: id, createTime: 1_794_000_000, descScore: 5, comment: '好' });

function setup(pageUrl = PAGE, frozen = false) {
  const sent: CaptureBatch[] = [];
  const told: IdentifyMessage[] = [];
  let t = NOW;
  const capture = createCapture({
    adapter: pdd,
    doc: document,
    pageUrl: () => new URL(pageUrl),
    send: async (b) => (sent.push(b), { added: 0, updated: 0, unchanged: 0, rejected: 0 }),
    identify: async (m) => void told.push(m),
    now: () => t,
    salt: 's',
  });
  return {
    capture,
    sent,
    told,
    tick: (ms: number) => ((t += frozen ? 0 : ms), vi.advanceTimersByTimeAsync(ms)),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
});
afterEach(() => vi.useRealTimers());

describe('identity on the page', () => {
  it('user info names the shop (API signal): batches carry it, the signal is recorded', async () => {
    const { capture, sent, told } = setup();
    await capture(msg('/janus/api/new/userinfo', ok({ id: 7, username: 'u', mall_id: 42 })));
    await capture(msg('/saturn/reviews/list', ok({ data: [review('1')] })));
    expect(sent).toHaveLength(1); // the identity response itself sends no batch
    expect(sent[0]!.store).toMatchObject({ shopId: '42', via: 'api', signal: 'api:userInfo.mall_id' });
    expect(sent[0]!.login).toMatch(/^[0-9a-f]{8}$/);
    expect(told[0]).toMatchObject({ store: { shopId: '42' } });
  });

  it('no signal: after PROVISIONAL_AFTER_MS the page says so, naming what was missing', async () => {
    const { capture, sent, told, tick } = setup();
    await capture(msg('/saturn/reviews/list', ok({ data: [review('1')] })));
    expect(sent[0]!.store).toBeUndefined();
    await tick(PROVISIONAL_AFTER_MS - 300);
    expect(told).toEqual([]);
    await tick(600);
    expect(told).toHaveLength(1);
    const u = (told[0] as Extract<IdentifyMessage, { unidentified: unknown }>).unidentified;
    expect(u.candidates).toEqual([]);
    expect(u.missing.join(' ')).toContain('mall_id');
  });

  it('a pinned, frozen business clock does not keep the page waiting forever', async () => {
    const { capture, told, tick } = setup(PAGE, true);
    await capture(msg('/saturn/reviews/list', ok({ data: [review('1')] })));
    await tick(PROVISIONAL_AFTER_MS - 300);
    expect(told).toEqual([]);
    await tick(600);
    expect(told).toHaveLength(1);
    expect(told[0]).toHaveProperty('unidentified');
  });

  it('a URL parameter identifies the page when the JSON does not', async () => {
    const { capture, sent } = setup(`${PAGE}?mallId=9001`);
    await capture(msg('/saturn/reviews/list', ok({ data: [review('1')] })));
    expect(sent[0]!.store).toMatchObject({ shopId: '9001', via: 'url' });
  });

  it('the header is read only while nothing stronger exists', async () => {
    const header = document.createElement('header');
    for (const t of ['某店', '店铺ID：5555'])
      header.append(Object.assign(document.createElement('span'), { textContent: t }));
    document.body.append(header);
    const { capture, sent } = setup();
    await capture(msg('/saturn/reviews/list', ok({ data: [review('1')] })));
    expect(sent[0]!.store).toMatchObject({ shopId: '5555', via: 'dom', signal: 'dom:header' });
  });

  it('two signals that disagree: no store on the batch, both shops reported to ask the merchant', async () => {
    const { capture, sent, told } = setup(`${PAGE}?mallId=1111`);
    await capture(msg('/janus/api/new/userinfo', ok({ mall_id: 2222 })));
    await capture(msg('/saturn/reviews/list', ok({ data: [review('1')] })));
    expect(sent[0]!.store).toBeUndefined();
    const last = told.at(-1) as Extract<IdentifyMessage, { unidentified: unknown }>;
    expect(last.unidentified.candidates.map((c) => c.shopId).sort()).toEqual(['1111', '2222']);
  });

  it('a rejected row sends a drift note with a redacted sample', async () => {
    const { capture, sent } = setup(`${PAGE}?mallId=1`);
    await capture(msg('/saturn/reviews/list', ok({ data: [{ comment: '没有 id 的行' }, review('2')] })));
    expect(sent[0]!.rejects.map((r) => r.code)).toEqual(['missing_id']);
    expect(sent[0]!.drift?.fields).toEqual(expect.arrayContaining(['reviewId', 'comment']));
    expect(sent[0]!.drift?.sample).toBeDefined();
    expect(JSON.stringify(sent[0]!.drift?.sample)).not.toMatch(/\p{Script=Han}/u);
  });

  it('dispatches in order without waiting for answers: a page left right after a response still hands it over', async () => {
    // The worker never answers (a slow worker, or a page that is about to unload).
    const order: string[] = [];
    const capture = createCapture({
      adapter: pdd,
      doc: document,
      pageUrl: () => new URL(PAGE),
      send: (b) => (
        order.push(`batch:${(b.reviews[0] as { reviewId: string }).reviewId}`),
        new Promise(() => undefined)
      ),
      identify: (m) => (
        order.push(`identify:${'store' in m ? m.store.shopId : '?'}`),
        new Promise(() => undefined)
      ),
      now: () => NOW,
      salt: 's',
    });
    void capture(msg('/janus/api/new/userinfo', ok({ mall_id: 42 })));
    void capture(msg('/saturn/reviews/list', ok({ data: [review('1')] })));
    void capture(msg('/saturn/reviews/list', ok({ data: [review('2')] })));
    await vi.advanceTimersByTimeAsync(0);
    // Both batches left although no answer came, and the identity went first.
    expect(order).toEqual(['identify:42', 'batch:1', 'batch:2']);
  });

  it('a list response waiting to be parsed keeps the DOM fallback off (it would rewrite the rows’ times)', async () => {
    let idle: () => void = () => undefined;
    const capture = createCapture({
      adapter: pdd,
      doc: document,
      pageUrl: () => new URL(PAGE),
      send: async () => ({ added: 1, updated: 0, unchanged: 0, rejected: 0 }),
      now: () => NOW,
      salt: 's',
      whenIdle: () => new Promise<void>((r) => (idle = r)),
    });
    expect(capture.lastApiAt()).toBeUndefined();
    const done = capture(msg('/saturn/reviews/list', ok({ data: [review('1')] })));
    // Not parsed yet (the page is busy): already counts as an API capture.
    expect(capture.lastApiAt()).toBe(NOW);
    for (let i = 0; i < 5; i++) {
      idle();
      await vi.advanceTimersByTimeAsync(0);
    }
    await done;
    expect(capture.lastApiAt()).toBe(NOW);
    // An identity-only response is not a list: it does not hold the DOM fallback off.
    const fresh = createCapture({
      adapter: pdd,
      doc: document,
      pageUrl: () => new URL(PAGE),
      send: async () => ({ added: 0, updated: 0, unchanged: 0, rejected: 0 }),
      now: () => NOW,
      whenIdle: () => new Promise<void>(() => undefined),
    });
    void fresh(msg('/janus/api/new/userinfo', ok({ mall_id: 1 })));
    expect(fresh.lastApiAt()).toBeUndefined();
  });

  it('while lists keep arriving, rows are sent once the paging pauses, in order, none lost (issue #15)', async () => {
    const sent: string[] = [];
    const on: Record<string, () => void> = {};
    const capture = createCapture({
      adapter: pdd,
      doc: document,
      pageUrl: () => new URL(PAGE),
      send: async (b) => (
        sent.push((b.reviews[0] as { reviewId: string }).reviewId),
        { added: 1, updated: 0, unchanged: 0, rejected: 0 }
      ),
      now: () => NOW,
      salt: 's',
      quiet: arrivalQuiet(
        { setTimeout: (fn, ms) => setTimeout(fn, ms), addEventListener: (type, fn) => (on[type] = fn) },
        400,
        2000,
        () => Date.now(),
      ),
    });
    // Three pages 200 ms apart: nothing is sent while the merchant pages.
    for (const id of ['1', '2', '3']) {
      void capture(msg('/saturn/reviews/list', ok({ data: [review(id)] })));
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(sent).toEqual([]);
    expect(capture.lastApiAt()).toBe(NOW); // held: the DOM fallback stays off meanwhile
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toEqual(['1', '2', '3']);
    // A page being left sends at once.
    void capture(msg('/saturn/reviews/list', ok({ data: [review('4')] })));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(3);
    on.pagehide!();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['1', '2', '3', '4']);
  });
});
