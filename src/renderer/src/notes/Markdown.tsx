import DOMPurify from 'dompurify';
import { Marked, type TokenizerAndRendererExtension } from 'marked';
import { useDeferredValue, useMemo, type MouseEvent } from 'react';
import { frameHashOf } from '../../../shared/frames';
import { frameUrl } from '../../../shared/media-url';
import { filmTimeAtStartOf, formatFilmTime, nextFilmTimeIn } from '../../../shared/time-format';
import { isDesktop } from '../api';
import { seekFilm } from '../films/film-clock';
import { FILM_NOT_ON_DESK } from '../films/playhead';
import { useNotify } from '../notices/notify';
import styles from './Markdown.module.css';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Every hh:mm:ss or mm:ss written in a note's text is a button that takes the film there. Only the
 * preview shows it so: the note keeps the words as typed, and an export reads them as plain text.
 * Code keeps its times as code, and a link's own text is not split by a button.
 */
const filmTimeLinks: TokenizerAndRendererExtension = {
  name: 'filmTime',
  level: 'inline',
  start: (src) => {
    const at = nextFilmTimeIn(src);
    return at < 0 ? undefined : at;
  },
  tokenizer(src) {
    if (this.lexer.state.inLink) return undefined;
    const time = filmTimeAtStartOf(src);
    return time ? { type: 'filmTime', raw: time.written, ms: time.ms } : undefined;
  },
  renderer: ({ raw, ms }) =>
    `<button type="button" class="time-link" data-film-ms="${Number(ms)}" aria-label="Go to ${formatFilmTime(Number(ms))} in the film">${escapeHtml(raw)}</button>`
};

/**
 * Markdown for notes. HTML typed into a note is shown as the text it is, not rendered: a note that
 * quotes `<b>` or `<script>` means those characters. DOMPurify then cleans the output again.
 */
const notesMarkdown = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html: ({ text }) => escapeHtml(text)
  },
  extensions: [filmTimeLinks]
});

// Links in a note open outside the app (the desktop shell sends new windows to the system browser).
// A frame grab is written `frames/<sha256>.png` (its path beside an exported study) and shown from
// the library, by its hash.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  const grab = node.tagName === 'IMG' ? frameHashOf(node.getAttribute('src') ?? '') : null;
  if (grab) node.setAttribute('src', frameUrl(grab, isDesktop));
});

export function renderMarkdown(text: string): string {
  return DOMPurify.sanitize(notesMarkdown.parse(text, { async: false }), { FORBID_TAGS: ['style', 'form', 'input'] });
}

/** A note's text, rendered; `className` adds the look of where it is shown (the editor's preview). */
export function Markdown({ text, label, className }: { text: string; label?: string; className?: string }) {
  // A long note re-renders its preview when typing pauses, not on every keystroke.
  const deferred = useDeferredValue(text);
  const html = useMemo(() => renderMarkdown(deferred), [deferred]);
  const notify = useNotify();
  // One listener for every time in the note: the buttons are made by the Markdown, not by React.
  const onClick = (event: MouseEvent) => {
    const time = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-film-ms]') : null;
    if (!time) return;
    if (!seekFilm(Number(time.dataset.filmMs))) notify.failed(FILM_NOT_ON_DESK);
  };
  return (
    <div
      className={className ? `${styles.markdown} ${className}` : styles.markdown}
      aria-label={label}
      role={label ? 'region' : undefined}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
