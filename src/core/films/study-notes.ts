import type Database from 'better-sqlite3';
import { formatFilmTime, formatTrackTime } from '../../shared/time-format';
import type { Annotation, TagRef } from '../../shared/notes';
import { annotationsFor } from '../notes/notes';
import { cuesForScene } from '../cues/cues';
import { escapeMarkdown, type StudyExtras } from './study-export';
import { tagsOf } from '../tags/tags';

const tagList = (tags: TagRef[]) => tags.map((t) => `\`${t.name.replace(/`/g, "'")}\``).join(', ');

/**
 * An annotation as a Markdown list item. Its body is the person's own Markdown, kept as written and
 * indented under the item, so headings and lists inside a note stay inside it. The time and tags
 * head the item on a line of their own, then a blank line, so the body is read as a document of its
 * own: written on the time's line, a note's `## heading` was read as text after the time.
 */
function annotationItem(note: Annotation): string[] {
  const about = [
    note.filmTimeMs === null ? '' : `**${formatFilmTime(note.filmTimeMs)}**`,
    note.tags.length ? `tags: ${tagList(note.tags)}` : ''
  ]
    .filter(Boolean)
    .join(' — ');
  const [first = '', ...rest] = note.body.split('\n');
  const indented = (line: string) => (line ? `  ${line}` : '');
  if (!about) return [`- ${first}`, ...rest.map(indented)];
  if (!note.body.trim()) return [`- ${about}`];
  return [`- ${about}`, '', indented(first), ...rest.map(indented)];
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
          lines.push(
            `- ${escapeMarkdown(cue.label)} — ${escapeMarkdown(cue.trackTitle)}, ${formatTrackTime(cue.startMs, false)}–${formatTrackTime(cue.endMs, false)}`
          );
        }
        lines.push('');
      }
      if (notes.length) lines.push(`#### My notes`, '', ...notes.flatMap(annotationItem));
      return lines;
    }
  };
}
