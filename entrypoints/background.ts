import { defineBackground } from '#imports';
import { registerBackground } from '@/lib/background/index';

export default defineBackground({
  type: 'module',
  main() {
    registerBackground();
  },
});
