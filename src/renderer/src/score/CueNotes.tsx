import { useState } from 'react';
import type { Cue } from '../../../shared/score';
import { useCall } from '../hooks/useCall';
import { AnnotationsSection } from '../notes/AnnotationsSection';
import { useScore } from './ScoreContext';

/**
 * Notes on one cue, written while the cue is open for editing: what the music does there, in the
 * same editor (Markdown, autosave, tags on each note) as notes on scenes.
 */
export function CueNotes({ cue }: { cue: Cue }) {
  const { onError } = useScore();
  const tags = useCall('tags.list', {});
  // The section reloads its notes when this moves, as the scene pane's does through the notes desk.
  const [revision, setRevision] = useState(0);
  return (
    <AnnotationsSection
      target={{ kind: 'cue', id: cue.id }}
      heading={`Notes on “${cue.label}”`}
      allTags={tags.data ?? []}
      revision={revision}
      onNotesChanged={() => {
        setRevision((r) => r + 1);
        tags.reload();
      }}
      onTrashed={() => setRevision((r) => r + 1)}
      onError={onError}
    />
  );
}
