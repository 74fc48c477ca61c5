import { defineContentScript } from '#imports';
import { startCapture } from '@/lib/capture/start';
import { taobao } from '@/lib/platforms/taobao';

export default defineContentScript({
  matches: [...taobao.hosts],
  runAt: 'document_start',
  main(ctx) {
    startCapture(ctx, taobao);
  },
});
