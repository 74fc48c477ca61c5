import { defineContentScript } from '#imports';
import { startCapture } from '@/lib/capture/start';
import { douyin } from '@/lib/platforms/douyin';

export default defineContentScript({
  matches: [...douyin.hosts],
  runAt: 'document_start',
  main(ctx) {
    startCapture(ctx, douyin);
  },
});
