import { defineUnlistedScript } from '#imports';
import { startPageUi } from '@/lib/capture/page-ui';
import { PAGE_UI_KEY } from '@/lib/capture/page-ui-loader';

/**
 * The console page's UI (review overlay, walker), imported by the content script the first time the page
 * captures a list (lib/capture/page-ui-loader.ts). It runs in the content scripts' isolated world and
 * leaves its entry point there; the page itself cannot see it.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<symbol, unknown>)[PAGE_UI_KEY] = startPageUi;
});
