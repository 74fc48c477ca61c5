/**
 * The 话术库 editor: default templates can be switched off or rewritten (a rewrite is the merchant's own
 * template with the default's id), new ones added. Every text is checked as typed (unknown {slots},
 * compliance); a blocked one cannot be saved.
 */
import { useState } from 'preact/hooks';
import { mergeTemplates, type ReplySettings } from '@/lib/replies/schema';
import { DEFAULT_TEMPLATES } from '@/lib/replies/templates';
import { REPLY_CATEGORIES, type ReplyCategory, type TemplateSeverity } from '@/lib/replies/types';
import { REPLY_CATEGORY_LABEL, SEVERITY_LABEL } from './labels';
import { Problems, templateOk } from './TemplateProblems';

const SEVERITIES: TemplateSeverity[] = ['severe', 'moderate', 'mild', 'any'];
const inputStyle = 'width:100%;font:inherit;padding:6px;border:1px solid var(--line);border-radius:6px';

export function TemplateEditor(props: { value: ReplySettings; onChange(v: ReplySettings): void }) {
  const [category, setCategory] = useState<ReplyCategory>('quality');
  const [editing, setEditing] = useState<{ id: string; text: string } | undefined>();
  const [fresh, setFresh] = useState({ severity: 'any' as TemplateSeverity, text: '' });
  const s = props.value;
  const defaults = new Map(DEFAULT_TEMPLATES.map((t) => [t.id, t]));
  const mine = new Map(s.templates.map((t) => [t.id, t]));
  // Every template of the category, switched-off ones included (so they can be switched on again).
  const rows = [
    ...DEFAULT_TEMPLATES.filter((t) => t.category === category).map((t) => ({ ...t, ...mine.get(t.id) })),
    ...s.templates.filter((t) => t.category === category && !defaults.has(t.id)),
  ];
  const active = new Set(mergeTemplates(s).map((t) => t.id));
  const upsert = (t: ReplySettings['templates'][number]) =>
    props.onChange({ ...s, templates: [...s.templates.filter((x) => x.id !== t.id), t] });
  const toggle = (id: string, on: boolean) => {
    const own = mine.get(id);
    if (own) return upsert({ ...own, enabled: on });
    const off = new Set(s.disabledDefaults);
    if (on) off.delete(id);
    else off.add(id);
    props.onChange({ ...s, disabledDefaults: [...off] });
  };
  const remove = (id: string) => props.onChange({ ...s, templates: s.templates.filter((t) => t.id !== id) });
  const saveEdit = () => {
    if (!editing) return;
    const base = rows.find((r) => r.id === editing.id);
    if (base)
      upsert({
        id: base.id,
        category: base.category,
        severity: base.severity,
        text: editing.text,
        enabled: true,
      });
    setEditing(undefined);
  };
  const add = () => {
    upsert({
      id: `my-${crypto.randomUUID().slice(0, 8)}`,
      category,
      severity: fresh.severity,
      text: fresh.text.trim(),
    });
    setFresh({ ...fresh, text: '' });
  };
  return (
    <div class="stack" data-testid="template-editor">
      <div class="row" style="flex-wrap:wrap">
        {REPLY_CATEGORIES.map((c) => (
          <button
            key={c}
            class={c === category ? 'primary' : ''}
            onClick={() => (setCategory(c), setEditing(undefined))}
          >
            {REPLY_CATEGORY_LABEL[c]}
          </button>
        ))}
      </div>
      <div class="muted" style="font-size:12px">
        可用占位符：{'{买家} {商品} {问题} {补救}'}。同一场景有多条话术时轮换使用，避免千篇一律。
      </div>
      <ul class="list">
        {rows.map((t) => (
          <li key={t.id} style={active.has(t.id) ? '' : 'opacity:.55'}>
            <div class="spread">
              <span class="row" style="gap:4px">
                <span class="tag">{SEVERITY_LABEL[t.severity]}</span>
                <span class="tag">
                  {defaults.has(t.id) ? (mine.has(t.id) ? '默认·已改写' : '默认') : '自定义'}
                </span>
              </span>
              <span class="row" style="gap:4px">
                <label class="row" style="gap:2px">
                  <input
                    type="checkbox"
                    checked={active.has(t.id)}
                    onChange={(e) => toggle(t.id, (e.target as HTMLInputElement).checked)}
                  />
                  启用
                </label>
                <button onClick={() => setEditing({ id: t.id, text: t.text })}>编辑</button>
                {mine.has(t.id) && (
                  <button onClick={() => remove(t.id)}>{defaults.has(t.id) ? '还原' : '删除'}</button>
                )}
              </span>
            </div>
            {editing?.id === t.id ? (
              <div class="stack" style="margin-top:6px">
                <textarea
                  rows={3}
                  style={inputStyle}
                  value={editing.text}
                  onInput={(e) => setEditing({ id: t.id, text: (e.target as HTMLTextAreaElement).value })}
                />
                <Problems text={editing.text} />
                <div class="row">
                  <button class="primary" disabled={!templateOk(editing.text)} onClick={saveEdit}>
                    确定
                  </button>
                  <button onClick={() => setEditing(undefined)}>取消</button>
                </div>
              </div>
            ) : (
              <div class="text" style="margin-top:4px">
                {t.text}
              </div>
            )}
          </li>
        ))}
      </ul>
      <div class="card stack">
        <b>新增「{REPLY_CATEGORY_LABEL[category]}」话术</b>
        {category !== 'positive' && (
          <select
            value={fresh.severity}
            onChange={(e) =>
              setFresh({ ...fresh, severity: (e.target as HTMLSelectElement).value as TemplateSeverity })
            }
          >
            {SEVERITIES.map((v) => (
              <option key={v} value={v}>
                {SEVERITY_LABEL[v]}
              </option>
            ))}
          </select>
        )}
        <textarea
          aria-label="新话术"
          rows={3}
          style={inputStyle}
          value={fresh.text}
          placeholder="{买家}您好，非常抱歉{问题}，我们{补救}。"
          onInput={(e) => setFresh({ ...fresh, text: (e.target as HTMLTextAreaElement).value })}
        />
        <Problems text={fresh.text} />
        <div>
          <button class="primary" disabled={!templateOk(fresh.text)} onClick={add}>
            添加
          </button>
        </div>
      </div>
    </div>
  );
}
