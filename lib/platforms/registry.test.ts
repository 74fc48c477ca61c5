/**
 * Registry meta-test (refined-github style): every adapter file is registered, has fixtures that parse,
 * a content script on exactly its hosts, sample URLs that no other adapter claims, and host permissions.
 * Each failure message says how to fix it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import wxtConfig from '../../wxt.config';
import { PLATFORM_IDS } from '../model';
import { ENDPOINTS } from './endpoints';
import { identityFromJson } from './identity';
import { PLATFORM_HOSTS } from './hosts';
import { ADAPTERS, PLATFORM_NAMES } from './index';
import { patternMatches } from './match';
import type { PlatformAdapter } from './types';

const isAdapter = (v: unknown): v is PlatformAdapter =>
  typeof v === 'object' && v !== null && typeof (v as PlatformAdapter).parse === 'function' && 'hosts' in v;

/** Every adapter exported by a module in lib/platforms/, keyed by file name. */
const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true });
const exported = Object.entries(modules).flatMap(([path, mod]) =>
  Object.values(mod)
    .filter(isAdapter)
    .map((adapter) => ({ file: path.slice(2, -3), adapter })),
);
const entrypoints = import.meta.glob<{ default: { matches?: string[] } }>('../../entrypoints/*.content.ts', {
  eager: true,
});

const fixturesDir = (id: string) => new URL(`./__fixtures__/${id}/`, import.meta.url);
const fixtureFiles = (id: string) => (existsSync(fixturesDir(id)) ? readdirSync(fixturesDir(id)) : []);
const readFixture = (id: string, file: string) => readFileSync(new URL(file, fixturesDir(id)), 'utf8');
const ctxFor = (a: PlatformAdapter) => {
  const origin = new URL(a.hosts[0]!.replace('/*', '/'));
  return { url: origin, pageUrl: origin, now: Date.UTC(2026, 10, 22, 4) };
};
const owners = (url: URL) =>
  ADAPTERS.filter((a) => a.hosts.some((p) => patternMatches(p, url))).map((a) => a.id);

describe('registry', () => {
  it('finds the adapters (guards this test against a glob that matches nothing)', () => {
    expect(exported.length).toBeGreaterThanOrEqual(ADAPTERS.length);
  });

  it.each(exported.map((e) => [e.file, e] as const))(
    'lib/platforms/%s.ts is registered',
    (file, { adapter }) => {
      expect(
        ADAPTERS.includes(adapter),
        `${file}.ts exports adapter '${adapter.id}': add \`import { ${adapter.id} } from './${file}'\` and put it in ADAPTERS (lib/platforms/index.ts)`,
      ).toBe(true);
      expect(
        adapter.id,
        `rename lib/platforms/${file}.ts to ${adapter.id}.ts: the file name is the adapter id`,
      ).toBe(file);
    },
  );

  it('has one adapter per platform id, each a known PlatformId', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size, 'two adapters share an id: ids must be unique').toBe(ids.length);
    for (const id of ids) expect(PLATFORM_IDS, `'${id}' is not in PLATFORM_IDS (lib/model.ts)`).toContain(id);
  });
});

