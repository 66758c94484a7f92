import { describe, expect, it } from 'vitest';
import { lineAt } from '../../src/shared/subtitle-at-time';

const line = (id: number, startMs: number, endMs: number) => ({ id, startMs, endMs, text: `line ${id}` });

describe('the subtitle at the playhead', () => {
  const lines = [line(1, 1000, 3000), line(2, 5000, 9000), line(3, 6000, 7000), line(4, 12_000, 14_000)];

  it('is the line running then, none between lines, and the later of two that overlap', () => {
    expect(lineAt(lines, 0)).toBeNull();
    expect(lineAt(lines, 1000)?.id).toBe(1);
    expect(lineAt(lines, 2999)?.id).toBe(1);
    expect(lineAt(lines, 3000)).toBeNull();
    expect(lineAt(lines, 5500)?.id).toBe(2);
    expect(lineAt(lines, 6500)?.id).toBe(3);
    expect(lineAt(lines, 8000)?.id).toBe(2);
    expect(lineAt(lines, 13_999)?.id).toBe(4);
    expect(lineAt(lines, 20_000)).toBeNull();
    expect(lineAt([], 1000)).toBeNull();
  });

  it('agrees with reading every line, at every time', () => {
    const many = Array.from({ length: 300 }, (_, i) => line(i, i * 1000, i * 1000 + (i % 3 === 0 ? 1500 : 700)));
    for (let ms = 0; ms < 301_000; ms += 97) {
      const running = many.filter((l) => l.startMs <= ms && ms < l.endMs).at(-1) ?? null;
      expect(lineAt(many, ms)).toBe(running);
    }
  });
});
