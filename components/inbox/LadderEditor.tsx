/** The compensation ladder: what the shop offers per star level, for the problem — never for a review. */
import type { CompensationStep } from '@/lib/replies/types';
import { checkCompliance } from '@/lib/replies/compliance';

export function LadderEditor(props: {
  value: readonly CompensationStep[];
  onChange(v: CompensationStep[]): void;
}) {
  const steps = [...props.value];
  const set = (i: number, patch: Partial<CompensationStep>) =>
    props.onChange(steps.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  return (
    <div class="stack" data-testid="ladder">
      <div class="muted" style="font-size:12px">
        填入回复的 {'{补救}'}
        ：按评价星级取最低一档。补偿只为解决问题，回复里不能与好评挂钩（合规检查会拦截）。
      </div>
      {steps.map((s, i) => {
        const issue = checkCompliance(s.text).issues[0];
        return (
          <div key={i} class="row">
            <select
              aria-label="适用星级"
              value={s.maxStars}
              onChange={(e) => set(i, { maxStars: Number((e.target as HTMLSelectElement).value) })}
            >
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  ≤{n}★
                </option>
              ))}
            </select>
            <input
              aria-label="补救措施"
              value={s.text}
              maxLength={100}
              style="flex:1;font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:6px"
              onInput={(e) => set(i, { text: (e.target as HTMLInputElement).value })}
            />
            <button onClick={() => props.onChange(steps.filter((_, k) => k !== i))}>删除</button>
            {issue && (
              <span class={`tag ${issue.severity === 'block' ? 'bad' : 'warn'}`}>{issue.message}</span>
            )}
          </div>
        );
      })}
      {steps.length < 5 && (
        <div>
          <button
            onClick={() => props.onChange([...steps, { maxStars: 3, text: '为您赠送一份小礼品表达歉意' }])}
          >
            添加一档
          </button>
        </div>
      )}
    </div>
  );
}
