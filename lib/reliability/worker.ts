/**
 * The service worker in a unit test: `startWorker()` loads a fresh copy of every background module (as
 * Chrome does when it restarts a stopped worker — module state is gone, IndexedDB and chrome.storage
 * are not) and registers the background in WXT's fake browser. `send` delivers a message the way
 * chrome.runtime does, with a sender we choose, so sender checks run for real.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundOptions } from '../background/index';
import type { KoubeiDb } from '../db';
import type { ProtocolMap } from '../messaging';
import type { SenderLike } from '../background/senders';

export type MessageType = keyof ProtocolMap;
export interface Reply<T = unknown> {
  res?: T;
  err?: { message: string };
  /** No handler for this type is registered in this build. */
  unhandled?: true;
}

export interface TestWorker {
  send<T = unknown>(type: MessageType, data: unknown, sender: SenderLike): Promise<Reply<T>>;
  /** Chrome stops the worker: listeners and module state go, in-flight work dies with the db handle. */
  stop(): Promise<void>;
  /** The worker's own database handle (to install Dexie hooks that simulate storage faults). */
  db: KoubeiDb;
}

let seq = 0;

/** Delivers `type` like chrome.runtime.onMessage would (webext-core's message shape). */
export function deliver<T>(type: string, data: unknown, sender: SenderLike): Promise<Reply<T>> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no handler answered ${type}`)), 10_000);
    const done = (r: Reply<T>) => {
      clearTimeout(t);
      resolve(r);
    };
    const message = { id: ++seq, type, data, timestamp: Date.now() };
    // A listener returns true when it will answer; all false means no handler for the type.
    // The fake's trigger is typed (message, sender); chrome passes sendResponse third, and so does it.
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...a: unknown[]) => Promise<unknown[]>;
    void trigger(message, sender, done).then(
      (r: unknown[]) => r.some((x) => x === true) || done({ unhandled: true }),
    );
  });
}

export async function startWorker(opts: BackgroundOptions = {}): Promise<TestWorker> {
  vi.resetModules();
  const bg = await import('../background/index');
  const dbModule = await import('../db');
  // The fake browser has no side panel; the worker only sets its behaviour.
  bg.registerBackground(opts);
  return {
    db: dbModule.getDb(),
    send: (type, data, sender) => deliver(type, data, sender),
    async stop() {
      fakeBrowser.runtime.onMessage.removeAllListeners();
      fakeBrowser.alarms.onAlarm.removeAllListeners();
      dbModule.getDb().close();
    },
  };
}

/**
 * A stopped worker's timers still fire in a unit test (in Chrome they die with it) and meet the closed
 * database: those DatabaseClosedErrors are expected. Anything else is returned for the test to assert on.
 */
export function trapStoppedWorkerErrors(): () => string[] {
  const other: string[] = [];
  process.on('unhandledRejection', (e) => {
    if ((e as { name?: string } | null)?.name !== 'DatabaseClosedError') other.push(String(e));
  });
  return () => other.splice(0);
}

export const EXT_ID = 'test-extension-id';
export const consoleSender = (url: string, tab = 7, documentId = `doc-${tab}`): SenderLike => ({
  id: EXT_ID,
  url,
  tab: { id: tab },
  frameId: 0,
  documentId,
});
export const pageSender = (path = 'sidepanel.html'): SenderLike => ({
  id: EXT_ID,
  url: `chrome-extension://${EXT_ID}/${path}`,
});
