/** What is wrong with a template text as typed: unknown {slots} and compliance issues, in Chinese. */
import { validateTemplate } from '@/lib/replies/schema';

/** Whether a text may be saved as a template (no blocking problem). */
export const templateOk = (text: string): boolean =>
  text.trim() !== '' &&
  !validateTemplate(text).some((p) => p.kind === 'unknown_slot' || p.issue?.severity === 'block');

export function Problems({ text }: { text: string }) {
  const problems = validateTemplate(text);
  if (!problems.length) return null;
  return (
    <ul style="margin:2px 0;padding-left:18px;font-size:12px" data-testid="template-problems">
      {problems.map((p, i) => (
        <li key={i} style={`color:var(--${p.issue?.severity === 'warn' ? 'warn' : 'bad'})`}>
          {p.message}
        </li>
      ))}
    </ul>
  );
}
