/**
 * `POST /product/tcomment/reply` [G path]: the console's own 提交. Every call is recorded in
 * `world.submittedReplies` so tests can assert the extension fills the box but never submits.
 */
import type { World } from '../../generator/types';
import type { DemoRequest, DemoResponse } from '../http';
import { fail, ok } from './envelope';
import { reviewIndex } from './view';

/** Reads `comment_id` and `content` from a JSON or form body. */
function fields(body: string): { commentId: string; content: string } {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return {
      commentId: String(parsed.comment_id ?? parsed.id ?? ''),
      content: String(parsed.content ?? parsed.reply ?? ''),
    };
  } catch {
    const form = new URLSearchParams(body);
    return { commentId: form.get('comment_id') ?? form.get('id') ?? '', content: form.get('content') ?? '' };
  }
}

/** Records the submission and answers like the console. */
export function submitReply(world: World, req: DemoRequest, t: number): DemoResponse {
  const raw = req.body ?? '';
  const { commentId, content } = fields(raw);
  world.submittedReplies.push({ commentId, content, at: t, raw });
  if (content.trim() === '') return fail(10001, '回复内容不能为空');
  if (content.length > 500) return fail(10002, '回复内容不能超过500字');
  if (reviewIndex(world, commentId) === undefined) return fail(10008, '评价不存在');
  return ok({ comment_id: commentId, reply_time: Math.floor(t / 1000) });
}
