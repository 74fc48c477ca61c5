/**
 * Match-pattern test for our own host lists (scheme://host/* only). Tiny on purpose: the main-world hook
 * uses it to find the platform of the page it runs in.
 */
import type { PlatformId } from '../model';
import { PLATFORM_HOSTS } from './hosts';

export function patternMatches(pattern: string, url: URL): boolean {
  const m = /^(https?):\/\/([^/]+)\/\*$/.exec(pattern);
  return !!m && url.protocol === `${m[1]}:` && url.hostname === m[2];
}

export function platformOfUrl(url: URL): PlatformId | undefined {
  for (const [id, patterns] of Object.entries(PLATFORM_HOSTS) as [PlatformId, readonly string[]][]) {
    if (patterns.some((p) => patternMatches(p, url))) return id;
  }
  return undefined;
}
