/**
 * Optional model drafting in the service worker: the merchant's OpenAI-compatible endpoint, their key,
 * off by default. The pure parts (prompt, parsing, compliance, fallback) are lib/replies/model-draft.ts;
 * this file only performs the request. Any failure — off, bad URL, network, HTTP error, timeout, a
 * non-compliant answer — returns the template draft with the reason in Chinese.
 */
import type { Review } from '../model';
import { draftInput, templateDraft, toChecked } from '../replies/annotate';
import { draftWithFallback, type ModelCall } from '../replies/model-draft';
import type { ModelDraftReply } from '../replies/store';
import type { CompensationStep, ReplyTemplate } from '../replies/types';
import type { ReplyModelPrefs } from '../settings';
import { analyzeReview } from '../text/analyze';

/** Answers larger than this are not a chat completion for one reply. */
const MAX_RESPONSE_CHARS = 200_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The chat-completions URL for a base URL, or undefined when it is not allowed: https anywhere, plain
 * http only on this computer (a local model server). Credentials in the URL are refused.
 */
export function chatCompletionsUrl(baseUrl: string): URL | undefined {
  let u: URL;
  try {
    u = new URL(baseUrl.trim());
  } catch {
    return undefined;
  }
  if (u.username || u.password) return undefined;
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.has(u.hostname))) return undefined;
  u.search = '';
  u.hash = '';
  if (!u.pathname.endsWith('/chat/completions'))
    u.pathname = `${u.pathname.replace(/\/+$/, '')}/chat/completions`;
  return u;
}

/** The origin pattern to request as an optional host permission, e.g. `https://api.example.com/*`. */
export function originPattern(baseUrl: string): string | undefined {
  const u = chatCompletionsUrl(baseUrl);
  return u ? `${u.protocol}//${u.hostname}/*` : undefined;
}

/** A `ModelCall` that POSTs to the merchant's endpoint with their key. */
export function fetchModelCall(prefs: ReplyModelPrefs, fetchFn: typeof fetch): ModelCall {
  return async (request, signal) => {
    const url = chatCompletionsUrl(prefs.baseUrl);
    if (!url) throw new Error('接口地址无效（需 https，或本机 http）');
    const res = await fetchFn(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(prefs.apiKey ? { authorization: `Bearer ${prefs.apiKey}` } : {}),
      },
      body: JSON.stringify(request),
      signal,
      credentials: 'omit',
      redirect: 'error',
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const text = await res.text();
    if (text.length > MAX_RESPONSE_CHARS) throw new Error('响应过大');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error('响应不是 JSON');
    }
  };
}

export interface ModelDraftDeps {
  prefs: ReplyModelPrefs;
  templates: readonly ReplyTemplate[];
  ladder: readonly CompensationStep[];
  fetchFn: typeof fetch;
  timeoutMs?: number;
}

/** Drafts a reply for `review` with the model, or explains why the template draft is used. */
export async function modelDraft(
  review: Review,
  deps: ModelDraftDeps,
  previous?: string,
): Promise<ModelDraftReply> {
  const analysis = analyzeReview(review);
  const template = (reason: string): ModelDraftReply => ({
    check: toChecked(templateDraft(review, analysis, deps, previous).compliance, 'template'),
    source: 'template',
    fallbackReason: reason,
  });
  const { prefs } = deps;
  if (!prefs.enabled) return template('未启用模型起草（设置 → 回复话术）');
  if (!prefs.model.trim()) return template('未填写模型名称');
  if (!chatCompletionsUrl(prefs.baseUrl)) return template('模型接口地址无效（需 https，或本机 http）');
  const r = await draftWithFallback(
    fetchModelCall(prefs, deps.fetchFn),
    draftInput(review, analysis, deps, previous),
    {
      model: prefs.model.trim(),
      reviewText: [review.text, ...review.appends.map((a) => `追评：${a.text}`)].join('\n'),
      ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
    },
  );
  return {
    check: toChecked(r.compliance, r.source),
    source: r.source,
    ...(r.fallbackReason ? { fallbackReason: r.fallbackReason } : {}),
  };
}
