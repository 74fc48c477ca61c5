/**
 * Background-side validation of what content scripts send. The envelope is validated strictly; record
 * arrays row by row (lib/background/ingest.ts) so that one bad row is rejected alone.
 */
import * as z from 'zod/mini';
import { OfficialScore, Order, PlatformId, Rejection, Review, Source, StoreIdentity } from '../model';
import { MAX_ROWS_PER_MESSAGE } from './batch';

const identity = { key: true, storeKey: true, capturedAt: true, updatedAt: true } as const;

export const ReviewDraftSchema = z.omit(Review, identity);
export const OrderDraftSchema = z.omit(Order, identity);
export const ScoreDraftSchema = z.omit(OfficialScore, { key: true, storeKey: true, capturedAt: true });

export const CaptureBatchSchema = z.object({
  platform: PlatformId,
  endpoint: z.string().check(z.maxLength(100)),
  page: z.string().check(z.maxLength(300)),
  source: Source,
  store: z.optional(StoreIdentity),
  reviews: z.array(z.unknown()).check(z.maxLength(MAX_ROWS_PER_MESSAGE)),
  orders: z.array(z.unknown()).check(z.maxLength(MAX_ROWS_PER_MESSAGE)),
  scores: z.array(z.unknown()).check(z.maxLength(20)),
  rejects: z.array(Rejection).check(z.maxLength(200)),
  seen: z.number().check(z.int(), z.gte(0)),
  bytes: z.number().check(z.gte(0)),
  login: z.optional(z.string().check(z.regex(/^[0-9a-f]{8}$/))),
  drift: z.optional(
    z.object({
      missing: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50)),
      fields: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(80)),
      // Checked again by lib/capture/redact.ts isRedacted before it is stored.
      sample: z.optional(z.unknown()),
    }),
  ),
});
