import type Database from 'better-sqlite3';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EafTierChoice, EafTierInfo, ImportCounts } from '../../shared/contract/exchange';
import type { ExportedFile } from '../../shared/contract/fields';
import { ReelnotesError } from '../../shared/errors';
import { getFilm } from '../films/films';
import { fileNameFor } from '../films/study-export';
import { hasColumn, hasTable } from './schema-facts';
import { readStudyItems, writeStudyItems, type ReadItem, type StudyItem, type StudyKind } from './study-items';
import { childrenNamed, readXml, xmlAttribute, xmlText } from './xml';

/*
 * ELAN's EAF 3.0. One root tier per kind: "Scenes", "Notes", and "Cues: <track>" for each track's
 * cues (timed in the track's recording, as the tier's name says). Tags and scene numbers ride on
 * dependent tiers of the Symbolic_Association type (one value per annotation of the parent: "Notes:
 * tags" holds "dance; camera/crane"), not on a controlled vocabulary: tags are open-ended and a
 * person adds them freely, which a vocabulary would refuse in ELAN. Only timed items can be placed
 * on an ELAN tier, so untimed scenes and notes are left out; a note, a point in the film, is one
 * second long there (ELAN's annotations have a length).
 */

const NOTE_LENGTH_MS = 1000;
const CUE_TIER = 'Cues: ';
const TAGS_TIER = ': tags';
const SCENE_TIER = ': scene';

/** The standard constraints ELAN writes into every document; the dependent tiers use Symbolic_Association. */
const constraints: [string, string][] = [
  ['Time_Subdivision', "Time subdivision of parent annotation's time interval, no time gaps allowed within this interval"],
  ['Symbolic_Subdivision', 'Symbolic subdivision of a parent annotation. Annotations refering to the same parent are ordered'],
  ['Symbolic_Association', '1-1 association with a parent annotation'],
  ['Included_In', "Time alignable annotations within the parent annotation's time interval, gaps are allowed"]
];

/** The film's own copy, when one is attached (film_videos comes with the film-video work's migration). */
function filmVideo(db: Database.Database, filmId: number): { path: string; mimeType: string } | undefined {
  if (!hasTable(db, 'film_videos') || !hasColumn(db, 'film_videos', 'path') || !hasColumn(db, 'film_videos', 'mime_type')) return undefined;
  return db.prepare('SELECT path, mime_type AS mimeType FROM film_videos WHERE film_id = ?').get(filmId) as
    { path: string; mimeType: string } | undefined;
}

interface Tier {
  id: string;
  items: StudyItem[];
}

function tiersOf(items: StudyItem[]): Tier[] {
  const timed = items.filter((i) => i.startMs !== null);
  const tiers: Tier[] = [
    { id: 'Scenes', items: timed.filter((i) => i.kind === 'scene') },
    { id: 'Notes', items: timed.filter((i) => i.kind === 'note') }
  ];
  for (const cue of timed.filter((i) => i.kind === 'cue')) {
    const id = `${CUE_TIER}${cue.track}`;
    const tier = tiers.find((t) => t.id === id) ?? tiers[tiers.push({ id, items: [] }) - 1];
    tier.items.push(cue);
  }
  return tiers.filter((t) => t.items.length > 0);
}