describe.each(ADAPTERS.map((a) => [a.id, a] as const))('adapter %s', (id, adapter) => {
  it('uses the shared name, hosts and endpoint tables', () => {
    expect(adapter.name, `set name: '${PLATFORM_NAMES[id]}' (PLATFORM_NAMES in lib/platforms/index.ts)`).toBe(
      PLATFORM_NAMES[id],
    );
    expect(adapter.hosts, `set hosts: PLATFORM_HOSTS.${id} (lib/platforms/hosts.ts)`).toEqual(
      PLATFORM_HOSTS[id],
    );
    expect(adapter.endpoints, `set endpoints: ENDPOINTS.${id} (lib/platforms/endpoints.ts)`).toBe(
      ENDPOINTS[id],
    );
    const eids = adapter.endpoints.map((e) => e.id);
    expect(new Set(eids).size, `endpoint ids repeat in ENDPOINTS.${id}: make each id unique`).toBe(
      eids.length,
    );
  });

  it('has a content script whose matches are exactly its hosts', () => {
    const entry = entrypoints[`../../entrypoints/${id}.content.ts`];
    expect(entry, `create entrypoints/${id}.content.ts like entrypoints/douyin.content.ts`).toBeDefined();
    expect(entry!.default.matches, `set matches: [...${id}.hosts] in entrypoints/${id}.content.ts`).toEqual([
      ...adapter.hosts,
    ]);
  });

  it('is covered by the manifest host permissions', () => {
    const granted = (wxtConfig.manifest as { host_permissions?: string[] }).host_permissions ?? [];
    for (const host of adapter.hosts)
      expect(
        granted,
        `${host} is missing from host_permissions: keep CONSOLE_HOST_PATTERNS in wxt.config.ts`,
      ).toContain(host);
  });

  it('lists sample URLs that match it and no other adapter, covering every host', () => {
    expect(adapter.sampleUrls.length, `add real console URLs to ${id}.sampleUrls`).toBeGreaterThan(0);
    for (const raw of [...adapter.sampleUrls, ...adapter.startPages.map((p) => p.url)])
      expect(owners(new URL(raw)), `${raw} must match '${id}' only: fix the URL or the host lists`).toEqual([
        id,
      ]);
    for (const host of adapter.hosts)
      expect(
        adapter.sampleUrls.some((u) => patternMatches(host, new URL(u))),
        `no sample URL on ${host}: add one to ${id}.sampleUrls, or drop the host from PLATFORM_HOSTS.${id}`,
      ).toBe(true);
  });

  it.each(adapter.endpoints.map((e) => [e.id, e.kind]))(
    'endpoint %s has a clean fixture <id>.json',
    (eid, kind) => {
      const file = `${eid}.json`;
      expect(
        fixtureFiles(id),
        `add lib/platforms/__fixtures__/${id}/${file}: a real-shaped response`,
      ).toContain(file);
      // Identity endpoints (issue #12) carry no records: they must name exactly one shop.
      if (kind === 'identity') {
        expect(
          identityFromJson(id, JSON.parse(readFixture(id, file)), eid),
          `${id}/${file} names no shop`,
        ).toMatchObject({
          kind: 'api',
        });
        return;
      }
      const r = adapter.parse(eid, JSON.parse(readFixture(id, file)), ctxFor(adapter));
      expect(
        r.rejects,
        `${id}/${file} must parse without rejections (variants go in ${eid}-<case>.json)`,
      ).toEqual([]);
      expect(
        r.reviews.length + r.orders.length + r.scores.length,
        `${id}/${file} yields no records`,
      ).toBeGreaterThan(0);
    },
  );

  it('refuses an endpoint id it does not know', () => {
    const first = adapter.endpoints[0]!;
    const body: unknown = JSON.parse(readFixture(id, `${first.id}.json`));
    expect(adapter.parse('no-such-endpoint', body, ctxFor(adapter)).rejects.map((x) => x.code)).toEqual([
      'unknown_endpoint',
    ]);
  });

  it('never throws on junk, whatever the endpoint', () => {
    const junk: unknown[] = [
      null,
      0,
      'x',
      [],
      {},
      { data: null },
      { result: [] },
      { ret: 'SUCCESS' },
      { data: { data: 1 } },
    ];
    for (const e of adapter.endpoints)
      for (const body of junk) {
        const r = adapter.parse(e.id, body, ctxFor(adapter));
        expect(
          r.rejects.length + r.reviews.length + r.scores.length + r.orders.length,
        ).toBeGreaterThanOrEqual(0);
      }
  });

  it('keeps zod and lib/model.ts value imports out of the adapter (content-script size)', () => {
    const src = readFileSync(new URL(`./${id}.ts`, import.meta.url), 'utf8');
    const valueImports = [...src.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]);
    expect(
      valueImports.filter((m) => /^(zod|\.\.\/model$)/.test(m!)),
      `use \`import type\` for lib/model.ts and zod in lib/platforms/${id}.ts (dayKey lives in lib/keys.ts)`,
    ).toEqual([]);
  });
});

describe.each(ADAPTERS.filter((a) => a.readDom).map((a) => [a.id, a] as const))(
  'DOM fallback of %s',
  (id, adapter) => {
    it('reads at least one record from each saved page', () => {
      const pages = fixtureFiles(id).filter((f) => f.endsWith('.html'));
      expect(
        pages.length,
        `add a saved page to lib/platforms/__fixtures__/${id}/ (*.html) for readDom`,
      ).toBeGreaterThan(0);
      for (const page of pages) {
        const doc = new new Window().DOMParser().parseFromString(readFixture(id, page), 'text/html');
        const r = adapter.readDom!(doc as unknown as Document, new URL(adapter.sampleUrls[0]!));
        expect(r.reviews.length + r.orders.length, `${id}/${page}: readDom found no table`).toBeGreaterThan(
          0,
        );
      }
    });
  },
);
