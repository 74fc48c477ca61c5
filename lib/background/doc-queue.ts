/**
 * One console document's messages are handled one at a time, in the order they arrived (issue #12).
 *
 * A content script dispatches what its page says about its store and its batches without waiting for
 * each answer: a page left right after a response must still hand it over, and the content script dies
 * on unload. Chrome delivers one frame's messages in order; this queue keeps them in that order while they
 * are handled, so a batch never overtakes the identity sent before it. Documents do not wait for each
 * other.
 */
export type DocQueue = <T>(doc: string, fn: () => Promise<T>) => Promise<T>;

export function docQueue(): DocQueue {
  const tails = new Map<string, Promise<void>>();
  return <T>(doc: string, fn: () => Promise<T>): Promise<T> => {
    const prev = tails.get(doc) ?? Promise.resolve();
    const run = prev.then(fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(doc, tail);
    // Forget an idle document (the map holds only documents with work in flight).
    void tail.then(() => {
      if (tails.get(doc) === tail) tails.delete(doc);
    });
    return run;
  };
}
