/**
 * The writing process of the crash-safety test: opens a library the way the hosts do and writes
 * through the contract as fast as it can, printing each write only after the library confirmed it.
 * The test kills it with SIGKILL at a random moment.
 */
import { dispatch } from '../../src/core/dispatch';
import { startLibrary } from '../../src/core/library/startup';

const [home, filmsDir, firstArg] = process.argv.slice(2);
const library = startLibrary({ home, filmsDir });
let n = Number(firstArg);

/** A small film page whose title carries the write's number, so the test can find it. */
function crashFilmPage(k: number): string {
  return [
    `Crash Film ${k}`,
    'A film written by the crash test.',
    `Dialogues from Movie Crash Film ${k}`,
    `Quotes from Movie Crash Film ${k}`,
    `Sound Tracks from Crash Film ${k} by Nobody`,
    `Memorable Scenes from Movie Crash Film ${k}`,
    ...[1, 2, 3].flatMap((s) => [`Scene ${s} of ${k}`, `What happens in scene ${s}.`, `Context: why scene ${s} matters.`])
  ].join('\n');
}

async function write(): Promise<void> {
  for (;;) {
    n += 1;
    const outcome =
      n % 2 === 0
        ? await dispatch(library, 'library.importFilmPage', { fileName: `crash-${n}.txt`, text: crashFilmPage(n) })
        : await dispatch(library, 'scenes.update', { sceneId: 1 + (n % 9), context: `write ${n}` });
    if (!outcome.ok) throw new Error(outcome.error.message);
    // Synchronous, so a confirmation is never printed for a write that was not made.
    process.stdout.write(`confirmed ${n}\n`);
  }
}

void write();
