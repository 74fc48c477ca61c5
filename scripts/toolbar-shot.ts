/**
 * A screenshot of the real browser window with 口碑助手 pinned in the toolbar (docs/store/toolbar.png):
 * headed Chromium on the display (run under `xvfb-run -s "-screen 0 1280x800x24"` where there is none),
 * the extension pinned through the profile's preferences, a demo console open, the window grabbed with
 * ImageMagick's `import`. `LANGUAGE=zh_CN xvfb-run -a -s "-screen 0 1280x800x24" node --import tsx scripts/toolbar-shot.ts`
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoHandler, routeDemo } from '../demo/server';
import { EXTENSION_DIR, launchWithExtension } from '../e2e/browser';
import { DEFAULT_NOW } from '../e2e/clock';

/** Chromium's id of an unpacked extension: sha256 of its path, first 32 hex digits written a–p. */
const unpackedId = (path: string): string =>
  [...createHash('sha256').update(path).digest('hex').slice(0, 32)]
    .map((c) => String.fromCharCode(97 + parseInt(c, 16)))
    .join('');

async function main(): Promise<void> {
  if (!process.env.DISPLAY) throw new Error('needs a display: run under xvfb-run');
  const profile = mkdtempSync(join(tmpdir(), 'koubei-toolbar-'));
  mkdirSync(join(profile, 'Default'), { recursive: true });
  const id = unpackedId(EXTENSION_DIR);
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { pinned_extensions: [id] }, translate: { enabled: false } }),
  );
  const { context, extensionId } = await launchWithExtension({
    headless: false,
    userDataDir: profile,
    clock: { at: DEFAULT_NOW },
    // No "unsupported flag" info bar, no translate bubble: the window as a merchant sees it.
    args: ['--test-type', '--disable-features=Translate', '--window-size=1280,800', '--window-position=0,0'],
  });
  if (extensionId !== id) console.warn(`extension id ${extensionId} ≠ computed ${id}: not pinned`);
  await routeDemo(context, createDemoHandler({ seed: 7, now: DEFAULT_NOW }));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://fxg.jinritemai.com/ffa/maftersale/comment');
  await page.locator('tr[data-comment-id]').first().waitFor();
  await page.locator('tr[data-comment-id]').first().click(); // focus the page, not the address bar
  await page.waitForTimeout(2500);
  mkdirSync('docs/store', { recursive: true });
  execFileSync('import', ['-window', 'root', '-crop', '1280x120+0+0', 'docs/store/toolbar.png']);
  console.log('docs/store/toolbar.png');
  await context.close();
}

void main();
