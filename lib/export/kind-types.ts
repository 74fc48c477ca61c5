/** Types shared by the export kind descriptors (see ./kinds.ts), and the store columns every kind starts with. */
import type { Store } from '../model';
import { PLATFORM_NAMES } from '../platforms/index';
import type { CellType } from './csv';

export type Cell = string | number | boolean | undefined;

/** Context every accessor gets (store names for the 店铺 column). */
export interface RowContext {
  stores: ReadonlyMap<string, Store>;
}

export interface Column<T> {
  header: string;
  type: CellType;
  get(row: T, ctx: RowContext): Cell;
}

/** How one store's rows are read in chunks. */
export type Scan<T> =
  | {
      /** A compound index `[storeKey+field]`; rows come out ordered by `field`. */
      index: string;
      field: keyof T & string;
      /** Inclusive lower / exclusive upper bound of `field` for a day range (YYYY-MM-DD, inclusive). */
      bounds(from?: string, to?: string): [unknown, unknown];
      /**
       * Primary keys are `${storeKey}|…` too: without a day range the rows are read by key instead, which
       * is about twice as fast in Chromium (an index read looks every record up a second time).
       */
      byKeyWhenUnfiltered?: boolean;
    }
  | {
      /** Primary keys are `${storeKey}|…`; `keep` applies the day range. */
      prefix: true;
      keep(row: T, from?: string, to?: string): boolean;
    };

export interface ExportKind<T = unknown> {
  id: string;
  /** Chinese name, also the XLSX sheet name (≤ 31 chars, no []:*?/\). */
  label: string;
  table: string;
  scan: Scan<T>;
  columns: readonly Column<T>[];
}

/** Store and platform columns every kind starts with. */
export function storeColumns<T extends { storeKey: string; platform: Store['platform'] }>(): Column<T>[] {
  return [
    {
      header: '店铺',
      type: 'text',
      get: (r, c) => c.stores.get(r.storeKey)?.name ?? c.stores.get(r.storeKey)?.shopId,
    },
    { header: '店铺ID', type: 'id', get: (r, c) => c.stores.get(r.storeKey)?.shopId },
    { header: '平台', type: 'text', get: (r) => PLATFORM_NAMES[r.platform] },
  ];
}
