import { describe, expect, it } from 'vitest';
import { mulberry32, shuffleInPlace } from './random';

describe('shuffleInPlace', () => {
  it('permutes in place, the same way for the same seed', () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    const b = [...a];
    expect(shuffleInPlace(a, mulberry32(7))).toBe(a);
    shuffleInPlace(b, mulberry32(7));
    expect(a).toEqual(b);
    expect(a).not.toEqual([...a].sort((x, y) => x - y));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(shuffleInPlace(b, mulberry32(8))).not.toEqual(a);
  });
});
