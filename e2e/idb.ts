/**
 * Reading the extension's IndexedDB from its service worker (or any extension page) in tests, the demo
 * and benchmarks. The browser-side code is a string so that it survives any TS transpiler (tsx injects
 * `__name` helpers into serialized functions).
 */
import type { Page, Worker } from '@playwright/test';

const OPEN = `const open = indexedDB.open('koubei');
  const db = await new Promise((res, rej) => { open.onsuccess = () => res(open.result); open.onerror = () => rej(open.error); });
  const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });`;

type Target = Worker | Page;

/** Evaluates an expression string in a worker or a page (their `evaluate` overloads don't unify). */
const run = <T>(t: Target, expr: string): Promise<T> => (t as Page).evaluate<T>(expr);

export async function countRows(t: Target): Promise<Record<string, number>> {
  return run(
    t,
    `(async () => { ${OPEN}
    const out = {};
    for (const s of db.objectStoreNames) out[s] = await req(db.transaction(s).objectStore(s).count());
    db.close();
    return out;
  })()`,
  );
}

export async function allRows<T = Record<string, unknown>>(t: Target, store: string): Promise<T[]> {
  return run(
    t,
    `(async () => { ${OPEN}
    const rows = await req(db.transaction(${JSON.stringify(store)}).objectStore(${JSON.stringify(store)}).getAll());
    db.close();
    return rows;
  })()`,
  );
}

/** Writes rows into one object store (tests that seed stored records instead of capturing them). */
export async function putRows(t: Target, store: string, rows: readonly unknown[]): Promise<void> {
  await run(
    t,
    `(async () => { ${OPEN}
    const tx = db.transaction(${JSON.stringify(store)}, 'readwrite');
    const os = tx.objectStore(${JSON.stringify(store)});
    for (const row of ${JSON.stringify(rows)}) os.put(row);
    await new Promise((res, rej) => { tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
    db.close();
  })()`,
  );
}
