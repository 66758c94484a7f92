import { z } from 'zod';
import { MAX_CUE_FILE_BYTES } from '../limits';
import { method } from './define';
import { id, type ExportedFile } from './fields';

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
  /** Takes the film's directors, year and studio from a CSL-JSON file (Zotero's export of the film). */
  'exchange.importCslJson': method<CitationFacts>()(
    z
      .object({
        filmId: id,
        fileName: z.string().min(1).max(255),
        text: z.string().max(MAX_CUE_FILE_BYTES, 'A CSL-JSON file larger than 8 MB is not one film')
      })
      .strict()
  )
};
