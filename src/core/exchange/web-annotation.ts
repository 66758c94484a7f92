import type Database from 'better-sqlite3';
import type { ImportCounts } from '../../shared/contract/exchange';
import type { ExportedFile } from '../../shared/contract/fields';
import { ReelnotesError } from '../../shared/errors';
import { getFilm } from '../films/films';
import { fileNameFor, slugOf } from '../films/study-export';
import { itemError, readStudyItems, writeStudyItems, type ReadItem, type StudyItem, type StudyKind } from './study-items';
import { parseJsonFile } from './json-text';
import { parseTime } from './times';

/*
 * W3C Web Annotation (JSON-LD): the film's study as one AnnotationCollection, its items on one
 * embedded AnnotationPage. Each annotation has a TextualBody with its text (Markdown for notes) and
 * a TextualBody with purpose "tagging" per tag; it targets the film (scenes, notes) or a track's
 * recording (cues) with a media fragment selector t=start,end in seconds. A scene is "identifying"
 * and a note "commenting"; a note's scene is the target's scope, and a note on a cue targets the
 * cue's own annotation. Resources are named by tag URIs (RFC 4151), which need no server.
 */

const MEDIA_FRAGMENTS = 'http://www.w3.org/TR/media-frags/';
const motivations: Record<StudyKind, string> = { scene: 'identifying', note: 'commenting', cue: 'identifying' };

const seconds = (ms: number) => String(ms / 1000);

function fragment(item: StudyItem): string | null {
  if (item.startMs === null) return null;
  return item.endMs === null ? `t=${seconds(item.startMs)}` : `t=${seconds(item.startMs)},${seconds(item.endMs)}`;
}

