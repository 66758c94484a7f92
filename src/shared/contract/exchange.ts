import { z } from 'zod';
import { MAX_EXCHANGE_FILE_BYTES, MAX_STUDY_PACK_BYTES } from '../limits';
import { method } from './define';
import { filePath, id, textFileInput, uploadId, type ExportedFile } from './fields';

/** The styles a moment of a film is cited in. */
export const citationStyles = ['chicago', 'mla'] as const;
export type CitationStyle = (typeof citationStyles)[number];

/** What can be cited: a scene, a note or a cue, each a moment of one film. */
export const citableKinds = ['scene', 'note', 'cue'] as const;
export type CitableKind = (typeof citableKinds)[number];

/** The facts a citation needs that a film page does not hold, as the person gave them (or empty). */
export interface CitationFacts {
  filmId: number;
  title: string;
  /** In the order they are credited; empty when none was given. */
  directors: string[];
  year: number | null;
  studio: string | null;
  /** The style the Cite action copies, chosen once for the library. */
  style: CitationStyle;
}

/** One citation, as plain text and as HTML (the title in italics) for pasting into a word processor. */
export interface Citation {
  style: CitationStyle;
  text: string;
  html: string;
  /** Facts the citation lacks because the film has none yet: the person can add them once. */
  missing: ('director' | 'year')[];
}

const personName = z.string().trim().min(1).max(200);

/** A study file from another tool: its name (for errors) and its text, or its path (see textFileInput). */
const studyFile = <Shape extends z.ZodRawShape>(shape: Shape) =>
  textFileInput(shape, z.string().max(MAX_EXCHANGE_FILE_BYTES, 'A study file larger than 15 MB cannot be sent in one piece'));

/** The columns a table of the study has, in the order Reelnotes writes them. */
export const tableColumnNames = ['start', 'end', 'text', 'tags', 'kind', 'scene', 'track', 'cue'] as const;
export type TableColumn = (typeof tableColumnNames)[number];
export const tableDelimiters = [',', '\t', ';'] as const;
export const timeNotations = ['auto', 'seconds', 'clock', 'frames'] as const;
/** What items of a study may become: scenes, notes or cues. */
export const studyKindNames = ['scene', 'note', 'cue'] as const;

/** The first rows of a table and the mapping Reelnotes guesses, for the person to confirm or change. */
export interface TablePreview {
  fileName: string;
  delimiter: (typeof tableDelimiters)[number];
  header: boolean;
  rowCount: number;
  rows: string[][];
  /** For each column, what it holds (null: not imported). */
  mapping: (TableColumn | null)[];
}

/** How many items an import added (notes, cues, scenes) or set (scenes it matched by number). */
export interface ImportCounts {
  scenes: number;
  notes: number;
  cues: number;
}

/** A tier of an ELAN file, for the step that chooses what each becomes. */
export interface EafTierInfo {
  id: string;
  parent: string | null;
  annotations: number;
  /** Whether its annotations are placed in time (only those can become notes, scenes or cues). */
  timed: boolean;
  /** What the tier is read as: items of the study, tags or scene numbers of its parent's, or nothing. */
  role: 'items' | 'tags' | 'scene' | null;
  /** What its items become unless the person says otherwise. */
  guess: (typeof studyKindNames)[number] | null;
  /** The track a "Cues: <track>" tier names. */
  track: string | null;
}

const eafTierChoice = z
  .object({
    tier: z.string().min(1).max(500),
    as: z.enum([...studyKindNames, 'skip']),
    track: z.string().trim().min(1).max(500).nullable().optional()
  })
  .strict();
export type EafTierChoice = z.output<typeof eafTierChoice>;

/** How the rows of a table become items of the study, as the person confirmed them. */
const tableOptions = z
  .object({
    delimiter: z.enum(tableDelimiters),
    header: z.boolean(),
    mapping: z
      .array(z.enum(tableColumnNames).nullable())
      .max(500)
      .refine((m) => new Set(m.filter(Boolean)).size === m.filter(Boolean).length, 'Each column is mapped once'),
    notation: z.enum(timeNotations),
    fps: z.number().positive().max(1000).nullable(),
    /** What rows become when the table has no kind column, or a row's kind is empty. */
    kind: z.enum(studyKindNames),
    /** The track cue rows go to when the table has no track column (by title). */
    track: z.string().trim().min(1).max(500).nullable()
  })
  .strict();
export type TableImport = z.output<typeof tableOptions> & { fileName: string };

