/**
 * Renders the toolbar icons from scripts/icon.svg in Debian's Chromium: public/icon/{16,32,48,128}.png
 * (正常) and public/icon/alert-{16,32,48,128}.png (有预警: a red dot, set by the worker while alerts are
 * active). `node --import tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../e2e/browser';

const SIZES = [16, 32, 48, 128];

async function main(): Promise<void> {
  const svg = readFileSync('scripts/icon.svg', 'utf8');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  const page = await browser.newPage();
  for (const alert of [false, true])
    for (const size of SIZES) {
      const shown = alert ? svg.replace('visibility="hidden"', 'visibility="visible"') : svg;
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${shown.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      const out = `public/icon/${alert ? 'alert-' : ''}${size}.png`;
      await page.screenshot({
        path: out,
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      console.log(out);
    }
  await browser.close();
}

void main();
