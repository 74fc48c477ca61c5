/**
 * The contract of one importable platform export file (one file per kind in lib/import/kinds/,
 * registered in ./index.ts). A kind names its columns and turns data rows into drafts; it never
 * touches storage.
 */
import type { ParseResult } from '../../capture/batch';
import type { PlatformId } from '../../model';
import type { FieldMap } from '../columns';
import type { XCell } from '../xlsx-read';

export interface ImportKind<F extends string = string> {
  id: string;
  /** Chinese name shown in the preview, e.g. 抖店 评价导出. */
  label: string;
  platform: PlatformId;
  records: 'reviews' | 'orders';
  fields: FieldMap<F>;
  /**
   * Drafts and per-row rejections. `first` is the 1-based sheet row of `rows[0]` (for messages the
   * merchant can find in Excel).
   */
  parse(rows: readonly XCell[][], index: Partial<Record<F, number>>, first: number): ParseResult;
}

/** A typed cell getter for one row. */
export const getter =
  <F extends string>(row: readonly XCell[], index: Partial<Record<F, number>>) =>
  (f: F): XCell => {
    const i = index[f];
    return i === undefined ? undefined : row[i];
  };
