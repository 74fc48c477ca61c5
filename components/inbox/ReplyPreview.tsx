/**
 * Live preview in options: a sample review drafted with the templates and ladder being edited (not yet
 * saved), its compliance check, and — when model drafting is on — a try with the model.
 */
import { useMemo, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging';
import type { Review } from '@/lib/model';
import { templateDraft, toChecked } from '@/lib/replies/annotate';
import { effectiveLadder, mergeTemplates, type ReplySettings } from '@/lib/replies/schema';
import type { CheckedDraft } from '@/lib/replies/store';
import { analyzeReview } from '@/lib/text/analyze';
import { useTextModel } from '../useTextModel';
import { CATEGORY_LABEL } from '@/lib/text/types';

const sample = (text: string, star: number): Review => ({
  key: 'sample|preview',
  storeKey: 'sample',
  platform: 'douyin',
  reviewId: 'preview',
  createdAt: 0,
  star,
  text,
  appends: [],
  images: 0,
  videos: 0,
  replied: false,
  source: 'import',
  capturedAt: 0,
  updatedAt: 0,
});

function Checked({ d }: { d: CheckedDraft }) {
  return (
    <div class="stack">
      <div class="text reply" data-testid="preview-text">
        {d.text}
      </div>
      <span class={`tag ${d.verdict === 'ok' ? 'good' : d.verdict === 'warn' ? 'warn' : 'bad'}`}>
        {d.verdict === 'ok' ? '合规检查通过' : d.verdict === 'warn' ? '有提示' : '不合规：不能插入'}
      </span>
      {d.issues.map((i, k) => (
        <div key={k} style={`font-size:12px;color:var(--${i.severity === 'block' ? 'bad' : 'warn'})`}>
          {i.message}
        </div>
      ))}
    </div>
  );
}

export function ReplyPreview(props: { settings: ReplySettings; modelEnabled: boolean }) {
  const [text, setText] = useState('衣服洗了一次就起球了，客服也不理人');
  const [star, setStar] = useState(1);
  const [previous, setPrevious] = useState<string | undefined>();
  const [model, setModel] = useState<{ d?: CheckedDraft; note: string } | undefined>();
  const review = useMemo(() => sample(text, star), [text, star]);
  const textModel = useTextModel().state;
  const analysis = useMemo(() => analyzeReview(review), [review, textModel]);
  const draft = useMemo(() => {
    const ctx = { templates: mergeTemplates(props.settings), ladder: effectiveLadder(props.settings) };
    return templateDraft(review, analysis, ctx, previous);
  }, [review, analysis, props.settings, previous]);
  const tryModel = async () => {
    setModel({ note: '正在请求模型…' });
    try {
      const r = await sendMessage('ui-bg/model-draft', { sample: { text, star }, previous: draft.text });
      setModel({
        d: r.check,
        note: r.source === 'model' ? '模型起草（已通过合规检查）' : `已改用模板：${r.fallbackReason ?? ''}`,
      });
    } catch (e) {
      setModel({ note: `失败：${String(e)}` });
    }
  };
  return (
    <div class="stack" data-testid="reply-preview">
      <div class="row">
        <select
          aria-label="星级"
          value={star}
          onChange={(e) => setStar(Number((e.target as HTMLSelectElement).value))}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}★
            </option>
          ))}
        </select>
        <input
          aria-label="示例评价"
          value={text}
          style="flex:1;font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:6px"
          onInput={(e) => (setText((e.target as HTMLInputElement).value), setPrevious(undefined))}
        />
      </div>
      <div class="muted" style="font-size:12px">
        识别为：{analysis.categories.map((c) => CATEGORY_LABEL[c]).join('、') || '无具体问题'} · 话术{' '}
        {draft.templateId}
      </div>
      <Checked d={toChecked(draft.compliance, 'template')} />
      <div class="row">
        <button onClick={() => setPrevious(draft.text)}>换一个</button>
        {props.modelEnabled && <button onClick={() => void tryModel()}>用模型试一试（已保存的设置）</button>}
      </div>
      {model && (
        <div class="stack">
          <div class="muted">{model.note}</div>
          {model.d && <Checked d={model.d} />}
        </div>
      )}
    </div>
  );
}
