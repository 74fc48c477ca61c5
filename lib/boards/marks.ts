/** The day the merchant marked on the 评价引导 board per store (e.g. "开始附赠使用指南"), YYYY-MM-DD. */
import { storage } from 'wxt/utils/storage';

export interface BoardMark {
  day: string;
  note: string;
}

export const boardMarks = storage.defineItem<Record<string, BoardMark>>('local:boardMarks', {
  fallback: {},
});
