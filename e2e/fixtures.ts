/**
 * Playwright fixtures: a fresh Chromium profile with the built extension, and the demo consoles routed
 * under the real console hosts (nothing leaves the machine).
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test as base, expect } from '@playwright/test';
import { createDemoHandler, routeDemo } from '../demo/server';
import { launchWithExtension } from './browser';
import { TEST_NOW } from './clock';

/**
 * The one "now" of every test: the demo world ends at it and the extension's clock is pinned to it
 * (e2e/clock.ts), so the scenario's dates mean the same on every run, whatever the real date.
 */
export const DEMO_NOW = TEST_NOW;

export interface ExtFixtures {
  context: BrowserContext;
  extensionId: string;
  sw: () => Promise<Worker>;
  demo: ReturnType<typeof createDemoHandler>;
  extPage: (path: string) => Promise<Page>;
}

export const test = base.extend<ExtFixtures>({
  context: async ({}, use) => {
    const launched = await launchWithExtension({ clock: { at: TEST_NOW } });
    await use(launched.context);
    await launched.context.close();
  },
  extensionId: async ({ context }, use) => {
    let sw = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    sw ??= await context.waitForEvent('serviceworker');
    await use(sw.url().split('/')[2]!);
  },
  sw: async ({ context }, use) => {
    await use(async () => {
      const live = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
      return live ?? (await context.waitForEvent('serviceworker'));
    });
  },
  demo: async ({ context }, use) => {
    const handler = createDemoHandler({ now: DEMO_NOW, seed: 7 });
    await routeDemo(context, handler);
    await use(handler);
  },
  extPage: async ({ context, extensionId }, use) => {
    await use(async (path: string) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
});

export { expect };
