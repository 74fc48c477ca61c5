import { defineContentScript } from '#imports';
import { hookChannel } from '@/lib/capture/channel';
import { installHook } from '@/lib/capture/hook';
import { matchEndpoint } from '@/lib/platforms/endpoints';
import { CONSOLE_HOST_PATTERNS } from '@/lib/platforms/hosts';
import { platformOfUrl } from '@/lib/platforms/match';

/** Main-world hook: copies whitelisted JSON responses (read-only) to the isolated content script. */
export default defineContentScript({
  matches: [...CONSOLE_HOST_PATTERNS],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    const platform = platformOfUrl(new URL(location.href));
    if (!platform) return;
    const post = hookChannel(window);
    installHook(window, (url) => matchEndpoint(platform, url, location.hostname) !== undefined, post);
  },
});
