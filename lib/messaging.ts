/**
 * The one protocol map. Names give direction: `cs-bg/*` content script → background (untrusted: the
 * background re-validates and requires `sender.tab` on a console host), `ui-bg/*` extension page →
 * background (accepted only from our own pages). One handler per type, all registered in the background.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CaptureBatch, IngestResult } from './capture/batch';

export interface ProtocolMap {
  /** A batch of captured records from a console page. */
  'cs-bg/capture'(data: CaptureBatch): IngestResult;
  /** The merchant looked at the popup: clear the "new records" badge. */
  'ui-bg/badge-seen'(): void;
}

const quiet = { debug() {}, log() {}, warn: console.warn, error: console.error };

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>({ logger: quiet });
