import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundaryViolations } from '../../scripts/check-boundaries.mjs';

describe('import boundaries (npm run lint)', () => {
  it('hold in the project', async () => {
    expect(await boundaryViolations()).toEqual([]);
  });

  it('catch a cycle, Electron in the core and the renderer reaching into the core', async () => {
    const violations = await boundaryViolations(join(import.meta.dirname, '..', 'fixtures', 'boundaries'));
    const rules = violations.map((v) => `${v.rule} ${v.from}`).sort();
    expect(rules).toEqual([
      'core-belongs-to-no-process src/core/shell.ts',
      'no-cycles src/core/notes.ts',
      'renderer-talks-through-the-contract src/renderer/page.ts'
    ]);
  });
});