/** A film's study as a Web Annotation collection. */
export function formatWebAnnotations(db: Database.Database, filmId: number): ExportedFile {
  const film = getFilm(db, filmId);
  const base = `tag:reelnotes,2026:film/${slugOf(film.title)}`;
  const items = readStudyItems(db, filmId);
  const trackPositions = new Map<string, number>();
  for (const item of items)
    if (item.track !== null && !trackPositions.has(item.track)) trackPositions.set(item.track, trackPositions.size + 1);
  const filmSource = { id: base, type: 'Video', label: film.title };
  const trackSource = (title: string) => ({ id: `${base}/track/${trackPositions.get(title)}`, type: 'Sound', label: title });
  const idOfItem = (index: number) => `${base}/annotation/${index + 1}`;
  // Notes come before cues in the study's order: the cues' ids are known first, for the notes on them.
  const cueIds = new Map<string, string>();
  items.forEach((item, index) => {
    if (item.kind === 'cue' && !cueIds.has(`${item.track}\n${item.text}`)) cueIds.set(`${item.track}\n${item.text}`, idOfItem(index));
  });
  const annotations = items.map((item, index) => {
    const id = idOfItem(index);
    const body: Record<string, unknown>[] = [
      {
        type: 'TextualBody',
        value: item.text,
        format: item.kind === 'note' ? 'text/markdown' : 'text/plain',
        purpose: motivations[item.kind]
      },
      ...item.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' }))
    ];
    let target: unknown;
    if (item.kind === 'note' && item.cue !== null && item.startMs === null) {
      target = cueIds.get(`${item.track}\n${item.cue}`) ?? trackSource(item.track!);
    } else {
      const specific: Record<string, unknown> = { source: item.kind === 'cue' ? trackSource(item.track!) : filmSource };
      const value = fragment(item);
      if (value) specific.selector = { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value };
      if (item.scenes.length) {
        const scopes = item.scenes.map((n) => `${base}/scene/${n}`);
        specific.scope = scopes.length === 1 ? scopes[0] : scopes;
      }
      target = specific;
    }
    return { id, type: 'Annotation', motivation: motivations[item.kind], body, target };
  });
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${base}/study`,
    type: 'AnnotationCollection',
    label: `${film.title}: a study`,
    total: annotations.length,
    first: { id: `${base}/study/page/1`, type: 'AnnotationPage', startIndex: 0, items: annotations }
  };
  return { fileName: fileNameFor(film.title, 'jsonld'), text: `${JSON.stringify(collection, null, 2)}\n` };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const idOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : isObject(value) && typeof value.id === 'string' ? value.id : undefined;

/** The annotations of a file: a collection (its embedded pages), a page, an array, or one annotation. */
function annotationsIn(fileName: string, document: unknown): Json[] {
  const fail = (problem: string) => new ReelnotesError('INVALID_INPUT', `${fileName}: ${problem}; nothing was imported.`);
  const typeOf = (value: Json) => asArray(value.type);
  if (Array.isArray(document))
    return document.map((entry, i) =>
      isObject(entry)
        ? entry
        : (() => {
            throw fail(`item ${i + 1} is not an annotation object`);
          })()
    );
  if (!isObject(document)) throw fail('it is not a Web Annotation document (no object at the top)');
  if (typeOf(document).includes('Annotation')) return [document];
  const pages: Json[] = [];
  if (typeOf(document).includes('AnnotationPage')) pages.push(document);
  else if (typeOf(document).includes('AnnotationCollection')) {
    let page: unknown = document.first;
    while (page !== undefined) {
      if (!isObject(page)) throw fail('its pages must be embedded in the file (a page given only by its address cannot be read)');
      pages.push(page);
      page = page.next;
      if (pages.length > 100_000) throw fail('its pages do not end');
    }
  } else throw fail('it is neither an AnnotationCollection, an AnnotationPage nor an Annotation');
  return pages.flatMap((page) =>
    asArray(page.items).map((entry) => {
      if (!isObject(entry)) throw fail('a page holds an item that is not an annotation object');
      return entry;
    })
  );
}

/**
 * A Web Annotation file as study items, checked whole: a note, a scene or a cue by its target (a
 * track's recording makes a cue, an "identifying" annotation on the film a scene, anything else a
 * note, one targeting another annotation a note on that cue), its first non-tagging TextualBody (or
 * bodyValue) the text, its tagging bodies the tags, a media fragment t=start[,end] the times.
 */
export function readWebAnnotations(fileName: string, text: string): ReadItem[] {
  const document = parseJsonFile(fileName, text);
  const annotations = annotationsIn(fileName, document);
  const byId = new Map<string, Json>();
  for (const a of annotations) if (typeof a.id === 'string') byId.set(a.id, a);
  // `nested`: read as the cue a note targets, which cannot itself target an annotation (no cycles).
  const read = (annotation: Json, index: number, nested = false): ReadItem => {
    const where = `annotation ${index + 1}${typeof annotation.id === 'string' ? ` (${annotation.id.slice(0, 80)})` : ''}`;
    const fail = (problem: string) => itemError(fileName, where, problem);
    if (!asArray(annotation.type).includes('Annotation')) throw fail('its type is not "Annotation"');
    const bodies = asArray(annotation.body);
    const textual = bodies.filter(isObject).filter((b) => asArray(b.type).includes('TextualBody') || typeof b.value === 'string');
    const tags = textual.filter((b) => asArray(b.purpose).includes('tagging')).map((b) => String(b.value ?? ''));
    const main = textual.find((b) => !asArray(b.purpose).includes('tagging'));
    const value = typeof annotation.bodyValue === 'string' ? annotation.bodyValue : main ? main.value : '';
    if (typeof value !== 'string') throw fail('its text body has no string value');
    const targets = asArray(annotation.target);
    if (targets.length !== 1) throw fail(`it has ${targets.length} targets (Reelnotes reads one)`);
    const target = targets[0];
    const motivation = asArray(annotation.motivation);
    // A note on a cue: the target is the cue's own annotation in this file.
    const onAnnotation = typeof target === 'string' ? byId.get(target) : undefined;
    if (onAnnotation) {
      if (nested) throw fail('it targets an annotation, and is itself the target of one');
      const cue = read(onAnnotation, annotations.indexOf(onAnnotation), true);
      if (cue.kind !== 'cue') throw fail('it targets an annotation that is not a cue');
      return { where, kind: 'note', startMs: null, endMs: null, text: value, tags, scenes: [], track: cue.track, cue: cue.text.trim() };
    }
    const specific = isObject(target) ? target : { source: target };
    const source = specific.source;
    if (idOf(source) === undefined) throw fail('its target names no source');
    const sourceTypes = isObject(source) ? asArray(source.type) : [];
    const track = isObject(source) && sourceTypes.includes('Sound') && typeof source.label === 'string' ? source.label : null;
    const kind: StudyKind = track !== null ? 'cue' : motivation.includes('identifying') ? 'scene' : 'note';
    let startMs: number | null = null;
    let endMs: number | null = null;
    for (const selector of asArray(specific.selector).filter(isObject)) {
      const match = /(?:^|&)t=(?:npt:)?([^,&]*)(?:,([^&]*))?/.exec(typeof selector.value === 'string' ? selector.value : '');
      if (!match) continue;
      const [start, end] = [match[1], match[2] ?? ''].map((part) => parseTime(part, 'auto', null));
      for (const time of [start, end]) if (time !== null && typeof time === 'object') throw fail(`its media fragment: ${time.problem}`);
      startMs = start as number | null;
      endMs = end as number | null;
    }
    const scenes = asArray(specific.scope).map((scope) => {
      const number = /\/scene\/(\d+)$/.exec(idOf(scope) ?? '')?.[1];
      if (number === undefined) throw fail(`its scope "${String(idOf(scope)).slice(0, 80)}" is not a scene of the film`);
      return Number(number);
    });
    return { where, kind, startMs, endMs: kind === 'note' ? null : endMs, text: value, tags, scenes, track, cue: null };
  };
  return annotations.map((annotation, index) => read(annotation, index));
}

export function importWebAnnotations(db: Database.Database, filmId: number, fileName: string, text: string): ImportCounts {
  return writeStudyItems(db, filmId, fileName, readWebAnnotations(fileName, text));
}
