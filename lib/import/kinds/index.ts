/** The importable platform export files, one line each (a new kind = one file + one line). */
import { douyinOrders } from './douyin-orders';
import { douyinReviews } from './douyin-reviews';
import { pddOrders } from './pdd-orders';
import { taobaoOrders } from './taobao-orders';
import type { ImportKind } from './types';

export const IMPORT_KINDS: readonly ImportKind[] = [
  douyinReviews as ImportKind,
  douyinOrders as ImportKind,
  pddOrders as ImportKind,
  taobaoOrders as ImportKind,
];
