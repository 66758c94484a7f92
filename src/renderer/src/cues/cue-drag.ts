import type { DragEvent } from 'react';

/** The type a cue travels under when dragged from the cue list (to the timeline, which places it where it lands). */
export const CUE_DRAG_TYPE = 'application/x-reelnotes-cue';

/** Makes an element a drag source for a cue: spread the result on the cue's row (a plain function, no hook: rows are mapped). */
export function cueDragSource(cue: { id: number; label: string }): { draggable: true; onDragStart: (event: DragEvent) => void } {
  return {
    draggable: true,
    onDragStart: (event) => {
      event.dataTransfer.setData(CUE_DRAG_TYPE, String(cue.id));
      event.dataTransfer.setData('text/plain', cue.label);
      event.dataTransfer.effectAllowed = 'copy';
    }
  };
}
