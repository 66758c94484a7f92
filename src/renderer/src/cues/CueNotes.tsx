import type { Cue } from '../../../shared/score';
import { AnnotationsSection } from '../notes/AnnotationsSection';
import { useTags } from '../tags/queries';
import { useScore } from '../player/ScoreContext';

/**
 * Notes on one cue, written while the cue is open for editing: what the music does there, in the
 * same editor (Markdown, autosave, tags on each note) as notes on scenes.
 */
export function CueNotes({ cue }: { cue: Cue }) {
  // The film's tags, the very answer the tag panel holds: asked for once.
  const { filmId } = useScore();
  const tags = useTags(filmId);
  return (
    <AnnotationsSection
      target={{ kind: 'cue', id: cue.id }}
      filmId={filmId}
      heading={`Notes on “${cue.label}”`}
      allTags={tags.data ?? []}
    />
  );
}
