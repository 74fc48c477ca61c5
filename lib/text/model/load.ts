/**
 * Loading the learned model (issue #11). `analyzeText` stays synchronous: it asks `currentModel()`, which
 * starts loading on first use and returns the model once it is there (until then, and whenever loading
 * fails, analysis falls back to the lexicon alone and `textModelStatus()` says why, shown in 采集健康).
 * - Node (benchmarks, tests, scripts): public/text-model.v1.json is read synchronously on first use.
 * - Extension (service worker, extension pages): the same file, a packaged resource, is fetched from the
 *   extension's own origin on first use. Not a module import: a module service worker may not `import()`,
 *   and the model must stay out of content scripts and the pages' initial JS. Content scripts never
 *   call the analyzer.
 */
import { decodeModel, type TextModel } from './model';

export type TextModelStatus =
  | { state: 'unloaded' }
  | { state: 'loading' }
  | { state: 'ready'; features: number }
  | { state: 'failed'; reason: string };

/** File name in public/ (and so at the root of the built extension). Bump with MODEL_VERSION. */
export const MODEL_FILE_NAME = 'text-model.v1.json';

let model: TextModel | undefined;
let status: TextModelStatus = { state: 'unloaded' };
let pending: Promise<TextModelStatus> | undefined;

function install(raw: unknown): TextModelStatus {
  try {
    model = decodeModel(raw);
    status = { state: 'ready', features: model.weights.length / model.heads.length };
  } catch (e) {
    return fail(e);
  }
  return status;
}

function fail(e: unknown): TextModelStatus {
  model = undefined;
  status = { state: 'failed', reason: e instanceof Error ? e.message : String(e) };
  return status;
}

interface NodeFs {
  readFileSync(path: string, enc: 'utf8'): string;
}
type NodeProcess = { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown };

/** This module's URL; empty where a bundler dropped `import.meta` (e.g. an IIFE build). */
const moduleUrl = (): string => (typeof import.meta.url === 'string' ? import.meta.url : '');

/** Node's fs when this module runs from a file in Node (reached at run time, never bundled). */
function nodeFs(): NodeFs | undefined {
  if (!moduleUrl().startsWith('file:')) return undefined;
  const p = (globalThis as { process?: NodeProcess }).process;
  if (!p?.versions?.node || typeof p.getBuiltinModule !== 'function') return undefined;
  return p.getBuiltinModule('fs') as NodeFs;
}

function loadSync(fs: NodeFs): TextModelStatus {
  try {
    const path = decodeURIComponent(new URL(moduleUrl()).pathname).replace(
      /lib\/text\/model\/[^/]+$/,
      `public/${MODEL_FILE_NAME}`,
    );
    return install(JSON.parse(fs.readFileSync(path, 'utf8')));
  } catch (e) {
    return fail(e);
  }
}

/** The packaged file's URL in the extension (chrome.runtime.getURL), or undefined outside one. */
function extensionUrl(): string | undefined {
  const rt = (globalThis as { chrome?: { runtime?: { getURL?: (p: string) => string } } }).chrome?.runtime;
  return typeof rt?.getURL === 'function' ? rt.getURL(`/${MODEL_FILE_NAME}`) : undefined;
}

async function loadFetch(url: string): Promise<TextModelStatus> {
  try {
    const res = await fetch(url);
    if (!res.ok) return fail(new Error(`${MODEL_FILE_NAME}: HTTP ${res.status}`));
    return install(await res.json());
  } catch (e) {
    return fail(e);
  }
}

/** Loads the model (once); resolves with the resulting status, never rejects. */
export function loadTextModel(): Promise<TextModelStatus> {
  if (status.state === 'ready' || status.state === 'failed') return Promise.resolve(status);
  if (pending) return pending;
  const fs = nodeFs();
  if (fs) return Promise.resolve(loadSync(fs));
  const url = extensionUrl();
  if (!url) return Promise.resolve(fail(new Error('no model file in this context')));
  status = { state: 'loading' };
  pending = loadFetch(url);
  return pending;
}

/** The model if loaded; starts loading on first call. Undefined while loading or after a failure. */
export function currentModel(): TextModel | undefined {
  if (status.state === 'unloaded') void loadTextModel();
  return model;
}

export function textModelStatus(): TextModelStatus {
  return status;
}

/** Tests: install a given file content (a corrupt one fails like a corrupt file), or reset with `undefined`. */
export function setTextModelForTesting(raw: unknown): TextModelStatus {
  pending = undefined;
  if (raw === undefined) {
    model = undefined;
    status = { state: 'unloaded' };
    return status;
  }
  return install(raw);
}
