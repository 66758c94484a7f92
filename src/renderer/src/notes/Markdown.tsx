import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { useDeferredValue, useMemo } from 'react';
import { frameHashOf } from '../../../shared/frames';
import { frameUrl } from '../../../shared/media-url';
import { isDesktop } from '../api';
import styles from './Markdown.module.css';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Markdown for notes. HTML typed into a note is shown as the text it is, not rendered: a note that
 * quotes `<b>` or `<script>` means those characters. DOMPurify then cleans the output again.
 */
const notesMarkdown = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html: ({ text }) => escapeHtml(text)
  }
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
  return (
    <div
      className={className ? `${styles.markdown} ${className}` : styles.markdown}
      aria-label={label}
      role={label ? 'region' : undefined}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
