/**
 * Saving the model settings: validate, ask for the endpoint's host permission (first, while the click's
 * user gesture lasts: Chrome only prompts then), store, and say what happened in Chinese.
 */
import { originPattern } from '@/lib/background/reviews-model';
import type { ReplyModelPrefs } from '@/lib/settings';

export interface SaveDeps {
  request(origins: string[]): Promise<boolean>;
  store(v: ReplyModelPrefs): Promise<void>;
}

/** Returns the note to show; stores only valid settings (switched off = always valid). */
export async function saveModelPrefs(v: ReplyModelPrefs, deps: SaveDeps): Promise<string> {
  const pattern = originPattern(v.baseUrl);
  if (v.enabled && (!pattern || !v.model.trim()))
    return '请填写有效的接口地址（https，或本机 http://127.0.0.1）和模型名称';
  const granted = !v.enabled || !pattern ? true : await deps.request([pattern]).catch(() => false);
  await deps.store({ ...v, baseUrl: v.baseUrl.trim(), model: v.model.trim() });
  if (!v.enabled) return '已保存：模型起草已关闭';
  return granted
    ? `已保存并获得 ${pattern} 的访问权限`
    : '已保存，但未获得该地址的访问权限：请求可能失败，失败时自动改用模板';
}
