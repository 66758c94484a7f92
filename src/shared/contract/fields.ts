import { z } from 'zod';
import { MAX_FILM_TIME_MS, MAX_TAG_NAME, UPLOAD_CHUNK_BYTES } from '../limits';

/** Row ids are positive integers; anything else is refused before it reaches SQL. */
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * A colour as tags and cues carry it: #rrggbb, stored lower-cased so that one colour is one string
 * (the schema checks the same form: tags by a CHECK, cues by the triggers of migration 008).
 */
export const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written #rrggbb')
  .transform((c) => c.toLowerCase());

/** A point of film time: whole milliseconds from the start of the film. */
export const filmTime = z.number().int().min(0, 'A film time cannot be negative').max(MAX_FILM_TIME_MS, 'That film time is past 100 hours');

/** A tag's name as typed; the library tidies the '/' segments and refuses empty ones. */
export const tagName = z
  .string()
  .trim()
  .min(1, 'A tag needs a name')
  .max(MAX_TAG_NAME, `A tag name can be at most ${MAX_TAG_NAME} characters`);

/** Methods that take no arguments still take an object, so that one may be added later. */
export const nothing = z.object({}).strict();

/** A file sent in pieces (a recording, a library file) is named by the id its upload was begun with. */
export const uploadId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Not an upload id');

/**
 * One piece of a file sent through the contract. The desktop app's page sends the file's bytes, never
 * its path, so the library reads nothing but what the person picked, as in the browser host.
 */
export const uploadChunk = z
  .object({
    uploadId,
    offset: z.number().int().min(0),
    data: z.base64().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4 + 4, 'A chunk is at most 1 MB')
  })
  .strict();

/**
 * A file on this computer, by its absolute path: what the desktop app's native open dialog, a drop
 * (the preload's \`pathForFile\`) or the system (a file opened with the app) gives. Only the desktop
 * app takes these (see \`byPathMethods\`): the browser host's page cannot name a file, it uploads one.
 */
export const filePath = z
  .string()
  .min(1)
  .max(4096, 'A file path is at most 4096 characters')
  .refine((path) => !path.includes('\0'), 'A file path holds no NUL character')
  .refine(
    (path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\'),
    'The file must be named by its full path'
  );

/**
 * A text file coming in (cue labels, subtitles, other tools' study files), in either of the two ways the
 * hosts have: its name and the text the page read (the browser host's upload), or its path, read by the
 * library where it lies (the desktop app: a native open dialog or a drop, so the bytes never cross IPC;
 * the browser host refuses this form, see `pathFormMethods`). `text` carries the format's own limit.
 */
export function textFileInput<Shape extends z.ZodRawShape>(shape: Shape, text: z.ZodString) {
  return z.union([
    z.object({ ...shape, fileName: z.string().min(1).max(255), text }).strict(),
    z.object({ ...shape, path: filePath }).strict()
  ]);
}

/** The file part of a `textFileInput`: what the handler reads its text from. */
export type IncomingText = { fileName: string; text: string } | { path: string };

/** A document leaving or entering the library: its suggested file name and its text. */
export interface ExportedFile {
  fileName: string;
  text: string;
}

/** How far to move times: up to a day either way (a person re-syncs to another cut, not another film). */
export const offsetMs = z
  .number()
  .int()
  .min(-86_400_000)
  .max(86_400_000)
  .refine((v) => v !== 0, 'An offset of 0 changes nothing');
