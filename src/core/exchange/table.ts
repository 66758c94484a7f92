import type Database from 'better-sqlite3';
import { tableColumnNames as tableColumns, type TableColumn, type TableImport, type TablePreview } from '../../shared/contract/exchange';
import type { ExportedFile } from '../../shared/contract/fields';
import { getFilm } from '../films/films';
import { fileNameFor } from '../films/study-export';
import type { ImportCounts } from '../../shared/contract/exchange';
import { itemError, readStudyItems, studyKinds, writeStudyItems, type ReadItem, type StudyItem, type StudyKind } from './study-items';
import { formatClock, parseTime } from './times';

/*
 * CSV (RFC 4180) and TSV, the spreadsheet's common ground. Reelnotes writes one row per item with a
 * header; it reads any table, by a column mapping the person confirms on a preview of its first rows.
 */

export type Delimiter = ',' | '\t' | ';';

/**
 * Tags and scene numbers share a cell, separated by "; ". A tag name may itself hold ";" (or a
 * backslash): it is written escaped by a backslash, so it comes back whole, while a hand-kept
 * sheet's "a;b" is still two tags.
 */
const LIST_SEPARATOR = '; ';
const listCell = (values: readonly (string | number)[]) =>
  values.map((value) => String(value).replace(/[\\;]/g, (c) => `\\${c}`)).join(LIST_SEPARATOR);

/** A list cell's values: split at each ";" not escaped by a backslash; a backslash before anything else is kept. */
function listValues(cell: string): string[] {
  const values: string[] = [];
  let value = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    if (c === '\\' && (cell[i + 1] === ';' || cell[i + 1] === '\\')) value += cell[++i];
    else if (c === ';') {
      values.push(value);
      value = '';
    } else value += c;
  }
  values.push(value);
  return values.map((part) => part.trim()).filter(Boolean);
}

/** A row as read, with the line it starts on (a quoted cell may span lines). */
interface Row {
  line: number;
  cells: string[];
}

/** Splits a table into rows of cells: quotes around a cell hold delimiters, line breaks and doubled quotes. */
export function parseTable(text: string, delimiter: Delimiter, fileName: string): Row[] {
  const rows: Row[] = [];
  const source = text.replace(/^\uFEFF/, '');
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let cellStarted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && !cellStarted) {
      quoted = true;
      cellStarted = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      cellStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      cellStarted = false;
      line++;
      rowLine = line;
    } else {
      cell += ch;
      cellStarted = true;
    }
  }
  if (quoted) throw itemError(fileName, `line ${rowLine}`, 'a quoted cell is never closed');
  cells.push(cell);
  if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
  return rows;
}

