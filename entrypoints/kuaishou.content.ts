import { defineContentScript } from '#imports';
import { startCapture } from '@/lib/capture/start';
import { kuaishou } from '@/lib/platforms/kuaishou';

export default defineContentScript({
  matches: [...kuaishou.hosts],
  runAt: 'document_start',
  main(ctx) {
    startCapture(ctx, kuaishou);
  },
});
