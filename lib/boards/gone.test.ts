import { describe, expect, it } from 'vitest';
import { addSeen, goneReviews } from './gone';

const stored = Array.from({ length: 40 }, (_, i) => ({ key: `r${i}`, createdAt: 1000 + i }));

describe('goneReviews', () => {
  it('marks the few stored reviews a complete walk no longer showed', () => {
    const span = addSeen(
      addSeen(
        undefined,
        stored.slice(0, 20).filter((r) => r.key !== 'r3'),
      ),
      stored.slice(20).filter((r) => r.key !== 'r30'),
    );
    expect(span).toMatchObject({ from: 1000, to: 1039 });
    expect(goneReviews(span, stored)).toEqual({ gone: ['r3', 'r30'], stored: 40, shown: 38 });
  });

  it('marks nothing after a walk of a filtered list (most of the span missing)', () => {
    const span = addSeen(
      undefined,
      stored.filter((_, i) => i % 5 === 0),
    );
    expect(goneReviews(span, stored)).toMatchObject({ gone: [], skipped: 'filtered' });
  });

  it('looks only inside the span the walk covered, and skips reviews already gone', () => {
    const span = addSeen(
      undefined,
      stored.slice(10, 20).filter((r) => r.key !== 'r15' && r.key !== 'r12'),
    );
    const withGone = stored.map((r) => (r.key === 'r12' ? { ...r, goneAt: 5 } : r));
    expect(goneReviews(span, withGone, 0.25)).toEqual({ gone: ['r15'], stored: 10, shown: 8 });
    expect(goneReviews(addSeen(undefined, []), stored)).toMatchObject({ gone: [], skipped: 'empty' });
  });
});