/** The delimiter of a file: TSV by name, else whichever of tab, comma and semicolon splits its first line most. */
export function guessDelimiter(fileName: string, text: string): Delimiter {
  if (/\.(tsv|tab)$/i.test(fileName)) return '\t';
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (d: string) => first.split(d).length - 1;
  const candidates: Delimiter[] = ['\t', ',', ';'];
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

const cellOf = (value: string, delimiter: Delimiter) =>
  /["\r\n]/.test(value) || value.includes(delimiter) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/** A film's study as a table with a header: times hh:mm:ss.mmm, tags and scenes separated by "; ". */
export function formatTable(items: readonly StudyItem[], delimiter: Delimiter): string {
  const time = (ms: number | null) => (ms === null ? '' : formatClock(ms));
  const rows = items.map((item) =>
    [
      time(item.startMs),
      time(item.endMs),
      item.text,
      listCell(item.tags),
      item.kind,
      listCell(item.scenes),
      item.track ?? '',
      item.cue ?? ''
    ]
      .map((value) => cellOf(value, delimiter))
      .join(delimiter)
  );
  return `${[tableColumns.join(delimiter), ...rows].join('\r\n')}\r\n`;
}

export function exportTable(db: Database.Database, filmId: number, format: 'csv' | 'tsv'): ExportedFile {
  const film = getFilm(db, filmId);
  return { fileName: fileNameFor(film.title, format), text: formatTable(readStudyItems(db, filmId), format === 'csv' ? ',' : '\t') };
}

const columnNames: Record<TableColumn, RegExp> = {
  start: /^(start|begin|from|in|time|start ?time|onset|begin ?time)( ?\(.*\))?$/i,
  end: /^(end|stop|to|out|end ?time|offset|end ?time)( ?\(.*\))?$/i,
  text: /^(text|label|note|notes|annotation|body|value|description|comment|title)$/i,
  tags: /^(tags?|keywords?|categor(y|ies))$/i,
  kind: /^(kind|type|tier)$/i,
  scene: /^(scenes?|scene ?(no|number|#))$/i,
  track: /^(track|layer)$/i,
  cue: /^cue$/i
};

const looksLikeTime = (value: string) => typeof parseTime(value, 'auto', 25) === 'number';

/**
 * The first rows of a table and a guessed mapping: a first row none of whose cells is a time is a
 * header, and its names say which column is which; without one, the first column holding times is
 * the start, the next the end, and the first other column the text.
 */
export function previewTable(fileName: string, text: string): TablePreview {
  const delimiter = guessDelimiter(fileName, text);
  const rows = parseTable(text, delimiter, fileName);
  const width = Math.max(0, ...rows.slice(0, 50).map((r) => r.cells.length));
  const first = rows[0]?.cells ?? [];
  const header = first.length > 0 && !first.some(looksLikeTime);
  const mapping: (TableColumn | null)[] = Array.from({ length: width }, () => null);
  if (header) {
    first.forEach((name, index) => {
      const column = (Object.keys(columnNames) as TableColumn[]).find((c) => columnNames[c].test(name.trim()));
      if (column && !mapping.includes(column)) mapping[index] = column;
    });
  } else {
    const sample = rows[0]?.cells ?? [];
    for (const [index, value] of sample.entries()) {
      const next: TableColumn | null = looksLikeTime(value)
        ? !mapping.includes('start')
          ? 'start'
          : !mapping.includes('end')
            ? 'end'
            : null
        : !mapping.includes('text')
          ? 'text'
          : null;
      mapping[index] = next;
    }
  }
  return {
    fileName,
    delimiter,
    header,
    rowCount: rows.length - (header ? 1 : 0),
    rows: rows.slice(0, 6).map((r) => r.cells),
    mapping
  };
}

/**
 * Reads a table's rows as items by the person's mapping. Every cell is checked; the first bad one
 * refuses the file with its line and column, before the library is touched.
 */
export function readTable(text: string, options: TableImport): ReadItem[] {
  const { fileName, mapping, notation, fps } = options;
  const delimiter = options.delimiter;
  const rows = parseTable(text, delimiter, fileName).slice(options.header ? 1 : 0);
  const columnOf = (column: TableColumn) => mapping.indexOf(column);
  const at = Object.fromEntries(tableColumns.map((c) => [c, columnOf(c)])) as Record<TableColumn, number>;
  return rows.map((row) => {
    const where = `line ${row.line}`;
    const cell = (column: TableColumn) => (at[column] >= 0 ? (row.cells[at[column]] ?? '') : '');
    const time = (column: 'start' | 'end') => {
      const parsed = parseTime(cell(column), notation, fps);
      if (parsed !== null && typeof parsed === 'object') throw itemError(fileName, `${where}, column ${column}`, parsed.problem);
      return parsed;
    };
    const kindText = cell('kind').trim().toLowerCase();
    const kind = (kindText === '' ? options.kind : kindText) as StudyKind;
    if (!studyKinds.includes(kind))
      throw itemError(fileName, `${where}, column kind`, `"${kindText.slice(0, 40)}" is not scene, note or cue`);
    const scenes = listValues(cell('scene')).map((value) => {
      if (!/^\d+$/.test(value)) throw itemError(fileName, `${where}, column scene`, `"${value.slice(0, 40)}" is not a scene number`);
      return Number(value);
    });
    const startMs = time('start');
    const endMs = time('end');
    const track = cell('track').trim() || (kind === 'cue' ? options.track : null);
    return {
      where,
      kind,
      startMs: kind === 'cue' && startMs === null ? null : startMs,
      endMs,
      text: kind === 'note' ? cell('text') : cell('text').trim(),
      tags: listValues(cell('tags')),
      scenes,
      track,
      cue: cell('cue').trim() || null
    };
  });
}

export function importTable(db: Database.Database, filmId: number, text: string, options: TableImport): ImportCounts {
  return writeStudyItems(db, filmId, options.fileName, readTable(text, options));
}
