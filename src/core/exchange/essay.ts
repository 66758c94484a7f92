import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportedFile } from '../../shared/contract/fields';
import type { Annotation, TagRef } from '../../shared/notes';
import { frameHashOf } from '../../shared/frames';
import { formatFilmTime, formatTrackTime } from '../../shared/time-format';
import type { Library } from '../library/library';
import { getFilm } from '../films/films';
import { slugOf } from '../films/study-export';
import { listScenes } from '../scenes/scenes';
import { listTracks } from '../tracks/tracks';
import { listCues } from '../cues/cues';
import { annotationsFor } from '../notes/notes';
import { tagsOf } from '../tags/tags';
import { cite, citeFilm, escapeHtml } from './citations';
import { citationFacts } from './citation-facts';
import { hasTable } from './schema-facts';

/**
 * The essay's own policy, for whoever opens the file: no script, nothing fetched, images only from
 * the data: URIs inside it, and its one inline stylesheet.
 */
const ESSAY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * Screen and print in one sheet. Print is A4 with every scene on a new page; the essay has no
 * controls to hide, so what the screen shows is what the page prints.
 */
const ESSAY_STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.5 Georgia, 'Times New Roman', serif; color: #1b1b1b; background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1.5em; }
h1 { font-size: 2.2em; margin: 0 0 .2em; font-style: italic; }
h2 { font-size: 1.45em; margin: 1.6em 0 .3em; }
h3 { font-size: 1.1em; margin: 1.2em 0 .3em; }
.reference, .span, .meta, .cite { color: #555; }
.span { font-variant-numeric: tabular-nums; margin: 0; }
.tags { margin: .3em 0; }
.tag { display: inline-block; border: 1px solid #999; border-radius: .8em; padding: 0 .5em; margin-right: .3em; font-size: .85em; }
.context { border-left: 3px solid #bbb; margin: .8em 0; padding: .1em 1em; font-style: italic; }
.note { margin: 1em 0; padding-left: 1em; border-left: 3px solid #d8d0c0; break-inside: avoid-page; }
.note .time { font-weight: bold; font-variant-numeric: tabular-nums; margin-right: .6em; }
.note p { margin: .3em 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.cite { font-size: .85em; }
figure { margin: .8em 0; break-inside: avoid; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid #ccc; }
figcaption { font-size: .85em; color: #555; }
.cues { padding-left: 1.2em; }
.cues li { margin: .2em 0; }
.works-cited p { padding-left: 2em; text-indent: -2em; }
@page { size: A4; margin: 20mm 18mm 22mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  .scene { break-before: page; }
  h2, h3 { break-after: avoid-page; }
  a { color: inherit; text-decoration: none; }
}
`;

const tagsHtml = (tags: readonly TagRef[]) =>
  tags.length ? `<p class="tags">${tags.map((t) => `<span class="tag">${escapeHtml(t.name)}</span>`).join('')}</p>` : '';

const spanOf = (startMs: number | null, endMs: number | null) =>
  startMs === null ? null : endMs === null ? formatFilmTime(startMs) : `${formatFilmTime(startMs)}–${formatFilmTime(endMs)}`;

/**
 * The frames the essay embeds, read from the library's media folder once each. A grab whose image
 * has gone is named, not hidden, so a printed essay never silently loses a figure.
 */
class FrameImages {
  private readonly uris = new Map<string, string | null>();

  constructor(private readonly mediaDir: string) {}

  dataUri(sha256: string): string | null {
    if (!this.uris.has(sha256)) {
      const path = join(this.mediaDir, `${sha256}.png`);
      this.uris.set(sha256, existsSync(path) ? `data:image/png;base64,${readFileSync(path).toString('base64')}` : null);
    }
    return this.uris.get(sha256)!;
  }

  /** A grab's caption is its citation as Markdown writes it (`*The Red Shoes* (1948), 01:23:45`): the title set in italics. */
  figure(sha256: string, caption: string): string {
    const uri = this.dataUri(sha256);
    const plain = caption.replace(/\*([^*]+)\*/g, '$1');
    if (!uri) return `<p class="meta">[The frame grab “${escapeHtml(plain)}” is missing from the library.]</p>`;
    const italic = escapeHtml(caption).replace(/\*([^*]+)\*/g, '<i>$1</i>');
    return `<figure><img src="${uri}" alt="${escapeHtml(plain)}"><figcaption>${italic}</figcaption></figure>`;
  }

  get embedded(): ReadonlySet<string> {
    return new Set(this.uris.keys());
  }
}

/** A frame grab in a note's Markdown, `![caption](frames/<sha256>.png)`, on a line of its own. */
const FRAME_LINE = /^\s*!\[([^\]]*)\]\((frames\/[0-9a-f]{64}\.png)\)\s*$/;

/**
 * A note's Markdown as the essay prints it: its words as written (escaped, line breaks kept, one
 * paragraph per blank-line block), and the frame grabs it shows as figures. Markdown's other
 * markup stays as the person typed it: the essay is a record of the note, never a page it controls.
 */
function noteBodyHtml(body: string, frames: FrameImages): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push(`<p>${escapeHtml(paragraph.join('\n'))}</p>`);
    paragraph = [];
  };
  for (const line of body.split('\n')) {
    const frame = FRAME_LINE.exec(line);
    if (frame) {
      flush();
      blocks.push(frames.figure(frameHashOf(frame[2])!, frame[1]));
    } else if (!line.trim()) flush();
    else paragraph.push(line);
  }
  flush();
  return blocks.join('\n');
}

/**
 * The film's study as one self-contained HTML file, to read or to print (A4, a page per scene):
 * the film's reference, its synopsis, the notes on the film, each scene with its span, tags, the
 * cues linked to it and the person's notes (film times as hh:mm:ss, each note with its citation),
 * the score's cues, and the frame grabs no note shows. Styles are inline and every frame is a data:
 * URI, so the file opens anywhere, offline, exactly as exported; it holds no script.
 */
export function exportEssayHtml(library: Library, filmId: number): ExportedFile {
  const { db } = library;
  const film = getFilm(db, filmId);
  const facts = citationFacts(db, filmId);
  const frames = new FrameImages(library.mediaDir);
  const noteHtml = (note: Annotation) => {
    const time = note.filmTimeMs === null ? '' : `<span class="time">${formatFilmTime(note.filmTimeMs)}</span>`;
    const citation = cite(db, { kind: 'note', id: note.id }).html;
    return `<article class="note">${time}${tagsHtml(note.tags)}${noteBodyHtml(note.body, frames)}<p class="cite">${citation}</p></article>`;
  };

  const out: string[] = [];
  out.push(`<header class="title-page"><h1>${escapeHtml(film.title)}</h1>`);
  out.push(`<p class="reference">${citeFilm(db, filmId).html}</p>`);
  if (film.composer) out.push(`<p class="meta">Score by ${escapeHtml(film.composer)}</p>`);
  out.push(`<p>${escapeHtml(film.synopsis)}</p></header>`);
  // Issue 14's timeline picture of the whole film belongs here, between the synopsis and the notes.

  const onFilm = annotationsFor(db, { kind: 'film', id: filmId });
  if (onFilm.length) out.push('<section class="film-notes"><h2>Notes on the film</h2>', ...onFilm.map(noteHtml), '</section>');

  const scenes = listScenes(db, filmId);
  const sceneTags = tagsOf(
    db,
    'scene',
    scenes.map((s) => s.id)
  );
  const tracks = listTracks(db, filmId);
  const cuesByTrack = new Map(tracks.map((t) => [t.id, listCues(db, t.id)]));
  for (const scene of scenes) {
    out.push(`<section class="scene" id="scene-${scene.position}">`);
    out.push(`<h2>${scene.position}. ${escapeHtml(scene.title)}</h2>`);
    const span = spanOf(scene.startMs, scene.endMs);
    if (span) out.push(`<p class="span">${span}</p>`);
    out.push(tagsHtml(sceneTags.get(scene.id) ?? []));
    if (scene.description) out.push(`<p>${escapeHtml(scene.description)}</p>`);
    if (scene.context) out.push(`<p class="context">${escapeHtml(scene.context)}</p>`);
    const linked = tracks.flatMap((track) =>
      cuesByTrack
        .get(track.id)!
        .filter((cue) => cue.scenes.some((s) => s.id === scene.id))
        .map((cue) => ({ track, cue }))
    );
    if (linked.length) {
      out.push('<h3>Music</h3><ul class="cues">');
      for (const { track, cue } of linked) {
        out.push(
          `<li>${escapeHtml(cue.label)} — <i>${escapeHtml(track.title)}</i>, ${formatTrackTime(cue.startMs, false)}–${formatTrackTime(cue.endMs, false)}</li>`
        );
      }
      out.push('</ul>');
    }
    const notes = annotationsFor(db, { kind: 'scene', id: scene.id });
    if (notes.length) out.push('<h3>Notes</h3>', ...notes.map(noteHtml));
    out.push(`<p class="cite">${cite(db, { kind: 'scene', id: scene.id }).html}</p></section>`);
  }

  const cueTags = tagsOf(
    db,
    'cue',
    [...cuesByTrack.values()].flat().map((c) => c.id)
  );
  const scored = tracks.filter((t) => cuesByTrack.get(t.id)!.length);
  if (scored.length) {
    out.push('<section class="score"><h2>The score</h2>');
    for (const track of scored) {
      out.push(`<h3>${escapeHtml(track.title)}${track.credit ? ` <span class="meta">— ${escapeHtml(track.credit)}</span>` : ''}</h3>`);
      out.push('<ul class="cues">');
      for (const cue of cuesByTrack.get(track.id)!) {
        const scenesOf = cue.scenes.length ? ` (scene ${cue.scenes.map((s) => s.position).join(', ')})` : '';
        const tags = (cueTags.get(cue.id) ?? []).map((t) => `<span class="tag">${escapeHtml(t.name)}</span>`).join('');
        out.push(
          `<li>${formatTrackTime(cue.startMs, false)}–${formatTrackTime(cue.endMs, false)} ${escapeHtml(cue.label)}${scenesOf} ${tags}</li>`
        );
        for (const note of annotationsFor(db, { kind: 'cue', id: cue.id })) out.push(noteHtml(note));
      }
      out.push('</ul>');
    }
    out.push('</section>');
  }

  // The grabs no note shows are the essay's plates, so every frame of the study is in it once.
  if (hasTable(db, 'frame_grabs')) {
    const grabs = db.prepare('SELECT sha256, citation FROM frame_grabs WHERE film_id = ? ORDER BY time_ms, id').all(filmId) as {
      sha256: string;
      citation: string;
    }[];
    const shown = frames.embedded;
    const plates = grabs.filter((g) => !shown.has(g.sha256));
    if (plates.length)
      out.push('<section class="frames"><h2>Frames</h2>', ...plates.map((g) => frames.figure(g.sha256, g.citation)), '</section>');
  }

  out.push('<section class="works-cited"><h2>Works cited</h2>');
  for (const style of ['chicago', 'mla'] as const) out.push(`<p>${citeFilm(db, filmId, style).html}</p>`);
  out.push('</section>');

  const title = `${escapeHtml(facts.title)} — a study`;
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${ESSAY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Reelnotes">',
    `<title>${title}</title>`,
    `<style>${ESSAY_STYLE}</style>`,
    '</head>',
    '<body>',
    ...out.filter(Boolean),
    '</body>',
    '</html>',
    ''
  ].join('\n');
  return { fileName: `${slugOf(film.title)}-study.html`, text: html };
}
