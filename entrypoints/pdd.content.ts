import { defineContentScript } from '#imports';
import { startCapture } from '@/lib/capture/start';
import { pdd } from '@/lib/platforms/pdd';

export default defineContentScript({
  matches: [...pdd.hosts],
  runAt: 'document_start',
  main(ctx) {
    startCapture(ctx, pdd);
  },
});
