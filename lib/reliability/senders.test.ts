/**
 * Sender checks of every message type (issue #8), against the real background in the fake browser:
 * `cs-bg/*` only from a tab on a console host of the claimed platform, `ui-bg/*` only from the extension's
 * own pages. Every type in lib/messaging.ts is sent from every wrong kind of sender with valid data; each
 * must be refused (or have no handler at all) and leave IndexedDB and chrome.storage exactly as they were.
 * The same messages from the right senders then succeed — so the comparison can see a change.
 */
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toBatches } from '../capture/batch';
import { parseHookMessage } from '../capture/content';
import type { KoubeiDb } from '../db';
import { DB_NAME, openDb } from '../db';
import { douyin } from '../platforms/douyin';
import { LEARN_DELAY_MS } from '../background/text-learning';
import type { SenderLike } from '../background/senders';
import { COMMENTS_PAGE, SHOP_ID, commentPages, reviewIdOf } from './large';
import type { MessageType, TestWorker } from './worker';
import { EXT_ID, consoleSender, pageSender, startWorker, trapStoppedWorkerErrors } from './worker';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const NOW = Date.UTC(2026, 10, 22, 2);
const STORE = `douyin:${SHOP_ID}`;
const stray = trapStoppedWorkerErrors();

/** Every message type the protocol map declares (read from the source, so new types are covered). */
const TYPES = [
  ...new Set(
    [
      ...readFileSync(new URL('../messaging.ts', import.meta.url), 'utf8').matchAll(
        /'((?:cs|ui)-bg\/[a-z-]+)'/g,
      ),
    ].map((m) => m[1]!),
  ),
] as MessageType[];

const page = commentPages(1, 20)[0]!;
const batch = toBatches(parseHookMessage(douyin, page, new URL(COMMENTS_PAGE), NOW).result, {
  platform: 'douyin',
  endpoint: 'commentList',
  page: '/ffa/maftersale/comment',
  source: 'api',
  bytes: page.bytes,
  store: { platform: 'douyin', shopId: SHOP_ID, via: 'api' },
})[0]!;
const otherShop = { ...batch, store: { platform: 'douyin' as const, shopId: '31337', via: 'api' as const } };
const reviewKey = `${STORE}|${reviewIdOf(0, 0)}`;

/** Valid data for each type, so that only the sender decides. */
const DATA: Record<string, unknown> = {
  'cs-bg/capture': otherShop,
  'cs-bg/walker-save': {
    ...{ platform: 'douyin', path: '/ffa/maftersale/comment', mode: 'full', status: 'running' },
    ...{ pages: 3, rowsSeen: 60, added: 60, updated: 0, startedAt: NOW, updatedAt: NOW },
  },
  'cs-bg/walker-load': { platform: 'douyin', path: '/ffa/maftersale/comment' },
  'cs-bg/identify': { platform: 'douyin', store: { platform: 'douyin', shopId: '999000', via: 'dom' } },
  'cs-bg/annotate': { platform: 'douyin', reviewIds: [reviewIdOf(0, 0)] },
  'ui-bg/badge-seen': undefined,
  'ui-bg/snooze-alert': { key: `${STORE}|negative_growth`, hours: 24 },
  'ui-bg/score-refresh': { storeKey: STORE },
  'ui-bg/rebuild-aggregates': undefined,
  'ui-bg/model-draft': { sample: { text: '质量太差了', star: 1 } },
  'ui-bg/save-draft': { reviewKey, text: '亲，非常抱歉，我们马上为您处理' },
  'ui-bg/refresh-flags': { storeKey: STORE },
  'ui-bg/import': { batch: otherShop, target: { shopId: '31337' } },
  'ui-bg/restore': {
    table: 'stores',
    rows: [{ key: 'douyin:31337', platform: 'douyin', shopId: '31337', firstSeen: NOW, lastSeen: NOW }],
    offset: 0,
  },
  'ui-bg/delete-store': { storeKey: STORE, confirm: SHOP_ID },
  'ui-bg/team-test': { targetId: 't1' },
  'ui-bg/team-retry': { key: 'outbox-key' },
  'ui-bg/team-report': { storeKey: STORE, month: '2026-11' },
  'ui-bg/board-sync': undefined,
  'ui-bg/confirm-store': { provisionalKey: 'douyin:?default', name: '新店' },
  'ui-bg/correct-review': { reviewKey, categories: ['logistics'] },
  'cs-bg/correct-review': { platform: 'douyin', reviewId: reviewIdOf(0, 0), categories: ['quality'] },
};

