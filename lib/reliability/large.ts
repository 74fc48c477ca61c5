/**
 * A large 抖店 capture for the fault suites: `pages` commentList responses of `rows` reviews each, built
 * from the clean fixture's first row with unique ids and times, plus the overview response that tells
 * the content script which shop it is on.
 */
import { readFileSync } from 'node:fs';
import type { HookMessage } from '../capture/channel';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(new URL(`../platforms/__fixtures__/douyin/${name}.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

export const SHOP_ID = '4461234';
export const COMMENTS_PAGE = 'https://fxg.jinritemai.com/ffa/maftersale/comment';
const API = 'https://fxg.jinritemai.com';

const message = (path: string, body: unknown): HookMessage => {
  const text = JSON.stringify(body);
  return {
    url: `${API}${path}`,
    method: 'GET',
    status: 200,
    contentType: 'application/json',
    text,
    bytes: text.length,
    at: 0,
  };
};

/** The overview response (carries shop_id, so batches name their store). */
export function overviewMessage(): HookMessage {
  return message('/governance/shop/experiencescore/getOverviewByVersion', fixture('getOverviewByVersion'));
}

/** Review id of row `i` of page `p` (19 digits, like 抖店's). */
export const reviewIdOf = (p: number, i: number): string =>
  String(7_350_000_000_000_000_000n + BigInt(p * 1000 + i));

/** `pages` comment-list responses of `rows` rows each. */
export function commentPages(pages: number, rows: number): HookMessage[] {
  const template = (fixture('commentList').data as Record<string, unknown>[])[0]!;
  return Array.from({ length: pages }, (_, p) =>
    message(`/product/tcomment/commentList?page=${p}&pageSize=${rows}`, {
      code: 0,
      st: 0,
      msg: '',
      data: Array.from({ length: rows }, (_, i) => ({
        ...template,
        id: reviewIdOf(p, i),
        comment_time: 1_763_420_000 - p * 3600 - i * 7,
        rank_product: 1 + ((p + i) % 5),
        content: `第${p + 1}页第${i + 1}条：物流很快，包装完好`,
      })),
    }),
  );
}
