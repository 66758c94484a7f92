import { lazy, type ComponentType } from 'react';

/**
 * A component whose code loads when it is first drawn, in a chunk of its own: the first screen (the
 * film and its scenes) then waits only for its own code, not for the score player's, the Markdown
 * renderer's or the dialogs'. Draw it inside a Suspense boundary.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}