const WRONG_FOR_CS: [string, SenderLike][] = [
  ['the popup (no tab)', pageSender('popup.html')],
  ['a tab on another website', consoleSender('https://evil.example.com/ffa/maftersale/comment', 21)],
  [
    'a tab on another platform’s console',
    consoleSender('https://mms.pinduoduo.com/goods/evaluation/index', 22),
  ],
  ['another extension', { ...consoleSender(COMMENTS_PAGE, 23), id: 'abcdefghijklmnopabcdefghijklmnop' }],
  ['a console URL without a tab', { id: EXT_ID, url: COMMENTS_PAGE }],
];
const WRONG_FOR_UI: [string, SenderLike][] = [
  ['our content script on a console tab', consoleSender(COMMENTS_PAGE, 31)],
  ['a tab on another website', consoleSender('https://evil.example.com/', 32)],
  [
    'another extension’s page',
    {
      id: 'abcdefghijklmnopabcdefghijklmnop',
      url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html',
    },
  ],
  ['a sender without a URL', { id: EXT_ID }],
];

let worker: TestWorker;

/** Everything the extension keeps: every IndexedDB table and both storage areas. */
let reader: KoubeiDb;
async function state(): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const t of reader.tables) tables[t.name] = await t.toArray();
  const local = await fakeBrowser.storage.local.get();
  const session = await fakeBrowser.storage.session.get();
  return JSON.stringify({ tables, local, session });
}
/** Waits until start-up work (aggregate rebuild, first snapshots) has settled. */
async function settled(): Promise<string> {
  let a = await state();
  for (;;) {
    await new Promise((r) => setTimeout(r, 400));
    const b = await state();
    if (a === b) return b;
    a = b;
  }
}

beforeAll(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  worker = await startWorker({ now: () => NOW });
  reader = openDb();
  const first = await worker.send('cs-bg/capture', batch, consoleSender(COMMENTS_PAGE, 7));
  expect(first.res).toMatchObject({ added: 20 });
  await settled();
  // The store's text adapter learns the capture after a debounce (issue #11): let that land too.
  await new Promise((r) => setTimeout(r, LEARN_DELAY_MS + 500));
  await settled();
});
afterAll(async () => {
  reader.close();
  await worker.stop();
  await Dexie.delete(DB_NAME);
  expect(stray()).toEqual([]);
});

it('knows sample data for every message type', () => {
  expect(TYPES.length).toBeGreaterThanOrEqual(10);
  expect(TYPES.filter((t) => !(t in DATA))).toEqual([]);
});

const unhandled = new Set<string>();

describe.each(TYPES.map((t) => [t] as const))('%s', (type) => {
  const wrong = type.startsWith('cs-bg/') ? WRONG_FOR_CS : WRONG_FOR_UI;
  it.each(wrong)('is refused from %s and changes nothing', async (_who, sender) => {
    const before = await state();
    const reply = await worker.send(type, DATA[type], sender);
    if (reply.unhandled) unhandled.add(type);
    else {
      expect(reply.res).toBeUndefined();
      expect(reply.err?.message).toMatch(/扩展|控制台|发送方/);
    }
    // Anything a refused message set off would land here.
    await new Promise((r) => setTimeout(r, 50));
    expect(await state()).toBe(before);
  });
});

it('has handlers for the capture, walker and score messages (the rest may come later)', () => {
  const core = [
    'cs-bg/capture',
    'cs-bg/walker-save',
    'cs-bg/walker-load',
    'ui-bg/badge-seen',
    'ui-bg/snooze-alert',
  ];
  expect(core.filter((t) => unhandled.has(t))).toEqual([]);
});

describe('the right senders are served (the checks above can see a change)', () => {
  it.each([
    [
      'cs-bg/capture',
      { ...batch, reviews: batch.reviews.slice(0, 5).map((r) => ({ ...(r as object), text: '改过的' })) },
      consoleSender(COMMENTS_PAGE, 7),
    ],
    ['cs-bg/walker-save', DATA['cs-bg/walker-save'], consoleSender(COMMENTS_PAGE, 7)],
    ['ui-bg/save-draft', DATA['ui-bg/save-draft'], pageSender('sidepanel.html')],
    ['ui-bg/correct-review', DATA['ui-bg/correct-review'], pageSender('sidepanel.html')],
    ['cs-bg/correct-review', DATA['cs-bg/correct-review'], consoleSender(COMMENTS_PAGE, 7)],
  ] as const)('%s', async (type, data, sender) => {
    const before = await state();
    const reply = await worker.send(type, data, sender);
    expect(reply.err).toBeUndefined();
    expect(await state()).not.toBe(before);
  });
});
