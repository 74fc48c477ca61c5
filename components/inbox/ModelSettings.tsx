/**
 * Optional model drafting (off by default): an OpenAI-compatible endpoint, model and key. The host
 * permission for that endpoint is requested when the merchant saves it switched on — the only time the
 * extension asks for a host outside the consoles (manifest `optional_host_permissions`).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { chatCompletionsUrl } from '@/lib/background/reviews-model';
import { replyModelItem, type ReplyModelPrefs } from '@/lib/settings';
import { useStorageItem } from '../hooks';
import { saveModelPrefs } from './model-save';

const field = 'flex:1;font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:6px';

export function ModelSettings() {
  const [stored] = useStorageItem(replyModelItem);
  const [v, setV] = useState<ReplyModelPrefs | undefined>();
  const [note, setNote] = useState('');
  useEffect(() => {
    if (stored && !v) setV(stored);
  }, [stored]);
  if (!v) return <div class="muted">加载中…</div>;
  const set = (patch: Partial<ReplyModelPrefs>) => setV({ ...v, ...patch });
  const save = async () =>
    setNote(
      await saveModelPrefs(v, {
        request: (origins) => browser.permissions.request({ origins }),
        store: (x) => replyModelItem.setValue(x),
      }),
    );
  const url = v.baseUrl ? chatCompletionsUrl(v.baseUrl) : undefined;
  return (
    <div class="stack" data-testid="model-settings">
      <label class="row">
        <input
          type="checkbox"
          checked={v.enabled}
          onChange={(e) => set({ enabled: (e.target as HTMLInputElement).checked })}
        />
        用模型起草回复（默认关闭；不开启时完全使用本地话术模板，离线可用）
      </label>
      <div class="row">
        <span style="width:72px">接口地址</span>
        <input
          aria-label="接口地址"
          style={field}
          value={v.baseUrl}
          placeholder="https://api.example.com/v1"
          onInput={(e) => set({ baseUrl: (e.target as HTMLInputElement).value })}
        />
      </div>
      {v.baseUrl && (
        <div class="muted" style="font-size:12px">
          {url ? `请求地址：${url.toString()}` : '地址无效：需 https，或本机 http（127.0.0.1 / localhost）'}
        </div>
      )}
      <div class="row">
        <span style="width:72px">模型</span>
        <input
          aria-label="模型"
          style={field}
          value={v.model}
          placeholder="如 deepseek-chat、qwen-plus"
          onInput={(e) => set({ model: (e.target as HTMLInputElement).value })}
        />
      </div>
      <div class="row">
        <span style="width:72px">API Key</span>
        <input
          aria-label="API Key"
          type="password"
          autoComplete="off"
          style={field}
          value={v.apiKey}
          onInput={(e) => set({ apiKey: (e.target as HTMLInputElement).value })}
        />
      </div>
      <p class="muted" style="font-size:12px;margin:0">
        API Key 保存在本机浏览器的扩展本地存储（chrome.storage.local，<code>local:</code>
        ）中，只随请求发送到上面的接口地址，不会上传到别处。发送给模型的内容：这条评价的文字（含追评）、识别出的问题类别、模板起草的参考回复和店铺话术示例；不含买家昵称、订单号。模型的回复同样经过合规检查，未通过或请求失败时自动改用模板。
      </p>
      <div class="row">
        <button class="primary" onClick={() => void save()}>
          保存
        </button>
        <span class="muted" role="status">
          {note}
        </span>
      </div>
    </div>
  );
}
