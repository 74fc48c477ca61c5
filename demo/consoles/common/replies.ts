/**
 * Replies posted through a simulated console's own 提交: recorded in `world.submittedReplies` with the
 * platform, so tests can assert the extension fills reply boxes but never submits, and shown in the
 * list afterwards (as of the moment they were posted).
 */
import type { PlatformId } from '../../../lib/model';
import type { World } from '../../generator/types';

/** The reply length every simulated console accepts. */
export const MAX_REPLY_CHARS = 500;

/** Records one submission as it arrived (whatever its content) and says what the console answers. */
export function recordReply(
  world: World,
  platform: PlatformId,
  commentId: string,
  content: string,
  raw: string,
  at: number,
): 'ok' | 'empty' | 'too_long' {
  world.submittedReplies.push({ platform, commentId, content, at, raw });
  if (content.trim() === '') return 'empty';
  return content.length > MAX_REPLY_CHARS ? 'too_long' : 'ok';
}

/** The latest non-empty reply posted on `platform` for `commentId` at or before `t`. */
export function postedReply(
  world: World,
  platform: PlatformId,
  commentId: string,
  t: number,
): { text: string; at: number } | undefined {
  for (let i = world.submittedReplies.length - 1; i >= 0; i--) {
    const s = world.submittedReplies[i];
    if (
      s?.platform === platform &&
      s.commentId === commentId &&
      s.at <= t &&
      s.content.trim() !== '' &&
      s.content.length <= MAX_REPLY_CHARS
    )
      return { text: s.content, at: s.at };
  }
  return undefined;
}

/** A JSON object body, or a form body as strings (the consoles post either); {} for anything else. */
export function bodyOf(body: string | undefined): Record<string, unknown> {
  const raw = body ?? '';
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return Object.fromEntries(new URLSearchParams(raw));
  }
}

/** A request field as a string ('' when absent). */
export const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
