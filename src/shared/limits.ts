/**
 * Every size and length the library refuses past, in one place. The contract's schemas, the core
 * and the renderer's early checks read them from here, so a limit and its message cannot drift apart.
 */

const HOUR_MS = 3600 * 1000;
const MB = 1024 * 1024;

/** The longest film time we accept: no film runs 100 hours. */
export const MAX_FILM_TIME_MS = 100 * HOUR_MS - 1;
/** The latest time a label or subtitle file may name (a cue file is refused past it, line by line). */
export const MAX_CUE_FILE_TIME_MS = 100 * HOUR_MS;
/** Positions on a track: twelve hours is longer than any score. */
export const MAX_TRACK_TIME_MS = 12 * HOUR_MS;
/** Cues recoloured, tagged or deleted in one step (every cue of a track selected): more than any score holds. */
export const MAX_CUES_AT_ONCE = 5000;

/** A note may be long (a whole essay, pasted sources): 1 MB of text, counted in UTF-16 units. */
export const MAX_ANNOTATION_CHARS = MB;
export const MAX_TAG_NAME = 120;
export const MAX_QUERY_CHARS = 500;

/** The largest film page we accept: the seed page is 10 KB, so this leaves room for any real one. */
export const MAX_FILM_PAGE_BYTES = 2 * MB;
/** A label or subtitle file larger than this is not a cue file. */
export const MAX_CUE_FILE_BYTES = 8 * MB;
/** A study file (table, ELAN, Web Annotation, Sonic Visualiser) travels in one call, under the browser host's 16 MB body. */
export const MAX_EXCHANGE_FILE_BYTES = 15 * MB;
/**
 * A study file the desktop app names by path is read where it lies, with no request to fit: the
 * 100,000-note film's own Web Annotation export (122 MB) comes back in.
 */
export const MAX_EXCHANGE_FILE_BY_PATH_BYTES = 128 * MB;
/** A study pack with its recordings: a ZIP without ZIP64 stops at 4 GB. */
export const MAX_STUDY_PACK_BYTES = 4 * 1024 * MB - 1;
/** A whole library of 100,000 annotations is about 60 MB of JSON; this leaves room to grow. */
export const MAX_ARCHIVE_BYTES = 256 * MB;
/** The largest recording we take in: a long, lossless score movement fits easily. */
export const MAX_RECORDING_BYTES = 1024 * MB;
/** The most waveform buckets one call returns: a few screens' width, never a whole level of a long recording. */
export const MAX_PEAK_BUCKETS_PER_CALL = 8192;
/** One chunk of a file sent through the contract (Electron), before base64. */
export const UPLOAD_CHUNK_BYTES = MB;
/** A grabbed frame as PNG: a 4K frame of film grain compresses to about 12 MB; this leaves room. */
export const MAX_FRAME_GRAB_BYTES = 16 * MB;

/** The timeline asks for one view at a time: at most this many buckets (about one per pixel of a wide screen, twice over). */
export const MAX_TIMELINE_BUCKETS = 8192;
/** Past this many items in a row's view (or more than one per TIMELINE_BUCKETS_PER_ITEM buckets), the row comes as counts per bucket. */
export const MAX_TIMELINE_ROW_ITEMS = 4000;
/**
 * A row comes item by item only where its items are no denser than one per this many buckets (a bucket is
 * at most a pixel): a note's mark is ten pixels wide, so denser ones would only hide each other.
 */
export const TIMELINE_BUCKETS_PER_ITEM = 4;
/** Rows a person adds for tags, each asked for with every view. */
export const MAX_TIMELINE_TAG_ROWS = 12;
