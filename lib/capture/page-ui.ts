/**
 * The console page's own UI — the review overlay (tags, 可疑, countdown, 生成回复) and the walker
 * (自动翻页采集) — as one module that is **not** in the content script's first load (issue #15, content
 * scripts ≤ 20 kB gzip): `entrypoints/page-ui.ts` builds it as `page-ui.js`, and the content script
 * imports it the first time the page captures a review or order list (lib/capture/page-ui-loader.ts).
 * Pages that never show a list (dashboards, score pages, settings) never load it.
 *
 * Everything it needs from the content script is passed in: it imports neither the messaging layer nor
 * the clock, so it does not carry a second copy of them.
 */
import type { AnnotateResult, ReviewAnnotation } from '../replies/store';
import type { ReviewCategory } from '../text/types';
import type { PlatformAdapter } from '../platforms/types';
import { startReviewOverlay } from '../overlay/reviews';
import type { Capture } from './content';
import { startWalkerController, type WalkerPersistence } from './walker-controller';

export interface PageUiDeps {
  adapter: PlatformAdapter;
  doc: Document;
  /** Handled captures, the ones before the module loaded replayed first (page-ui-loader.ts). */
  capture: Pick<Capture, 'onHandled'>;
  pageUrl: () => URL;
  now: () => number;
  annotate(ids: string[]): Promise<AnnotateResult>;
  correct(reviewId: string, categories: ReviewCategory[]): Promise<ReviewAnnotation | null>;
  copy(text: string): Promise<void>;
  persist: WalkerPersistence;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Told when a walk starts and ends (walker-controller.ts). */
  walking?: (on: boolean) => void;
}

export type StartPageUi = (d: PageUiDeps) => () => void;

/** Starts the overlay (consoles whose adapter knows its reply box) and the walker; returns a stop function. */
export const startPageUi: StartPageUi = (d) => {
  const stops: (() => void)[] = [];
  if (d.adapter.replyBox)
    stops.push(
      startReviewOverlay({
        box: d.adapter.replyBox,
        doc: d.doc,
        capture: d.capture,
        annotate: d.annotate,
        correct: d.correct,
        now: d.now,
        copy: d.copy,
      }),
    );
  stops.push(
    startWalkerController({
      adapter: d.adapter,
      doc: d.doc,
      capture: d.capture,
      pageUrl: d.pageUrl,
      persist: d.persist,
      now: d.now,
      sleep: d.sleep,
      random: d.random,
      walking: d.walking,
    }),
  );
  return () => stops.forEach((s) => s());
};
