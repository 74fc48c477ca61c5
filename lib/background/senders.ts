/**
 * Who may send what (Dark Reader / Bitwarden practice): content-script messages must come from a tab on a
 * console host of the platform they claim; UI messages only from the extension's own pages.
 */
import type { PlatformId } from '../model';
import { PLATFORM_HOSTS } from '../platforms/hosts';
import { patternMatches } from '../platforms/match';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  documentId?: string;
  frameId?: number;
}

export class ForbiddenSender extends Error {}

/** Returns a key identifying the sending document (tab + document), or throws. */
export function requireConsoleTab(sender: SenderLike, platform: PlatformId, extensionId: string): string {
  if (sender.id !== extensionId) throw new ForbiddenSender('消息不是来自本扩展');
  if (sender.tab?.id === undefined || !sender.url) throw new ForbiddenSender('采集消息必须来自控制台标签页');
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    throw new ForbiddenSender('发送方地址无效');
  }
  if (!PLATFORM_HOSTS[platform].some((p) => patternMatches(p, url))) {
    throw new ForbiddenSender(`采集消息来自 ${url.hostname}，不是 ${platform} 的控制台`);
  }
  return `${sender.tab.id}:${sender.documentId ?? sender.frameId ?? 0}`;
}

/** UI commands: only from chrome-extension://<our id>/… pages, never from a tab's content script. */
export function requireExtensionPage(sender: SenderLike, extensionOrigin: string): void {
  if (!sender.url || !sender.url.startsWith(extensionOrigin))
    throw new ForbiddenSender('界面命令只接受来自扩展自身页面');
}
