/**
 * Edit, check, copy a reply draft. The compliance check runs on every keystroke (the same check as
 * templates and model output); a blocked text cannot be copied and the reason is shown in Chinese.
 * Saving sends it to the background, and "生成回复" on the console then fills this text.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging';
import type { Review } from '@/lib/model';
import { templateDraft, toChecked, type AnnotateContext } from '@/lib/replies/annotate';
import { checkCompliance } from '@/lib/replies/compliance';
import { replyLength, REPLY_LIMITS } from '@/lib/replies/limits';
import type { CheckedDraft } from '@/lib/replies/store';
import type { TextAnalysis } from '@/lib/text/types';
import {
  MIN_TEMPLATE_SAMPLE,
  bestFor,
  templateMatcher,
  type TemplateWinback,
} from '@/lib/boards/template-winback';
import { fillSlots } from '@/lib/replies/draft';
import { templateName } from './useTemplateWinback';

export interface DraftEditorProps {
  review: Review;
  analysis: TextAnalysis;
  draft: CheckedDraft;
  ctx: AnnotateContext;
  modelEnabled: boolean;
  /** 挽回率 per template for this store (absent while loading). */
  winback?: TemplateWinback;
}

const pct0 = (v: number) => `${Math.round(v * 100)} %`;

/** The 话术 the text in the box comes from, its 挽回率, and the best one of its category to switch to. */
function TemplateWin(props: { text: string; p: DraftEditorProps; onUse: (text: string) => void }) {
  const { p } = props;
  const match = useMemo(() => templateMatcher(p.ctx.templates), [p.ctx.templates]);
  const t = match(props.text);
  const slots = useMemo(
    () => templateDraft(p.review, p.analysis, p.ctx).slots,
    [p.review, p.analysis, p.ctx.templates],
  );
  if (!p.winback || !t || t.category === 'positive') return null;
  const row = p.winback.byId.get(t.id);
  const best = bestFor(p.winback, t.category);
  const stat = !row?.sent
    ? '还没有用这条话术回复过的已结束差评'
    : row.enough
      ? `挽回率 ${pct0(row.rate ?? 0)}（${row.wonBack}/${row.sent}）`
      : `挽回率 ${pct0(row.rate ?? 0)}（${row.wonBack}/${row.sent}，样本不足 ${MIN_TEMPLATE_SAMPLE} 条，仅供参考）`;
  return (
    <div class="muted" style="font-size:12px" data-testid="draft-template" data-template={t.id}>
      话术 {templateName(t)} · <span data-testid="draft-template-rate">{stat}</span>
      {best?.template && best.id !== t.id && (
        <>
          {' '}
          ·{' '}
          <button
            style="font-size:12px;padding:1px 6px"
            data-testid="use-best-template"
            data-template={best.id}
            onClick={() => props.onUse(fillSlots(best.template!.text, slots))}
          >
            换成同类挽回最多的 {templateName(best.template)}（{pct0(best.rate ?? 0)}）
          </button>
        </>
      )}
    </div>
  );
}

export function DraftEditor(p: DraftEditorProps) {
  const [text, setText] = useState(p.draft.text);
  const [source, setSource] = useState<'user' | 'model'>('user');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  // A new draft from outside (settings changed, saved elsewhere) replaces an untouched box.
  useEffect(() => setText(p.draft.text), [p.draft.text]);
  const check = useMemo(
    () => toChecked(checkCompliance(text, { platform: p.review.platform }), 'saved'),
    [text],
  );
  const dirty = text !== p.draft.text;
  const run = async (label: string, fn: () => Promise<string | void>) => {
    setBusy(true);
    setNote('');
    try {
      setNote((await fn()) ?? '');
    } catch (e) {
      setNote(`${label}失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    run('保存', async () => {
      await sendMessage('ui-bg/save-draft', { reviewKey: p.review.key, text, source });
      return check.insertable
        ? '已保存：控制台上的“生成回复”将填入这份回复'
        : '已保存，但未通过合规检查，不能插入';
    });
  const another = () => {
    setText(templateDraft(p.review, p.analysis, p.ctx, text).text);
    setSource('user');
  };
  const model = () =>
    run('AI 起草', async () => {
      const r = await sendMessage('ui-bg/model-draft', { reviewKey: p.review.key, previous: text });
      setText(r.check.text);
      setSource(r.source === 'model' ? 'model' : 'user');
      return r.source === 'model' ? 'AI 已起草，请检查后保存' : `已改用模板：${r.fallbackReason ?? ''}`;
    });
  const copy = () =>
    run('复制', async () => {
      await navigator.clipboard.writeText(text);
      return '已复制';
    });
  const reset = () =>
    run('恢复', async () => {
      await sendMessage('ui-bg/save-draft', { reviewKey: p.review.key, text: null });
      return '已恢复为模板回复';
    });
  const limit = REPLY_LIMITS[p.review.platform].maxChars;
  return (
    <div class="stack" style="margin-top:8px" data-testid="draft-editor">
      <textarea
        aria-label="回复草稿"
        rows={4}
        value={text}
        onInput={(e) => (setText((e.target as HTMLTextAreaElement).value), setSource('user'))}
        style="width:100%;font:inherit;padding:6px;border:1px solid var(--line);border-radius:6px;resize:vertical"
      />
      <div class="spread">
        <span
          class={`tag ${check.verdict === 'ok' ? 'good' : check.verdict === 'warn' ? 'warn' : 'bad'}`}
          data-testid="draft-verdict"
        >
          {check.verdict === 'ok' ? '合规检查通过' : check.verdict === 'warn' ? '有提示' : '不合规：不能插入'}
        </span>
        <span class="muted" style="font-size:11px">
          {replyLength(text)}/{limit} 字{p.draft.source === 'saved' && !dirty ? ' · 已保存的回复' : ''}
        </span>
      </div>
      <TemplateWin text={text} p={p} onUse={(t) => (setText(t), setSource('user'))} />
      {check.issues.length > 0 && (
        <ul style="margin:0;padding-left:18px;font-size:12px" data-testid="draft-issues">
          {check.issues.map((i, k) => (
            <li key={k} style={`color:var(--${i.severity === 'block' ? 'bad' : 'warn'})`}>
              {i.message}
            </li>
          ))}
        </ul>
      )}
      <div class="row" style="flex-wrap:wrap">
        <button class="primary" disabled={busy || !check.insertable} onClick={copy}>
          复制
        </button>
        <button disabled={busy || !dirty} onClick={save}>
          保存
        </button>
        <button disabled={busy} onClick={another}>
          换一个
        </button>
        {p.modelEnabled && (
          <button disabled={busy} onClick={model}>
            AI 起草
          </button>
        )}
        {p.draft.source === 'saved' && (
          <button disabled={busy} onClick={reset}>
            恢复模板
          </button>
        )}
      </div>
      {note && (
        <div class="muted" style="font-size:12px" role="status">
          {note}
        </div>
      )}
    </div>
  );
}
