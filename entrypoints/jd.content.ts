import { defineContentScript } from '#imports';
import { startCapture } from '@/lib/capture/start';
import { jd } from '@/lib/platforms/jd';

export default defineContentScript({
  matches: [...jd.hosts],
  runAt: 'document_start',
  main(ctx) {
    startCapture(ctx, jd);
  },
});
