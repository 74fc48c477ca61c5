/**
 * 回复话术 (options): internal response deadline, compensation ladder, templates with a live preview,
 * and optional model drafting. Templates and ladder are edited as a draft and saved together; a text
 * that fails the compliance check with a block cannot be saved.
 */
import { useEffect, useState } from 'preact/hooks';
import { checkCompliance } from '@/lib/replies/compliance';
import { DEFAULT_LADDER } from '@/lib/replies/compensation';
import { DEFAULT_REPLY_SETTINGS, effectiveLadder, ReplySettings } from '@/lib/replies/schema';
import { replyDeadlineItem, replySettingsItem } from '@/lib/settings';
import { useStorageItem } from '../hooks';
import { LadderEditor } from '../inbox/LadderEditor';
import { ModelSettings } from '../inbox/ModelSettings';
import { ReplyPreview } from '../inbox/ReplyPreview';
import { TemplateEditor } from '../inbox/TemplateEditor';
import { useModelEnabled } from '../inbox/useReplyContext';

export function RepliesSection() {
  const [stored, setStored] = useStorageItem(replySettingsItem);
  const [prefs, setPrefs] = useStorageItem(replyDeadlineItem);
  const [draft, setDraft] = useState<ReplySettings | undefined>();
  const [note, setNote] = useState('');
  const modelEnabled = useModelEnabled();
  useEffect(() => {
    if (stored && !draft) {
      const parsed = ReplySettings.safeParse(stored);
      setDraft(parsed.success ? parsed.data : DEFAULT_REPLY_SETTINGS);
    }
  }, [stored]);
  if (!draft || !prefs) return <div class="muted">加载中…</div>;
  const ladder = effectiveLadder(draft);
  const ladderBlocked = ladder.some((s) => !s.text.trim() || checkCompliance(s.text).verdict === 'block');
  const save = async () => {
    const parsed = ReplySettings.safeParse(draft);
    if (!parsed.success || ladderBlocked) return setNote('有未通过检查的内容，未保存');
    await setStored(parsed.data);
    setNote('已保存，新的话术与补偿立即生效（收件箱与控制台上的“生成回复”）');
  };
  return (
    <div class="stack">
      <div class="row">
        中差评内部响应时限
        <input
          aria-label="内部响应时限（小时）"
          type="number"
          min={1}
          max={72}
          value={prefs.internalHours}
          style="width:64px;font:inherit;padding:2px 4px"
          onChange={(e) => {
            const h = Number((e.target as HTMLInputElement).value);
            if (h >= 1 && h <= 72) void setPrefs({ ...prefs, internalHours: h });
          }}
        />
        小时 <span class="muted">（收件箱与控制台倒计时；平台自身的回复期另计）</span>
      </div>
      <h3 style="font-size:13px">补偿阶梯</h3>
      <LadderEditor value={ladder} onChange={(l) => setDraft({ ...draft, ladder: l })} />
      {draft.ladder && (
        <div>
          <button onClick={() => setDraft({ ...draft, ladder: [...DEFAULT_LADDER] })}>恢复默认阶梯</button>
        </div>
      )}
      <h3 style="font-size:13px">话术模板</h3>
      <TemplateEditor value={draft} onChange={setDraft} />
      <h3 style="font-size:13px">实时预览</h3>
      <ReplyPreview settings={draft} modelEnabled={modelEnabled} />
      <div class="row">
        <button class="primary" disabled={ladderBlocked} onClick={() => void save()}>
          保存话术与补偿
        </button>
        <span class="muted" role="status">
          {JSON.stringify(draft) !== JSON.stringify(stored) ? '有未保存的修改' : note}
        </span>
      </div>
      <h3 style="font-size:13px">模型起草（可选）</h3>
      <ModelSettings />
    </div>
  );
}
