/**
 * The permission list is frozen (issue #8): adding a permission — required, host or optional — fails
 * here until it is added to FROZEN *and* justified in README's "权限与隐私 / Permissions and privacy"
 * table. Reads wxt.config.ts, and the built manifest (.output/chrome-mv3) when a build newer than the
 * config exists, since WXT may add permissions of its own at build time.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import wxtConfig from '../wxt.config';

interface Permissions {
  permissions: string[];
  host_permissions: string[];
  optional_permissions: string[];
  optional_host_permissions: string[];
}

/** What the extension may ask for. Change only together with README's table. */
const FROZEN: Permissions = {
  permissions: ['storage', 'sidePanel', 'alarms', 'notifications'],
  host_permissions: [
    'https://fxg.jinritemai.com/*',
    'https://myseller.taobao.com/*',
    'https://qn.taobao.com/*',
    'https://trade.taobao.com/*',
    'https://mms.pinduoduo.com/*',
    'https://shop.jd.com/*',
    'https://porder.shop.jd.com/*',
    'https://s.kwaixiaodian.com/*',
  ],
  optional_permissions: [],
  optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
};
/** The only web-accessible file: the console page's UI, loaded when a list is captured (page-ui-loader.ts). */
const PAGE_UI_RESOURCES = [
  { resources: ['page-ui.js'], matches: FROZEN.host_permissions, use_dynamic_url: true },
];
const KINDS = Object.keys(FROZEN) as (keyof Permissions)[];
const FIX =
  'add the permission to FROZEN in lib/manifest.test.ts and a row saying why to README.md "权限与隐私 / Permissions and privacy"';

const of = (m: Record<string, unknown>): Permissions =>
  Object.fromEntries(
    KINDS.map((k) => [k, [...((m[k] as string[] | undefined) ?? [])].sort()]),
  ) as unknown as Permissions;
const sorted = (p: Permissions): Permissions => of(p as unknown as Record<string, unknown>);

/** The README table: first cell `perm`, `host …`, `optional …` or `optional host …`, names in backticks. */
export function readmePermissions(readme: string): Permissions {
  const start = readme.indexOf('## 权限与隐私');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const out: Permissions = {
    permissions: [],
    host_permissions: [],
    optional_permissions: [],
    optional_host_permissions: [],
  };
  for (const line of section.split('\n')) {
    const cell = /^\|\s*([^|]*?)\s*\|/.exec(line)?.[1];
    if (!cell || !cell.includes('`')) continue;
    const names = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const kind: keyof Permissions = /^optional host\b/.test(cell)
      ? 'optional_host_permissions'
      : /^host\b/.test(cell)
        ? 'host_permissions'
        : /^optional\b/.test(cell)
          ? 'optional_permissions'
          : 'permissions';
    out[kind].push(...names);
  }
  return sorted(out);
}

const config = of(
  (typeof wxtConfig.manifest === 'object' ? wxtConfig.manifest : {}) as Record<string, unknown>,
);
const readme = readmePermissions(readFileSync(new URL('../README.md', import.meta.url), 'utf8'));
const builtPath = new URL('../.output/chrome-mv3/manifest.json', import.meta.url);
const configPath = new URL('../wxt.config.ts', import.meta.url);
const freshBuild = existsSync(builtPath) && statSync(builtPath).mtimeMs >= statSync(configPath).mtimeMs;

describe('permissions', () => {
  it('wxt.config.ts asks for exactly the frozen list', () => {
    expect(config, FIX).toEqual(sorted(FROZEN));
  });

  it("README's table lists exactly the frozen list", () => {
    expect(readme.permissions.length, 'README permission table not found').toBeGreaterThan(0);
    expect(readme, FIX).toEqual(sorted(FROZEN));
  });

  it('asks for nothing broad: no <all_urls>, tabs, downloads, scripting, external messaging', () => {
    const all = KINDS.flatMap((k) => FROZEN[k]);
    for (const p of ['<all_urls>', 'tabs', 'downloads', 'scripting', 'webRequest', 'cookies', 'history'])
      expect(all).not.toContain(p);
    expect(FROZEN.host_permissions.every((h) => /^https:\/\/[a-z0-9.-]+\/\*$/.test(h))).toBe(true);
  });

  it.skipIf(!freshBuild)('the built manifest agrees, and exposes nothing to pages but the page UI', () => {
    const built = JSON.parse(readFileSync(builtPath, 'utf8')) as Record<string, unknown>;
    expect(of(built), FIX).toEqual(sorted(FROZEN));
    // Pages cannot message the extension; the one file they can load is the lazily imported page UI.
    expect(built.externally_connectable).toBeUndefined();
    expect(built.web_accessible_resources).toEqual(PAGE_UI_RESOURCES);
  });

  it('exposes only the page UI, to the console hosts only, under a per-session URL', () => {
    const war = (wxtConfig.manifest as { web_accessible_resources?: unknown }).web_accessible_resources;
    expect(war).toEqual(PAGE_UI_RESOURCES);
  });
});