/** What opening a study pack did: the film it went into, and what it added (`matched`: notes and cues it already had). */
export interface StudyPackImport {
  filmId: number;
  title: string;
  /** True when the film was not in the library and the pack created it. */
  created: boolean;
  scenes: number;
  notes: number;
  cues: number;
  placements: number;
  frames: number;
  subtitles: number;
  recordings: number;
  matched: number;
}

export const exchangeMethods = {
  'exchange.citationFacts': method<CitationFacts>()(z.object({ filmId: id }).strict()),
  'exchange.saveCitationFacts': method<CitationFacts>()(
    z
      .object({
        filmId: id,
        directors: z.array(personName).max(20),
        year: z.number().int().min(1870, 'A film is from 1870 or later').max(2200).nullable(),
        studio: z.string().trim().max(200).nullable()
      })
      .strict()
  ),
  'exchange.setCitationStyle': method<{ style: CitationStyle }>()(z.object({ style: z.enum(citationStyles) }).strict()),
  /** The film's reference with the moment's time, in the style asked for or the library's chosen one. */
  'exchange.cite': method<Citation>()(
    z.object({ target: z.object({ kind: z.enum(citableKinds), id }).strict(), style: z.enum(citationStyles).optional() }).strict()
  ),
  /** The film as CSL-JSON (type motion_picture), which Zotero and every CSL processor import. */
  'exchange.exportCslJson': method<ExportedFile>()(z.object({ filmId: id }).strict()),
  /** The film's scenes, notes and cues as one table, CSV or TSV, with a header. */
  'exchange.exportTable': method<ExportedFile>()(z.object({ filmId: id, format: z.enum(['csv', 'tsv']) }).strict()),
  'exchange.previewTable': method<TablePreview>()(studyFile({})),
  'exchange.importTable': method<ImportCounts>()(studyFile({ filmId: id, ...tableOptions.shape })),
  /** The film's timed scenes, notes and cues as an ELAN (EAF 3.0) document: a tier per kind, tags on dependent tiers. */
  'exchange.exportEaf': method<ExportedFile>()(z.object({ filmId: id }).strict()),
  'exchange.previewEaf': method<EafTierInfo[]>()(studyFile({})),
  /** The chosen tiers of an ELAN file as notes, scenes or cues (the others skipped). */
  'exchange.importEaf': method<ImportCounts>()(
    studyFile({ filmId: id, tiers: z.array(eafTierChoice).min(1, 'Choose at least one tier').max(500) })
  ),
  /** The film's study as a W3C Web Annotation collection (JSON-LD): text and tagging bodies, media fragment selectors. */
  'exchange.exportWebAnnotations': method<ExportedFile>()(z.object({ filmId: id }).strict()),
  'exchange.importWebAnnotations': method<ImportCounts>()(studyFile({ filmId: id })),
  /** A track's cues as a Sonic Visualiser region layer (.svl) or SV's CSV of one. */
  'exchange.exportSonicVisualiser': method<ExportedFile>()(z.object({ trackId: id, format: z.enum(['svl', 'csv']) }).strict()),
  /** An SV layer (.svl, or its CSV without a header) as cues on the track. */
  'exchange.importSonicVisualiser': method<ImportCounts>()(studyFile({ trackId: id })),
  /**
   * The film's study as an essay to read or print: one self-contained HTML file (styles inline,
   * frame grabs embedded as data: URIs, no script), A4 with a page per scene when printed.
   */
  'exchange.exportEssay': method<ExportedFile>()(z.object({ filmId: id }).strict()),
  /** A study pack on its way in from the browser host's page: its bytes follow to /upload/study-pack?uploadId=…. */
  'exchange.beginStudyPackUpload': method<{ uploadId: string }>()(
    z
      .object({
        fileName: z.string().trim().min(1).max(255),
        byteSize: z
          .number()
          .int()
          .min(1, 'The file is empty: there is no study in it.')
          .max(MAX_STUDY_PACK_BYTES, 'A study pack is at most 4 GB')
      })
      .strict()
  ),
  /**
   * Opens a study pack into the library: by its path in the desktop app (a file opened with the app, a
   * dialog, a drop), by its upload id in the browser host. Validated whole, then merged in one transaction.
   */
  'exchange.importStudyPack': method<StudyPackImport>()(z.union([z.object({ path: filePath }).strict(), z.object({ uploadId }).strict()])),
  /** Takes the film's directors, year and studio from a CSL-JSON file (Zotero's export of the film). */
  'exchange.importCslJson': method<CitationFacts>()(studyFile({ filmId: id }))
};
