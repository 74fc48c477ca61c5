/**
 * Launching Chromium with the built extension. Shared by the e2e fixtures, `npm run demo` and the
 * benchmarks. Uses the system Chromium (Debian's package): no test tool downloads its own browser.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Worker } from '@playwright/test';
import { chromium } from '@playwright/test';
import { pinExtensionClock } from './clock';

export const EXTENSION_DIR = resolve(process.cwd(), '.output/chrome-mv3');

export function chromiumPath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian\'s "chromium" package or set CHROME_PATH');
  return found;
}

/**
 * Chromium's flags besides loading the extension. A browser without the extension (the benchmarks' other
 * arm, scripts/bench/console-page.ts) is launched with the same ones, so the arms differ by the extension
 * only.
 */
export const BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  // The merchants' browser language: date inputs show yyyy/mm/dd, the UI language is zh-CN.
  '--lang=zh-CN',
];

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: () => Promise<Worker>;
  userDataDir: string;
}

export async function launchWithExtension(
  opts: {
    headless?: boolean;
    userDataDir?: string;
    /** Pin the extension's clock (lib/clock.ts) to this instant; see e2e/clock.ts. */
    clock?: { at: number; frozen?: boolean };
    /** More Chromium switches (e.g. the toolbar screenshot's). */
    args?: string[];
    /** Another build of the extension (benchmarks comparing two builds); default the current build. */
    extensionDir?: string;
  } = {},
): Promise<Launched> {
  const dir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error('Build the extension first: npm run build');
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'koubei-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      ...BROWSER_ARGS,
      ...(opts.args ?? []),
    ],
  });
  const serviceWorker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return live ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  // A profile made here is removed once its browser has closed (a benchmark's can hold a million rows).
  if (!opts.userDataDir) {
    const close = context.close.bind(context);
    context.close = async (...a: Parameters<BrowserContext['close']>) => {
      await close(...a);
      try {
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      } catch {
        // Left in the temporary directory: never fail a test or a benchmark over it.
      }
    };
  }
  const sw = await serviceWorker();
  const extensionId = sw.url().split('/')[2]!;
  if (opts.clock) await pinExtensionClock(sw, opts.clock.at, opts.clock.frozen ?? true);
  return { context, extensionId, serviceWorker, userDataDir };
}
