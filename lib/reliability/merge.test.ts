/**
 * What the bad-input fuzz found in `merge` (issue #8): a capture that cannot see a field writes a blank
 * ('' text, [] items, 0 images — a DOM read, a renamed API field, a wrong-typed value) and used to erase
 * what an earlier capture stored. Blanks never replace known values; real new values still win.
 */
import { describe, expect, it } from 'vitest';
import { merge } from '../background/ingest';
import { makeOrders, makeReviews, makeStore } from '../export/testing';
import type { Order, Review } from '../model';

const store = makeStore();
const api: Review = {
  ...makeReviews(store, 1, 3)[0]!,
  text: '物流太慢，包装也破了',
  images: 3,
  videos: 1,
  isDefault: false,
};
const order: Order = makeOrders(store, 1, 4)[0]!;

describe('merge keeps what a blind capture cannot see', () => {
  it.each([
    [
      'a DOM read (no images, videos)',
      { images: 0, videos: 0, source: 'dom' as const },
      { images: 3, videos: 1, source: 'api' },
    ],
    [
      'a renamed text field (text "" → 默认评价)',
      { text: '', isDefault: true },
      { text: '物流太慢，包装也破了', isDefault: false },
    ],
    ['an empty appends list', { appends: [] }, { appends: api.appends }],
  ])('review: %s', (_what, next, kept) => {
    expect(merge(api, { ...api, ...next })).toMatchObject(kept);
  });

  it('order: an empty item list does not erase the items', () => {
    expect(merge(order, { ...order, items: [] }).items).toEqual(order.items);
  });

  it.each([
    ['the shop replied', { replied: true, replyText: '亲，已为您补发' }],
    ['the buyer edited the text', { text: '补发收到了，改成好评' }],
    ['more images came', { images: 5 }],
  ])('a real new value still wins: %s', (_what, next) => {
    expect(merge(api, { ...api, ...next })).toMatchObject(next);
  });
});
