/**
 * A Reelnotes process of its own for the tests of the library lock and of read-only libraries:
 * `hold <home>` opens the library as the browser host does and keeps it open until its stdin ends;
 * `start <home> <filmsDir>` starts it as a host does, tries a read, a write and a backup through
 * the contract, closes it, and prints what happened as one line of JSON.
 */
import { dispatch } from '../../src/core/dispatch';
import { openLibrary, type Library } from '../../src/core/library/library';
import { startLibrary } from '../../src/core/library/startup';
import { ReelnotesError } from '../../src/shared/errors';

const [command, home, filmsDir] = process.argv.slice(2);

/** Exports the library as JSON and restores it (merge) at once, sent as the app sends it: a read that leads to a write. */
async function restoreItsOwnArchive(library: Library) {
  const exported = await dispatch(library, 'library.exportArchive', {});
  if (!exported.ok) return exported;
  const bytes = Buffer.from((exported.result as { text: string }).text);
  const begun = await dispatch(library, 'library.beginArchiveUpload', { fileName: 'library.json', byteSize: bytes.length });
  if (!begun.ok) return begun;
  const { uploadId } = begun.result as { uploadId: string };
  const sent = await dispatch(library, 'library.archiveChunk', { uploadId, offset: 0, data: bytes.toString('base64') });
  if (!sent.ok) return sent;
  return dispatch(library, 'library.restoreArchive', { uploadId, mode: 'merge' });
}

async function start(): Promise<void> {
  let library;
  try {
    library = startLibrary({ home, filmsDir, holder: 'browser' });
  } catch (error) {
    const refusal = error instanceof ReelnotesError ? error.toPayload() : { code: 'THROWN', message: String(error) };
    console.log(JSON.stringify({ refused: refusal }));
    return;
  }
  const report = {
    readOnly: library.readOnly,
    launchBackupSkipped: library.launchBackupSkipped,
    films: await dispatch(library, 'films.list', {}),
    search: await dispatch(library, 'search.query', { query: 'ballet' }),
    write: await dispatch(library, 'scenes.update', { sceneId: 1, context: 'Written by the probe.' }),
    backup: await dispatch(library, 'backups.create', {}),
    restore: await restoreItsOwnArchive(library)
  };
  library.close();
  console.log(JSON.stringify(report));
}

if (command === 'hold') {
  const library = openLibrary({ home, holder: 'browser' });
  console.log('holding');
  process.stdin.on('end', () => library.close());
  process.stdin.resume();
} else {
  void start();
}
