/**
 * A loopback HTTP server over the demo handler, for browsing the consoles by hand:
 *   npx tsx demo/serve.ts [--port 8787] [--seed 7] [--now 2026-11-22T10:00:00+08:00]
 * The console host comes from `?host=`, else the Host header if it is a demo host, else the host the last
 * page opened with `?host=` (a cookie), else 抖店.
 */
import { createServer, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { cookie } from './consoles/http';
import { createDemoHandler, DEMO_SITES, type DemoHandler } from './server';

/** Starts the server on 127.0.0.1 and resolves once it listens. */
export function serveDemo(handler: DemoHandler, port = 8787): Promise<Server> {
  const fallbackHost = handler.hosts[0] ?? 'fxg.jinritemai.com';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const local = new URL(req.url ?? '/', 'http://127.0.0.1');
      const hostHeader = (req.headers.host ?? '').split(':')[0] ?? '';
      // A page opened with ?host= remembers its host in a cookie, so its scripts and links need none.
      const remembered = cookie(req.headers.cookie ? { cookie: req.headers.cookie } : undefined, 'demo_host');
      const host =
        local.searchParams.get('host') ??
        (hostHeader in DEMO_SITES
          ? hostHeader
          : remembered && remembered in DEMO_SITES
            ? remembered
            : fallbackHost);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const out = handler({
        method: req.method ?? 'GET',
        url: new URL(`${local.pathname}${local.search}`, `https://${host}`),
        body: Buffer.concat(chunks).toString('utf8'),
        headers,
      });
      const isPage = out?.contentType.startsWith('text/html') === true;
      res.writeHead(out?.status ?? 404, {
        ...out?.headers,
        ...(isPage && local.searchParams.has('host') ? { 'set-cookie': `demo_host=${host}; Path=/` } : {}),
        'content-type': out?.contentType ?? 'text/plain; charset=utf-8',
      });
      res.end(out?.body ?? 'not found');
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const port = Number(arg('port') ?? 8787);
  const now = arg('now');
  const handler = createDemoHandler({
    seed: Number(arg('seed') ?? 7),
    now: now ? Date.parse(now) : undefined,
  });
  void serveDemo(handler, port).then(() => {
    console.log(
      `demo consoles on http://127.0.0.1:${port}/ffa/maftersale/comment (${handler.world.shop.name})`,
    );
  });
}
