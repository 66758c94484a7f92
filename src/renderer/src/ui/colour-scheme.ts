let darkScheme: MediaQueryList | null = null;

/**
 * Whether the dark theme is in effect, for canvases that draw in the theme's colours. One media query
 * list, read as it stands: asking `matchMedia` again on every frame of playback cost more than the read.
 */
export function prefersDark(): boolean {
  darkScheme ??= window.matchMedia('(prefers-color-scheme: dark)');
  return darkScheme.matches;
}
