import type Database from 'better-sqlite3';
import { getFilm, listFilmLines } from './films';
import { listScenes } from '../scenes/scenes';
import { listTracks } from '../tracks/tracks';

/**
 * Text from a film page or a person's scene edits is prose, not Markdown: characters that Markdown
 * would read as formatting or HTML are escaped, so the document says exactly what the app shows.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** A title in letters, digits and dashes, so every system can save it and an address can hold it. */
export function slugOf(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return base || 'film';
}

/** A file name from a title. */
export function fileNameFor(title: string, extension: string): string {
  return `${slugOf(title)}.${extension}`;
}

/** Lines the person's own work adds to the document: notes, tags and cues, by the modules that own them. */
export interface StudyExtras {
  film?: () => string[];
  scene?: (sceneId: number) => string[];
}

/**
 * A film's study as one Markdown document: the synopsis, the scenes in order with their context
 * and the person's own work on each, the score, and the film's dialogue and quotes.
 */
export function exportFilmMarkdown(db: Database.Database, filmId: number, extras: StudyExtras = {}): { fileName: string; text: string } {
  const film = getFilm(db, filmId);
  const out: string[] = [`# ${escapeMarkdown(film.title)}`, ''];
  if (film.composer) out.push(`*Score by ${escapeMarkdown(film.composer)}*`, '');
  out.push(escapeMarkdown(film.synopsis), '');
  const onFilm = extras.film?.() ?? [];
  if (onFilm.length) out.push('## Notes on the film', '', ...onFilm, '');
  out.push('## Scenes', '');
  for (const scene of listScenes(db, filmId)) {
    out.push(`### ${scene.position}. ${escapeMarkdown(scene.title)}`, '', escapeMarkdown(scene.description), '');
    if (scene.context) out.push(`> **Why it matters.** ${escapeMarkdown(scene.context)}`, '');
    const onScene = extras.scene?.(scene.id) ?? [];
    if (onScene.length) out.push(...onScene, '');
  }
  const tracks = listTracks(db, filmId);
  if (tracks.length) {
    out.push('## Score', '');
    for (const track of tracks) {
      const detail = [track.credit, track.description].filter(Boolean).map(escapeMarkdown).join(' — ');
      out.push(`- **${escapeMarkdown(track.title)}**${detail ? ` — ${detail}` : ''}`);
    }
    out.push('');
  }
  const lines = listFilmLines(db, filmId);
  for (const [kind, heading] of [
    ['dialogue', 'Dialogue'],
    ['quote', 'Quotes']
  ] as const) {
    const ofKind = lines.filter((l) => l.kind === kind);
    if (!ofKind.length) continue;
    out.push(`## ${heading}`, '');
    for (const line of ofKind) out.push(`- ${line.speaker ? `**${escapeMarkdown(line.speaker)}:** ` : ''}${escapeMarkdown(line.text)}`);
    out.push('');
  }
  return { fileName: fileNameFor(film.title, 'md'), text: `${out.join('\n').trimEnd()}\n` };
}
