/**
 * Helpers of the console capture e2e tests (platforms.spec.ts): list paging on the simulated consoles,
 * waiting for captures, and the checks every platform shares (no buyer data stored, a revisit adds
 * nothing, a broken response is logged).
 */
import type { Page, Worker } from '@playwright/test';
import type { PlatformId } from '../lib/model';
import { consoleShop } from '../demo/consoles/common/shop';
import { receiverOf } from '../demo/generator/people';
import type { World } from '../demo/generator/types';
import { expect } from './fixtures';
import { allRows, countRows } from './idb';

export type Ev = {
  platform: string;
  endpoint: string;
  outcome: string;
  added: number;
  unchanged: number;
  storeKey?: string;
  reasons: { code: string; message: string }[];
};
export type StoredReview = {
  reviewId: string;
  storeKey: string;
  source: string;
  createdAt: number;
  star?: number;
  starProduct?: number;
  starLogistics?: number;
  starService?: number;
  polarity?: string;
};

export const ROW = 'tr[data-review-id]';
export const events = (sw: Worker) => allRows<Ev>(sw, 'captureEvents');
export const storeKeyOf = (world: World, platform: PlatformId) =>
  `${platform}:${consoleShop(world, platform).id}`;

/** Opens a review list and waits for its rows. */
export async function openList(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator(ROW).first()).toBeVisible();
}

/** Clicks 下一页 and waits for the next page's rows. */
export async function nextPage(page: Page, row = ROW, attr = 'data-review-id'): Promise<void> {
  const first = await page.locator(row).first().getAttribute(attr);
  await page.getByRole('button', { name: '下一页' }).first().click();
  await expect(page.locator(row).first()).not.toHaveAttribute(attr, first!);
}

export const idsOnPage = (page: Page) =>
  page.locator(ROW).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-review-id')!));

/** Waits until the endpoints have been captured `times` times each (a page load is asynchronous). */
export async function waitForEndpoints(sw: Worker, endpoints: Record<string, number>): Promise<void> {
  await expect
    .poll(
      async () => {
        const seen = (await events(sw)).map((e) => e.endpoint);
        return Object.entries(endpoints).every(([ep, n]) => seen.filter((s) => s === ep).length >= n);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
}

/** Every stored row of every object store, as one JSON text. */
async function everything(sw: Worker): Promise<string> {
  const names = Object.keys(await countRows(sw));
  const parts = await Promise.all(names.map((n) => allRows(sw, n)));
  return JSON.stringify(parts);
}

/** No receiver name (as a JSON value), phone or address of the given orders is stored anywhere. */
export async function expectNoPii(sw: Worker, world: World, orderIndices: number[]): Promise<void> {
  expect(orderIndices.length).toBeGreaterThan(0);
  const stored = await everything(sw);
  for (const i of orderIndices) {
    const rc = receiverOf(world.orders[i]!);
    expect(stored).not.toContain(`"${rc.name}"`);
    expect(stored).not.toContain(rc.phone);
    expect(stored).not.toContain(`${rc.street}${rc.detail}`);
  }
}

/**
 * Going over the first two list pages again, in a new tab, adds nothing. (Run before any DOM read of the
 * same rows: a table shows whole seconds, so a DOM read legitimately updates an API row's time.)
 */
export async function revisitAddsNothing(
  sw: Worker,
  page: Page,
  url: string,
  endpoint: string,
): Promise<void> {
  const before = await countRows(sw);
  const seen = (await events(sw)).filter((e) => e.endpoint === endpoint).length;
  await openList(page, url);
  await nextPage(page);
  await waitForEndpoints(sw, { [endpoint]: seen + 2 });
  const last = (await events(sw)).filter((e) => e.endpoint === endpoint).slice(-2);
  expect(last.map((e) => [e.outcome, e.added, e.unchanged])).toEqual([
    ['ok', 0, 20],
    ['ok', 0, 20],
  ]);
  expect((await countRows(sw)).reviews).toBe(before.reviews);
}

/** A broken response on the page gets a capture-health entry with the console's error. */
export async function faultIsLogged(sw: Worker, page: Page, url: string, text: RegExp): Promise<void> {
  await page.goto(url);
  await expect
    .poll(async () => (await events(sw)).find((e) => e.reasons.some((r) => r.code === 'envelope_error')), {
      timeout: 15_000,
    })
    .toBeDefined();
  const ev = (await events(sw)).find((e) => e.reasons.some((r) => r.code === 'envelope_error'))!;
  expect(ev.outcome).not.toBe('ok');
  expect(ev.reasons[0]!.message).toMatch(text);
}
