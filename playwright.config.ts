import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests load the built extension (.output/chrome-mv3) into Debian's Chromium; the merchant
 * consoles are the bundled demo consoles served under their real host names by request routing.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Each test launches its own persistent browser context; two at a time suits a 2-core machine.
  workers: process.env.CI ? 1 : 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // scripts/test-all.mjs reads the JSON report (the clock matrix writes one per instant).
  reporter: [['list'], ['json', { outputFile: process.env.KOUBEI_E2E_JSON ?? 'test-results/e2e.json' }]],
  use: { trace: 'retain-on-failure' },
});
