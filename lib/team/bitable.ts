/**
 * 飞书多维表格 board (issue #14): the merchant's own 飞书 app (app id/secret) keeps tables of a base in
 * sync, idempotently by a record key — search the keys already there, `batch_update` those, `batch_create`
 * the rest, never duplicating; missing fields are created with their types first. Contracts and batch
 * sizes: docs/team.md. The API calls go through `fetchFn` (tests: the local mock).
 */

/** 飞书 bitable field types used here: 1 多行文本, 2 数字, 5 日期 (ms). */
export type FieldType = 1 | 2 | 5;
export interface FieldSpec {
  name: string;
  type: FieldType;
}
export type Fields = Record<string, string | number | null>;

/** Records per batch_create/batch_update call and search page (documented maxima: 1000 / 1000 / 500). */
export const BATCH = 500;
const TOKEN_MARGIN_MS = 5 * 60_000;
/** Token missing/invalid/expired: fetch a new one and try once more. */
const TOKEN_CODES = new Set([99991661, 99991663, 99991668]);

export class BitableError extends Error {
  constructor(
    readonly code: number | string,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiDeps {
  appId: string;
  appSecret: string;
  /** https://open.feishu.cn (default) or the mock's origin. */
  baseUrl?: string;
  fetchFn: typeof fetch;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class FeishuApi {
  private token: { value: string; expiresAt: number } | undefined;
  private readonly base: string;
  /** API calls made (figures in tests). */
  calls = 0;

  constructor(private d: ApiDeps) {
    this.base = (d.baseUrl ?? 'https://open.feishu.cn').replace(/\/+$/, '');
  }

  private async tenantToken(force: boolean): Promise<string> {
    if (!force && this.token && this.token.expiresAt - TOKEN_MARGIN_MS > this.d.now())
      return this.token.value;
    const res = await this.d.fetchFn(`${this.base}/open-apis/auth/v3/tenant_access_token/internal`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ app_id: this.d.appId, app_secret: this.d.appSecret }),
    });
    const j = (await res.json()) as {
      code: number;
      msg: string;
      tenant_access_token?: string;
      expire?: number;
    };
    if (j.code !== 0 || !j.tenant_access_token)
      throw new BitableError(
        j.code,
        `获取 tenant_access_token 失败：${j.code} ${j.msg}（请检查 App ID / App Secret）`,
      );
    this.token = { value: j.tenant_access_token, expiresAt: this.d.now() + (j.expire ?? 7200) * 1000 };
    return this.token.value;
  }

  /** One API call with token refresh, and waits on rate limits/5xx (bounded). Returns `data`. */
  async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const token = await this.tenantToken(false);
      this.calls++;
      const res = await this.d.fetchFn(`${this.base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=utf-8' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      let j: { code?: number; msg?: string; data?: T } = {};
      try {
        j = JSON.parse(text) as typeof j;
      } catch {
        /* a gateway page: handled by status below */
      }
      if (res.status < 300 && j.code === 0) return j.data as T;
      if (j.code !== undefined && TOKEN_CODES.has(j.code) && !refreshed) {
        refreshed = true;
        await this.tenantToken(true);
        continue;
      }
      const limited = res.status === 429 || j.code === 99991400;
      if ((limited || res.status >= 500) && attempt < 6) {
        const reset = Number(res.headers.get('x-ogw-ratelimit-reset'));
        await (this.d.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(
          reset > 0 ? reset * 1000 : 500 * 2 ** attempt,
        );
        continue;
      }
      throw new BitableError(j.code ?? res.status, `${j.code ?? res.status} ${j.msg ?? text.slice(0, 200)}`);
    }
  }
}

const tablePath = (app: string, table: string) =>
  `/open-apis/bitable/v1/apps/${encodeURIComponent(app)}/tables/${encodeURIComponent(table)}`;

/** Creates the fields of `specs` the table lacks; returns the names created. */
export async function ensureFields(api: FeishuApi, app: string, table: string, specs: readonly FieldSpec[]) {
  const have = new Set<string>();
  let pageToken = '';
  do {
    const q = `?page_size=100${pageToken ? `&page_token=${encodeURIComponent(pageToken)}` : ''}`;
    const data = await api.call<{
      items?: { field_name: string }[];
      has_more?: boolean;
      page_token?: string;
    }>('GET', `${tablePath(app, table)}/fields${q}`);
    for (const f of data.items ?? []) have.add(f.field_name);
    pageToken = data.has_more ? (data.page_token ?? '') : '';
  } while (pageToken);
  const created: string[] = [];
  for (const s of specs.filter((x) => !have.has(x.name))) {
    await api.call('POST', `${tablePath(app, table)}/fields`, { field_name: s.name, type: s.type });
    created.push(s.name);
  }
  return created;
}

/** A text cell as search returns it: a string, or rich-text segments `[{ type: 'text', text }]`. */
export function cellText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v))
    return v.map((s: { text?: unknown }) => (typeof s?.text === 'string' ? s.text : '')).join('');
  return undefined;
}

/** Existing records' ids by their key field. */
export async function recordIdsByKey(api: FeishuApi, app: string, table: string, keyField: string) {
  const out = new Map<string, string>();
  let pageToken = '';
  do {
    const q = `?page_size=${BATCH}${pageToken ? `&page_token=${encodeURIComponent(pageToken)}` : ''}`;
    const data = await api.call<{
      items?: { record_id: string; fields: Record<string, unknown> }[];
      has_more?: boolean;
      page_token?: string;
    }>('POST', `${tablePath(app, table)}/records/search${q}`, { field_names: [keyField] });
    for (const it of data.items ?? []) {
      const k = cellText(it.fields[keyField]);
      if (k) out.set(k, it.record_id);
    }
    pageToken = data.has_more ? (data.page_token ?? '') : '';
  } while (pageToken);
  return out;
}

export interface UpsertResult {
  created: number;
  updated: number;
  fieldsCreated: string[];
}

/** Idempotent upsert of `rows` (each has `keyField`) into one table, in batches of `BATCH`. */
export async function upsertTable(
  api: FeishuApi,
  app: string,
  table: string,
  keyField: string,
  specs: readonly FieldSpec[],
  rows: readonly Fields[],
): Promise<UpsertResult> {
  const fieldsCreated = await ensureFields(api, app, table, specs);
  const ids = await recordIdsByKey(api, app, table, keyField);
  const updates: { record_id: string; fields: Fields }[] = [];
  const creates: { fields: Fields }[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const key = String(r[keyField]);
    if (seen.has(key)) continue; // one record per key even if the caller repeats one
    seen.add(key);
    const id = ids.get(key);
    if (id) updates.push({ record_id: id, fields: r });
    else creates.push({ fields: r });
  }
  for (let i = 0; i < updates.length; i += BATCH)
    await api.call('POST', `${tablePath(app, table)}/records/batch_update`, {
      records: updates.slice(i, i + BATCH),
    });
  for (let i = 0; i < creates.length; i += BATCH)
    await api.call('POST', `${tablePath(app, table)}/records/batch_create`, {
      records: creates.slice(i, i + BATCH),
    });
  return { created: creates.length, updated: updates.length, fieldsCreated };
}
