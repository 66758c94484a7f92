import type { z } from 'zod';
import type { MethodSpec } from './define';
import { backupMethods } from './backups';
import { cueMethods } from './cues';
import { exchangeMethods } from './exchange';
import { filmMethods } from './films';
import { frameMethods } from './frames';
import { libraryMethods } from './library';
import { noteMethods } from './notes';
import { placementMethods } from './placements';
import { recordingMethods } from './recordings';
import { sceneMethods } from './scenes';
import { searchMethods } from './search';
import { soundtrackMethods } from './soundtrack';
import { subtitleMethods } from './subtitles';
import { tagMethods } from './tags';
import { timelineMethods } from './timeline';
import { trackMethods } from './tracks';
import { videoMethods } from './video';

/**
 * The whole API of the library, one entry per method. The Electron IPC binding, the preload bridge,
 * the browser host's HTTP routes and the renderer's client are all derived from this map. A method's
 * prefix names its file: `cues.importFile` is in contract/cues.ts (and its handler in src/core/cues).
 */
export const contract = {
  ...backupMethods,
  ...cueMethods,
  ...exchangeMethods,
  ...filmMethods,
  ...frameMethods,
  ...libraryMethods,
  ...noteMethods,
  ...placementMethods,
  ...recordingMethods,
  ...sceneMethods,
  ...searchMethods,
  ...soundtrackMethods,
  ...subtitleMethods,
  ...tagMethods,
  ...timelineMethods,
  ...trackMethods,
  ...videoMethods
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

/**
 * Methods that take a file by its path on this computer. The desktop app binds them (the path comes
 * from a native dialog, a drop or the system); the browser host refuses them, since a page in a
 * browser names no file: it uploads one.
 */
export const byPathMethods: ReadonlySet<MethodName> = new Set<MethodName>([
  'library.importFilmPageFile',
  'library.restoreArchiveFile',
  'recordings.attachPath'
]);

/**
 * Methods that take a file in two forms: its path, or what the page sent (a text file's name and text,
 * `textFileInput`; a study pack's upload id). The browser host refuses the path form, as it refuses the
 * by-path methods; the desktop app sends it.
 */
export const pathFormMethods: ReadonlySet<MethodName> = new Set<MethodName>([
  'cues.importFile',
  'subtitles.import',
  'exchange.previewTable',
  'exchange.importTable',
  'exchange.previewEaf',
  'exchange.importEaf',
  'exchange.importWebAnnotations',
  'exchange.importSonicVisualiser',
  'exchange.importCslJson',
  'exchange.importStudyPack'
]);

/** Whether a call names a file on this computer by its path: what only the desktop app may do. */
export function namesFileByPath(method: string, input: unknown): boolean {
  if ((byPathMethods as ReadonlySet<string>).has(method)) return true;
  return (
    (pathFormMethods as ReadonlySet<string>).has(method) && typeof input === 'object' && input !== null && Object.hasOwn(input, 'path')
  );
}

/** What a caller passes (before defaults and trimming). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after the schema has parsed it). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The shape the preload exposes and the renderer's HTTP client imitates: one function per method. */
export type Bridge = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<import('../errors').CallOutcome<MethodResult<M>>>;
};
