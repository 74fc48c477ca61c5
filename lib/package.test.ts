/**
 * A store-ready package (issue #13): names and descriptions come from public/_locales (zh_CN default,
 * en), every `__MSG_…__` the manifest uses exists in both, the icons exist at their declared sizes, and
 * every permission asked for is used by the code.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import wxtConfig from '../wxt.config';

const manifest = wxtConfig.manifest as Record<string, unknown> & {
  icons: Record<string, string>;
  action: { default_icon: Record<string, string> };
  permissions: string[];
};
const LOCALES = ['zh_CN', 'en'];
const messages = (l: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(`public/_locales/${l}/messages.json`, 'utf8'));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === '__fixtures__' ? [] : sources(p);
    return /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) ? [readFileSync(p, 'utf8')] : [];
  });
}

describe('the extension package', () => {
  it('names itself through _locales, with every message in every locale and within the store limits', () => {
    expect(manifest.default_locale).toBe('zh_CN');
    // The action title is set by the build hook (WXT otherwise takes popup.html's <title>).
    const used = new Set([...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!));
    used.add('actionTitle');
    expect([...used].sort()).toEqual(['actionTitle', 'extDescription', 'extName']);
    for (const l of LOCALES) {
      const m = messages(l);
      for (const k of used) expect(m[k]?.message, `${l}/${k}`).toBeTruthy();
      expect(m.extName!.message.length).toBeLessThanOrEqual(75);
      expect(m.extDescription!.message.length).toBeLessThanOrEqual(132);
    }
  });

  it('has icons at 16/32/48/128 for the store and both toolbar states', () => {
    for (const [size, file] of Object.entries({ ...manifest.icons, ...manifest.action.default_icon }))
      expect(pngSize(join('public', file))).toEqual([Number(size), Number(size)]);
    for (const size of [16, 32, 48, 128])
      expect(pngSize(`public/icon/alert-${size}.png`)).toEqual([size, size]);
  });

  it('asks only for permissions the code uses', () => {
    const code = [...sources('lib'), ...sources('components'), ...sources('entrypoints')].join('\n');
    const use: Record<string, RegExp> = {
      storage: /\bbrowser\.storage\b|storage\.defineItem/,
      sidePanel: /\bbrowser\.sidePanel\b/,
      alarms: /\bbrowser\.alarms\b/,
      notifications: /\bbrowser\.notifications\b/,
    };
    for (const p of manifest.permissions) {
      expect(use[p], `a usage pattern for ${p}`).toBeDefined();
      expect(code, p).toMatch(use[p]!);
    }
  });
});
