import type Database from 'better-sqlite3';
import { formatFilmTime } from '../../shared/film-time';
import type { Annotation, TagRef } from '../../shared/notes';
import { annotationsFor } from './annotations';
import { formatMs } from '../../shared/cue-time';
import { cuesForScene } from './cues';
import { escapeMarkdown, type StudyExtras } from './study-export';
import { tagsOf } from './tags';

const tagList = (tags: TagRef[]) => tags.map((t) => `\`${t.name.replace(/`/g, "'")}\``).join(', ');

/**
 * An annotation as a Markdown list item. Its body is the person's own Markdown, kept as written and
 * indented under the item, so headings and lists inside a note stay inside it.
 */
function annotationItem(note: Annotation): string[] {
  const time = note.filmTimeMs === null ? '' : `**${formatFilmTime(note.filmTimeMs)}** `;
  const tags = note.tags.length ? ` — tags: ${tagList(note.tags)}` : '';
  const [first = '', ...rest] = note.body.split('\n');
  return [`- ${time}${first}${tags}`, ...rest.map((line) => (line ? `  ${line}` : ''))];
}

/** The person's notes, tags and the cues linked to each scene, for the film's Markdown study. */
export function notesForStudy(db: Database.Database, filmId: number): StudyExtras {
  return {
    film: () => annotationsFor(db, { kind: 'film', id: filmId }).flatMap(annotationItem),
    scene: (sceneId) => {
      const tags = tagsOf(db, 'scene', [sceneId]).get(sceneId) ?? [];
      const notes = annotationsFor(db, { kind: 'scene', id: sceneId });
      const lines: string[] = [];
      if (tags.length) lines.push(`*Tags:* ${tagList(tags)}`, '');
      const cues = cuesForScene(db, sceneId);
      if (cues.length) {
        lines.push('#### Cues in the score', '');
        for (const cue of cues) {
          lines.push(`- ${escapeMarkdown(cue.label)} — ${escapeMarkdown(cue.trackTitle)}, ${formatMs(cue.startMs, false)}–${formatMs(cue.endMs, false)}`);
        }
        lines.push('');
      }
      if (notes.length) lines.push(`#### My notes`, '', ...notes.flatMap(annotationItem));
      return lines;
    }
  };
}

