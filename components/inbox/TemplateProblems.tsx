/**
 * A template text as typed: what it reads like with sample slot values (live preview), and what is
 * wrong with it — unknown {slots} and compliance issues, in Chinese.
 */
import { fillSlots } from '@/lib/replies/draft';
import { validateTemplate } from '@/lib/replies/schema';

const SAMPLE = { 买家: '亲', 商品: '这款卫衣', 问题: '起球问题', 补救: '为您免费补发同款' };

/** Whether a text may be saved as a template (no blocking problem). */
export const templateOk = (text: string): boolean =>
  text.trim() !== '' &&
  !validateTemplate(text).some((p) => p.kind === 'unknown_slot' || p.issue?.severity === 'block');

export function Problems({ text }: { text: string }) {
  if (!text.trim()) return null;
  const problems = validateTemplate(text);
  return (
    <div class="stack" style="font-size:12px">
      <div class="reply text" data-testid="template-example">
        <span class="muted">示例：</span>
        {fillSlots(text, SAMPLE)}
      </div>
      {problems.length > 0 ? (
        <ul style="margin:2px 0;padding-left:18px" data-testid="template-problems">
          {problems.map((p, i) => (
            <li key={i} style={`color:var(--${p.issue?.severity === 'warn' ? 'warn' : 'bad'})`}>
              {p.message}
            </li>
          ))}
        </ul>
      ) : (
        <span class="tag good">合规检查通过</span>
      )}
    </div>
  );
}
