import type Database from 'better-sqlite3';
import type { ImportCounts } from '../../shared/contract/exchange';
import type { ExportedFile } from '../../shared/contract/fields';
import { ReelnotesError } from '../../shared/errors';
import { listCues } from '../cues/cues';
import { fileNameFor } from '../films/study-export';
import { getTrack } from '../tracks/tracks';
import { itemError, writeStudyItems, type ReadItem } from './study-items';
import { parseTable } from './table';
import { childrenNamed, readXml, xmlAttribute } from './xml';

/*
 * Sonic Visualiser: a track's cues as an annotation layer. The `.svl` file is SV's own XML for one
 * layer: a sparse region model (`subtype="region"`, three dimensions: frame, value, duration) whose
 * points carry the cue's start in sample frames, its length and its label, at the recording's sample
 * rate (44,100 Hz while the track has none). SV's CSV export of a region layer is one line per
 * region, `time,value,duration,label`, times in seconds and no header; of a time-instants layer,
 * `time,label`. Both come back as cues on the track; a point without a length is a marker.
 */

const DEFAULT_RATE = 44_100;

function sampleRate(db: Database.Database, trackId: number): number {
  const rate = db.prepare('SELECT sample_rate FROM recordings WHERE track_id = ?').pluck().get(trackId) as number | undefined;
  return rate && rate > 0 ? rate : DEFAULT_RATE;
}

/** A track's cues as an SV region layer (`.svl`) or SV's CSV of one. */
export function exportSonicVisualiser(db: Database.Database, trackId: number, format: 'svl' | 'csv'): ExportedFile {
  const track = getTrack(db, trackId);
  const cues = listCues(db, trackId);
  const fileName = fileNameFor(`${track.title} cues`, format);
  if (format === 'csv') {
    const label = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const secondsOf = (ms: number) => (ms / 1000).toFixed(3);
    return { fileName, text: cues.map((c) => `${secondsOf(c.startMs)},0,${secondsOf(c.endMs - c.startMs)},${label(c.label)}\n`).join('') };
  }
  const rate = sampleRate(db, trackId);
  const frame = (ms: number) => Math.round((ms * rate) / 1000);
  const start = cues.length ? frame(cues[0].startMs) : 0;
  const end = cues.reduce((last, c) => Math.max(last, frame(c.endMs)), start);
  const name = xmlAttribute(track.title);
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE sonic-visualiser>',
    '<sv>',
    '  <data>',
    `    <model id="1" name="${name}" sampleRate="${rate}" start="${start}" end="${end}" type="sparse" dimensions="3" resolution="1" notifyOnAdd="true" dataset="0" subtype="region" valueQuantization="0" minimum="0" maximum="0" units=""/>`,
    '    <dataset id="0" dimensions="3">',
    ...cues.map(
      (c) =>
        `      <point frame="${frame(c.startMs)}" value="0" duration="${frame(c.endMs) - frame(c.startMs)}" label="${xmlAttribute(c.label)}"/>`
    ),
    '    </dataset>',
    '  </data>',
    '  <display>',
    `    <layer id="2" type="regions" name="${name}" model="1" verticalScale="0" plotStyle="0"/>`,
    '  </display>',
    '</sv>',
    ''
  ].join('\n');
  return { fileName, text };
}

/** The regions (or instants) of an `.svl` layer, in milliseconds. */
function readSvl(fileName: string, text: string): ReadItem[] {
  const fail = (where: string, problem: string) => itemError(fileName, where, problem);
  const document = readXml(fileName, text);
  const data = document.name === 'sv' ? childrenNamed(document, 'data')[0] : undefined;
  if (!data) throw fail('the document', 'it is not a Sonic Visualiser layer (no <sv><data>)');
  const datasets = childrenNamed(data, 'dataset').filter((d) => childrenNamed(d, 'point').length > 0);
  if (datasets.length !== 1) throw fail('<data>', `expected one dataset of points, found ${datasets.length}`);
  const dataset = datasets[0];
  const model = childrenNamed(data, 'model').find((m) => m.attributes.dataset === dataset.attributes.id);
  const rate = Number(model?.attributes.sampleRate);
  if (!model || !Number.isFinite(rate) || rate <= 0)
    throw fail(`<dataset id="${dataset.attributes.id ?? ''}">`, 'its model gives no sample rate');
  return childrenNamed(dataset, 'point').map(({ attributes: point }, index) => {
    const where = `point ${index + 1}${point.frame !== undefined ? ` (frame ${point.frame.slice(0, 20)})` : ''}`;
    const frame = point.frame ?? '';
    const duration = point.duration ?? '0';
    if (!/^\d+$/.test(frame)) throw fail(where, `"${frame.slice(0, 20)}" is not a frame number`);
    if (!/^\d+$/.test(duration)) throw fail(where, `its duration "${duration.slice(0, 20)}" is not a number of frames`);
    const startMs = Math.round((Number(frame) * 1000) / rate);
    const endMs = Math.round(((Number(frame) + Number(duration)) * 1000) / rate);
    return { where, kind: 'cue', startMs, endMs, text: point.label ?? '', tags: [], scenes: [], track: null, cue: null };
  });
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** SV's CSV of a layer, as it writes it (no header): time,label; time,value,label; or time,value,duration,label. */
function readSvCsv(fileName: string, text: string): ReadItem[] {
  return parseTable(text, ',', fileName).map((row) => {
    const where = `line ${row.line}`;
    const cells = row.cells.map((c) => c.trim());
    if (!DECIMAL.test(cells[0] ?? '')) throw itemError(fileName, where, `"${(cells[0] ?? '').slice(0, 20)}" is not a time in seconds`);
    let duration = '0';
    let label = '';
    if (cells.length >= 4) {
      duration = cells[2];
      label = row.cells.slice(3).join(',');
    } else if (cells.length === 3) label = row.cells[2];
    else if (cells.length === 2) label = row.cells[1];
    if (!DECIMAL.test(duration)) throw itemError(fileName, where, `the duration "${duration.slice(0, 20)}" is not in seconds`);
    const startMs = Math.round(Number(cells[0]) * 1000);
    return {
      where,
      kind: 'cue',
      startMs,
      endMs: startMs + Math.round(Number(duration) * 1000),
      text: label.trim(),
      tags: [],
      scenes: [],
      track: null,
      cue: null
    };
  });
}

/**
 * An SV layer's regions as cues on the track, all or none. A region without a label is named by its
 * place, as an unlabelled Audacity label is ("Region 3").
 */
export function importSonicVisualiser(db: Database.Database, trackId: number, fileName: string, text: string): ImportCounts {
  const track = getTrack(db, trackId);
  const isSvl = /^\s*(<\?xml|<!DOCTYPE|<sv)/.test(text.replace(/^\uFEFF/, ''));
  if (!isSvl && !/\.csv$/i.test(fileName) && !/^\s*[\d.]/.test(text)) {
    throw new ReelnotesError('INVALID_INPUT', `${fileName}: neither a Sonic Visualiser layer (.svl) nor its CSV; nothing was imported.`);
  }
  const items = (isSvl ? readSvl(fileName, text) : readSvCsv(fileName, text)).map((item, index) => ({
    ...item,
    text: item.text.trim() || `Region ${index + 1}`,
    track: track.title
  }));
  return writeStudyItems(db, track.filmId, fileName, items);
}
