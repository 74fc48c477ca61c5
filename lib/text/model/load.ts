/**
 * Loading the learned model (issue #11). `analyzeText` stays synchronous: it asks `currentModel()`, which
 * starts loading on first use and returns the model once it is there (until then, and whenever loading
 * fails, analysis falls back to the lexicon alone and `textModelStatus()` says why).
 * - Node (benchmarks, tests, scripts): the file is read synchronously on first use.
 * - Browser (service worker, extension pages): a dynamic import of a separate chunk, so the model is never
 *   in a content script nor in the popup's or side panel's initial JS; pages call `loadTextModel()` early.
 */
import { decodeModel, type TextModel } from './model';

export type TextModelStatus =
  | { state: 'unloaded' }
  | { state: 'loading' }
  | { state: 'ready'; features: number }
  | { state: 'failed'; reason: string };

let model: TextModel | undefined;
let status: TextModelStatus = { state: 'unloaded' };
let pending: Promise<TextModelStatus> | undefined;

const FILE = 'text-model.v1.json';

function install(raw: unknown): TextModelStatus {
  try {
    model = decodeModel(raw);
    status = { state: 'ready', features: model.weights.length / model.heads.length };
  } catch (e) {
    model = undefined;
    status = { state: 'failed', reason: e instanceof Error ? e.message : String(e) };
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

/** Node's fs when running in Node (never bundled: reached through `process.getBuiltinModule`). */
function nodeFs(): NodeFs | undefined {
  const p = (globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } })
    .process;
  if (!p?.versions?.node || typeof p.getBuiltinModule !== 'function') return undefined;
  return p.getBuiltinModule('fs') as NodeFs;
}

function loadSync(fs: NodeFs): TextModelStatus {
  try {
    const dir = decodeURIComponent(new URL('.', import.meta.url).pathname);
    return install(JSON.parse(fs.readFileSync(dir + FILE, 'utf8')));
  } catch (e) {
    return fail(e);
  }
}

/** Loads the model (once); resolves with the resulting status, never rejects. */
export function loadTextModel(): Promise<TextModelStatus> {
  if (status.state === 'ready' || status.state === 'failed') return Promise.resolve(status);
  if (pending) return pending;
  const fs = import.meta.url.startsWith('file:') ? nodeFs() : undefined;
  if (fs) return Promise.resolve(loadSync(fs));
  status = { state: 'loading' };
  pending = import('./text-model.v1.json').then(
    (m: { default: unknown }) => install(m.default),
    (e: unknown) => fail(e),
  );
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

/** Tests and the corrupt-file fallback: install a given file content (or unload with `undefined`). */
export function setTextModelForTesting(raw: unknown): TextModelStatus {
  pending = undefined;
  if (raw === undefined) {
    model = undefined;
    status = { state: 'unloaded' };
    return status;
  }
  return install(raw);
}