/** A film's study as an EAF 3.0 document, dated `now` (ELAN requires a date; a test gives a fixed one). */
export function formatEaf(db: Database.Database, filmId: number, now: Date): ExportedFile {
  const film = getFilm(db, filmId);
  const tiers = tiersOf(readStudyItems(db, filmId));
  const slots: number[] = [];
  const slot = (ms: number) => `ts${slots.push(ms)}`;
  let annotations = 0;
  const out: string[] = [];
  const dependents: string[] = [];
  for (const tier of tiers) {
    const tags: string[] = [];
    const scenes: string[] = [];
    out.push(`    <TIER LINGUISTIC_TYPE_REF="reelnotes-item" TIER_ID="${xmlAttribute(tier.id)}">`);
    for (const item of tier.items) {
      const id = `a${++annotations}`;
      const start = item.startMs!;
      const end = item.endMs ?? (item.kind === 'note' ? start + NOTE_LENGTH_MS : start);
      out.push(
        '        <ANNOTATION>',
        `            <ALIGNABLE_ANNOTATION ANNOTATION_ID="${id}" TIME_SLOT_REF1="${slot(start)}" TIME_SLOT_REF2="${slot(end)}">`,
        `                <ANNOTATION_VALUE>${xmlText(item.text)}</ANNOTATION_VALUE>`,
        '            </ALIGNABLE_ANNOTATION>',
        '        </ANNOTATION>'
      );
      if (item.tags.length) tags.push(refAnnotation(`a${++annotations}`, id, item.tags.join('; ')));
      if (item.scenes.length) scenes.push(refAnnotation(`a${++annotations}`, id, item.scenes.join('; ')));
    }
    out.push('    </TIER>');
    for (const [suffix, type, values] of [
      [TAGS_TIER, 'reelnotes-tags', tags],
      [SCENE_TIER, 'reelnotes-scene', scenes]
    ] as const) {
      if (!values.length) continue;
      dependents.push(
        `    <TIER LINGUISTIC_TYPE_REF="${type}" PARENT_REF="${xmlAttribute(tier.id)}" TIER_ID="${xmlAttribute(tier.id + suffix)}">`,
        ...values,
        '    </TIER>'
      );
    }
  }
  const video = filmVideo(db, filmId);
  const media = video
    ? [
        `        <MEDIA_DESCRIPTOR MEDIA_URL="${xmlAttribute(pathToFileURL(video.path).href)}" MIME_TYPE="${xmlAttribute(video.mimeType)}" RELATIVE_MEDIA_URL="./${xmlAttribute(encodeURIComponent(basename(video.path)))}"/>`
      ]
    : [];
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<ANNOTATION_DOCUMENT AUTHOR="Reelnotes" DATE="${now.toISOString().replace(/\.\d{3}Z$/, 'Z')}" FORMAT="3.0" VERSION="3.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">`,
    '    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">',
    ...media,
    `        <PROPERTY NAME="lastUsedAnnotationId">${annotations}</PROPERTY>`,
    '    </HEADER>',
    '    <TIME_ORDER>',
    ...slots.map((ms, i) => `        <TIME_SLOT TIME_SLOT_ID="ts${i + 1}" TIME_VALUE="${ms}"/>`),
    '    </TIME_ORDER>',
    ...out,
    ...dependents,
    '    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="reelnotes-item" TIME_ALIGNABLE="true"/>',
    '    <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="reelnotes-tags" TIME_ALIGNABLE="false"/>',
    '    <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="reelnotes-scene" TIME_ALIGNABLE="false"/>',
    ...constraints.map(
      ([stereotype, description]) => `    <CONSTRAINT DESCRIPTION="${xmlAttribute(description)}" STEREOTYPE="${stereotype}"/>`
    ),
    '</ANNOTATION_DOCUMENT>',
    ''
  ].join('\n');
  return { fileName: fileNameFor(film.title, 'eaf'), text };
}

function refAnnotation(id: string, parent: string, value: string): string {
  return [
    '        <ANNOTATION>',
    `            <REF_ANNOTATION ANNOTATION_ID="${id}" ANNOTATION_REF="${parent}">`,
    `                <ANNOTATION_VALUE>${xmlText(value)}</ANNOTATION_VALUE>`,
    '            </REF_ANNOTATION>',
    '        </ANNOTATION>'
  ].join('\n');
}

interface ReadTier {
  id: string;
  parent: string | null;
  /** Annotations placed in time: id, start, end, value. */
  timed: { id: string; startMs: number; endMs: number; value: string }[];
  /** Annotations that hang from one of the parent's: the parent annotation's id and the value. */
  refs: { id: string; ref: string; value: string }[];
}

/**
 * Reads an EAF document and checks the rules of the EAF 3.0 schema an import depends on: the
 * document element and its HEADER and TIME_ORDER, unique time slot, tier and annotation ids, every
 * reference (a tier's linguistic type and parent, an annotation's time slots and parent annotation)
 * pointing at something that exists, times in whole milliseconds, none ending before it starts.
 */
export function readEaf(fileName: string, text: string): ReadTier[] {
  const fail = (where: string, problem: string) =>
    new ReelnotesError('INVALID_INPUT', `${fileName}, ${where}: ${problem}; nothing was imported.`);
  const doc = readXml(fileName, text);
  if (doc.name !== 'ANNOTATION_DOCUMENT') throw fail('the document', 'it is not an ELAN file (no ANNOTATION_DOCUMENT element)');
  for (const required of ['AUTHOR', 'DATE', 'VERSION']) {
    if (doc.attributes[required] === undefined) throw fail('ANNOTATION_DOCUMENT', `the ${required} attribute is missing`);
  }
  const headers = childrenNamed(doc, 'HEADER');
  const orders = childrenNamed(doc, 'TIME_ORDER');
  if (headers.length !== 1) throw fail('ANNOTATION_DOCUMENT', 'it needs exactly one HEADER');
  if (orders.length !== 1) throw fail('ANNOTATION_DOCUMENT', 'it needs exactly one TIME_ORDER');
  const timeUnits = headers[0].attributes.TIME_UNITS ?? 'milliseconds';
  if (timeUnits !== 'milliseconds') throw fail('HEADER', `times in ${timeUnits} are not read (only milliseconds)`);

  const slots = new Map<string, number | null>();
  for (const slot of childrenNamed(orders[0], 'TIME_SLOT')) {
    const id = slot.attributes.TIME_SLOT_ID;
    if (!id) throw fail('TIME_SLOT', 'a time slot has no TIME_SLOT_ID');
    if (slots.has(id)) throw fail(`TIME_SLOT ${id}`, 'the id is used twice');
    const value = slot.attributes.TIME_VALUE;
    if (value !== undefined && !/^\d+$/.test(value))
      throw fail(`TIME_SLOT ${id}`, `"${value.slice(0, 20)}" is not a time in whole milliseconds`);
    slots.set(id, value === undefined ? null : Number(value));
  }
  const types = new Set(childrenNamed(doc, 'LINGUISTIC_TYPE').map((t) => t.attributes.LINGUISTIC_TYPE_ID));
  const tiers = childrenNamed(doc, 'TIER');
  const tierIds = new Set<string>();
  for (const tier of tiers) {
    const id = tier.attributes.TIER_ID;
    if (!id) throw fail('TIER', 'a tier has no TIER_ID');
    if (tierIds.has(id)) throw fail(`TIER "${id}"`, 'the id is used twice');
    tierIds.add(id);
    const type = tier.attributes.LINGUISTIC_TYPE_REF;
    if (!type || !types.has(type)) throw fail(`TIER "${id}"`, `its linguistic type "${type ?? ''}" is not defined`);
  }
  const annotationIds = new Map<string, string>();
  const read: ReadTier[] = tiers.map((tier) => {
    const id = tier.attributes.TIER_ID;
    const parent = tier.attributes.PARENT_REF ?? null;
    if (parent !== null && !tierIds.has(parent)) throw fail(`TIER "${id}"`, `its parent tier "${parent}" does not exist`);
    const result: ReadTier = { id, parent, timed: [], refs: [] };
    for (const annotation of childrenNamed(tier, 'ANNOTATION')) {
      const body = annotation.children.find((c) => c.name === 'ALIGNABLE_ANNOTATION' || c.name === 'REF_ANNOTATION');
      const annotationId = body?.attributes.ANNOTATION_ID;
      if (!body || !annotationId) throw fail(`TIER "${id}"`, 'an ANNOTATION holds no annotation with an ANNOTATION_ID');
      const where = `ANNOTATION ${annotationId} (tier "${id}")`;
      if (annotationIds.has(annotationId)) throw fail(where, 'the id is used twice');
      annotationIds.set(annotationId, id);
      const value = body.children.find((c) => c.name === 'ANNOTATION_VALUE')?.text ?? '';
      if (body.name === 'ALIGNABLE_ANNOTATION') {
        const [start, end] = [body.attributes.TIME_SLOT_REF1, body.attributes.TIME_SLOT_REF2].map((slotId) => {
          if (!slotId || !slots.has(slotId)) throw fail(where, `its time slot "${slotId ?? ''}" does not exist`);
          const ms = slots.get(slotId);
          if (ms === null) throw fail(where, `its time slot ${slotId} has no time (an unaligned slot)`);
          return ms!;
        });
        if (end < start) throw fail(where, 'it ends before it starts');
        result.timed.push({ id: annotationId, startMs: start, endMs: end, value });
      } else {
        if (parent === null) throw fail(where, 'a REF_ANNOTATION is on a tier without a parent');
        const ref = body.attributes.ANNOTATION_REF;
        if (!ref) throw fail(where, 'it refers to no annotation');
        result.refs.push({ id: annotationId, ref, value });
      }
    }
    return result;
  });
  for (const tier of read) {
    for (const ref of tier.refs) {
      if (annotationIds.get(ref.ref) !== tier.parent) {
        throw fail(`ANNOTATION ${ref.id} (tier "${tier.id}")`, `it refers to "${ref.ref}", which is not an annotation of the parent tier`);
      }
    }
  }
  return read;
}

/** What each tier would become by its name: Reelnotes' own names, else notes. */
function guessKind(tierId: string): StudyKind {
  if (tierId === 'Scenes') return 'scene';
  if (tierId.startsWith(CUE_TIER)) return 'cue';
  return 'note';
}

const roleOf = (tier: ReadTier) => (tier.id.toLowerCase().endsWith('tags') ? 'tags' : /scenes?$/i.test(tier.id) ? 'scene' : null);

/** The tiers of a file for the import step: those with timed annotations can become notes, scenes or cues. */
export function previewEaf(fileName: string, text: string): EafTierInfo[] {
  return readEaf(fileName, text).map((tier) => {
    const role = tier.parent !== null && tier.refs.length ? roleOf(tier) : null;
    return {
      id: tier.id,
      parent: tier.parent,
      annotations: tier.timed.length + tier.refs.length,
      timed: tier.timed.length > 0,
      role: tier.timed.length ? 'items' : role,
      guess: tier.timed.length ? guessKind(tier.id) : null,
      track: tier.id.startsWith(CUE_TIER) ? tier.id.slice(CUE_TIER.length) : null
    };
  });
}

/**
 * An EAF's chosen tiers as the film's study. Dependent tiers ending in "tags" give their parent's
 * annotations tags ("a; b"), those ending in "scene" their scene numbers; other tiers are left.
 */
export function importEaf(db: Database.Database, filmId: number, fileName: string, text: string, choices: EafTierChoice[]): ImportCounts {
  const tiers = readEaf(fileName, text);
  const extras = new Map<string, { tags: string[]; scenes: string[] }>();
  for (const tier of tiers) {
    const role = tier.parent === null ? null : roleOf(tier);
    if (!role) continue;
    for (const ref of tier.refs) {
      const extra = extras.get(ref.ref) ?? { tags: [], scenes: [] };
      extras.set(ref.ref, extra);
      const values = ref.value
        .split(';')
        .map((v) => v.trim())
        .filter(Boolean);
      (role === 'tags' ? extra.tags : extra.scenes).push(...values);
    }
  }
  const items: ReadItem[] = [];
  for (const choice of choices) {
    const tier = tiers.find((t) => t.id === choice.tier);
    if (!tier) throw new ReelnotesError('INVALID_INPUT', `${fileName} has no tier "${choice.tier}"; nothing was imported.`);
    if (choice.as === 'skip') continue;
    for (const annotation of tier.timed) {
      const where = `ANNOTATION ${annotation.id} (tier "${tier.id}")`;
      const extra = extras.get(annotation.id) ?? { tags: [], scenes: [] };
      const scenes = extra.scenes.map((value) => {
        if (!/^\d+$/.test(value))
          throw new ReelnotesError('INVALID_INPUT', `${fileName}, ${where}: "${value}" is not a scene number; nothing was imported.`);
        return Number(value);
      });
      items.push({
        where,
        kind: choice.as,
        startMs: annotation.startMs,
        // A note is a point in the film: its length in ELAN is not kept.
        endMs: choice.as === 'note' ? null : annotation.endMs,
        text: annotation.value,
        tags: extra.tags,
        scenes,
        track: choice.as === 'cue' ? (choice.track ?? null) : null,
        cue: null
      });
    }
  }
  return writeStudyItems(db, filmId, fileName, items);
}
