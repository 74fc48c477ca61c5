/**
 * A local stand-in for the 飞书 open platform parts the board uses (tests only): tenant_access_token/
 * internal (app id/secret checked, tokens expire by the injected clock), bitable fields list/create and
 * records search (paged, rich-text cells)/batch_create/batch_update with their documented batch maxima.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

interface Rec {
  record_id: string;
  fields: Record<string, unknown>;
}

export class MockBitable {
  port = 0;
  private server: Server | undefined;
  private tokens = new Map<string, number>();
  private seq = 0;
  /** Tables by `${app}/${table}`. */
  readonly tables = new Map<
    string,
    { fields: { field_id: string; field_name: string; type: number }[]; records: Rec[] }
  >();
  /** Largest records array seen per endpoint kind. */
  readonly maxBatch = { create: 0, update: 0, searchPage: 0 };
  tokenRequests = 0;
  /** The next n API calls answer 429. */
  rateLimitNext = 0;
  /** Delay before every answer (ms): a stand-in for the real service's round trip in benchmarks. */
  latencyMs = 0;
  /** API calls answered, by kind (`POST records/batch_create`, `token`, …). */
  readonly calls = new Map<string, number>();

  constructor(
    private app: { id: string; secret: string },
    private clock: () => number,
    private expireSec = 7200,
  ) {}

  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }

  addTable(app: string, table: string) {
    this.tables.set(`${app}/${table}`, { fields: [], records: [] });
  }

  async start() {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    const a = this.server.address();
    this.port = typeof a === 'object' && a ? a.port : 0;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const url = new URL(req.url ?? '/', this.origin);
    const send = (status: number, j: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(j));
    };
    if (url.pathname === '/open-apis/auth/v3/tenant_access_token/internal') {
      this.tokenRequests++;
      if (body.app_id !== this.app.id || body.app_secret !== this.app.secret)
        return send(200, { code: 10014, msg: 'app secret invalid' });
      const token = `t-${++this.seq}`;
      this.tokens.set(token, this.clock() + this.expireSec * 1000);
      return send(200, { code: 0, msg: 'ok', tenant_access_token: token, expire: this.expireSec });
    }
    const auth = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const exp = this.tokens.get(auth);
    if (!exp) return send(400, { code: 99991661, msg: 'Missing access token for authorization' });
    if (exp <= this.clock())
      return send(400, { code: 99991663, msg: 'Invalid access token for authorization' });
    if (this.rateLimitNext > 0) {
      this.rateLimitNext--;
      return send(
        429,
        { code: 99991400, msg: 'request trigger frequency limit' },
        { 'x-ogw-ratelimit-reset': '1' },
      );
    }
    const m = url.pathname.match(
      /^\/open-apis\/bitable\/v1\/apps\/([^/]+)\/tables\/([^/]+)\/(fields|records\/\w+)$/,
    );
    const t = m && this.tables.get(`${m[1]}/${m[2]}`);
    if (!m || !t) return send(404, { code: 1254004, msg: 'WrongTableId' });
    const op = `${req.method} ${m[3]}`;
    this.calls.set(op, (this.calls.get(op) ?? 0) + 1);
    const page = (list: unknown[], size: number) => {
      const start = Number(url.searchParams.get('page_token') || 0);
      const items = list.slice(start, start + size);
      const more = start + size < list.length;
      return {
        items,
        has_more: more,
        ...(more ? { page_token: String(start + size) } : {}),
        total: list.length,
      };
    };
    const known = (f: Record<string, unknown>) =>
      Object.keys(f).every((k) => t.fields.some((x) => x.field_name === k));
    switch (op) {
      case 'GET fields':
        return send(200, {
          code: 0,
          msg: 'success',
          data: page(t.fields, Math.min(100, Number(url.searchParams.get('page_size') || 20))),
        });
      case 'POST fields': {
        const field = {
          field_id: `fld${++this.seq}`,
          field_name: String(body.field_name),
          type: Number(body.type),
        };
        if (t.fields.some((f) => f.field_name === field.field_name))
          return send(400, { code: 1254014, msg: 'FieldNameDuplicated' });
        t.fields.push(field);
        return send(200, { code: 0, msg: 'success', data: { field } });
      }
      case 'POST records/search': {
        const size = Number(url.searchParams.get('page_size') || 20);
        if (size > 500) return send(400, { code: 99992402, msg: 'field validation failed: page_size' });
        this.maxBatch.searchPage = Math.max(this.maxBatch.searchPage, size);
        const names = (body.field_names as string[] | undefined) ?? [];
        // Text cells come back as rich-text segments, as the real API returns them.
        const items = t.records.map((r) => ({
          record_id: r.record_id,
          fields: Object.fromEntries(
            Object.entries(r.fields)
              .filter(([k]) => !names.length || names.includes(k))
              .map(([k, v]) => [k, typeof v === 'string' ? [{ type: 'text', text: v }] : v]),
          ),
        }));
        return send(200, { code: 0, msg: 'success', data: page(items, size) });
      }
      case 'POST records/batch_create': {
        const recs = (body.records as { fields: Record<string, unknown> }[]) ?? [];
        if (recs.length > 1000) return send(400, { code: 99992402, msg: 'field validation failed: records' });
        if (!recs.every((r) => known(r.fields)))
          return send(400, { code: 1254045, msg: 'FieldNameNotFound' });
        this.maxBatch.create = Math.max(this.maxBatch.create, recs.length);
        const created = recs.map((r) => ({ record_id: `rec${++this.seq}`, fields: r.fields }));
        t.records.push(...created);
        return send(200, { code: 0, msg: 'success', data: { records: created } });
      }
      case 'POST records/batch_update': {
        const recs = (body.records as Rec[]) ?? [];
        if (recs.length > 1000) return send(400, { code: 99992402, msg: 'field validation failed: records' });
        if (!recs.every((r) => known(r.fields)))
          return send(400, { code: 1254045, msg: 'FieldNameNotFound' });
        this.maxBatch.update = Math.max(this.maxBatch.update, recs.length);
        for (const r of recs) {
          const cur = t.records.find((x) => x.record_id === r.record_id);
          if (!cur) return send(400, { code: 1254043, msg: 'RecordIdNotFound' });
          cur.fields = { ...cur.fields, ...r.fields };
        }
        return send(200, { code: 0, msg: 'success', data: { records: recs } });
      }
    }
    return send(404, { code: 404, msg: 'not found' });
  }
}
