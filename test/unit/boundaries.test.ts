import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundaryViolations, rendererFolderCycles } from '../../scripts/check-boundaries.mjs';

describe('import boundaries (npm run lint)', () => {
  it('hold in the project', async () => {
    expect(await boundaryViolations()).toEqual([]);
  });

  it('catch a cycle, Electron in the core, the renderer reaching into the core, a cycle of renderer folders and a shared folder importing a feature', async () => {
    const violations = await boundaryViolations(join(import.meta.dirname, '..', 'fixtures', 'boundaries'));
    const rules = violations.map((v) => `${v.rule} ${v.from}`).sort();
    expect(rules).toEqual([
      'core-belongs-to-no-process src/core/shell.ts',
      'no-cycles src/core/notes.ts',
      'renderer-folders-without-cycles src/renderer/src/notes',
      'renderer-shared-folders-import-no-feature src/renderer/src/ui/chip.ts',
      'renderer-talks-through-the-contract src/renderer/page.ts'
    ]);
  });

  it('name each step of a cycle of renderer folders by one of its imports', async () => {
    const violations = await boundaryViolations(join(import.meta.dirname, '..', 'fixtures', 'boundaries'));
    const cycle = violations.find((v) => v.rule === 'renderer-folders-without-cycles');
    expect(cycle?.to).toBe(
      'score → notes (src/renderer/src/notes/card.ts imports src/renderer/src/score/cue-link.ts; ' +
        'src/renderer/src/score/panel.ts imports src/renderer/src/notes/excerpt.ts)'
    );
  });

  it('find the smallest cycle of folders inside a larger knot, and leave one-way imports alone', () => {
    const module = (source: string, ...imports: string[]) => ({
      source: `src/renderer/src/${source}`,
      dependencies: imports.map((i) => ({ resolved: `src/renderer/src/${i}` }))
    });
    const modules = [
      module('cues/list.tsx', 'player/dock.tsx', 'tags/chip.tsx'),
      module('player/dock.tsx', 'recordings/picker.tsx'),
      module('recordings/picker.tsx', 'cues/colour.ts'),
      module('cues/colour.ts'),
      module('tags/chip.tsx', 'ui/button.tsx'),
      module('ui/button.tsx'),
      module('App.tsx', 'cues/list.tsx')
    ];
    expect(rendererFolderCycles(modules)).toEqual([
      {
        rule: 'renderer-folders-without-cycles',
        from: 'src/renderer/src/cues',
        to:
          'player → recordings → cues (src/renderer/src/cues/list.tsx imports src/renderer/src/player/dock.tsx; ' +
          'src/renderer/src/player/dock.tsx imports src/renderer/src/recordings/picker.tsx; ' +
          'src/renderer/src/recordings/picker.tsx imports src/renderer/src/cues/colour.ts)'
      }
    ]);
    expect(rendererFolderCycles(modules.filter((m) => !m.source.endsWith('picker.tsx')))).toEqual([]);
  });
});
