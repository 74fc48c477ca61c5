/**
 * What can be exported: one small descriptor per kind — the table, how to read one store's rows in
 * order (an index whose first part is `storeKey`, or the primary key prefix `${storeKey}|`), and the
 * columns (Chinese header, cell type, accessor). Adding a kind (estimated score history, reply drafts,
 * suspicious flags — once their tables exist in lib/db.ts) = one descriptor + one line in EXPORT_KINDS.
 */
import type { ExportKind } from './kind-types';
import { ordersKind } from './kind-orders';
import { reviewsKind } from './kind-reviews';
import { officialScoresKind } from './kind-scores';

export type { Cell, Column, ExportKind, RowContext, Scan } from './kind-types';
export { storeColumns } from './kind-types';
export { officialScoresKind, ordersKind, reviewsKind };

/** The registry: the kinds the 数据 tab offers, in order. */
export const EXPORT_KINDS: readonly ExportKind<never>[] = [
  reviewsKind as ExportKind<never>,
  ordersKind as ExportKind<never>,
  officialScoresKind as ExportKind<never>,
];

export function kindById(id: string): ExportKind<never> | undefined {
  return EXPORT_KINDS.find((k) => k.id === id);
}
