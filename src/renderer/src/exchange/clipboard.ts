import type { Citation } from '../../../shared/contract/exchange';

/**
 * A citation on the clipboard as HTML (the title in italics, for a word processor) and as plain
 * text (for a plain editor); where the clipboard takes only text, as text alone.
 */
export async function copyCitation(citation: Citation): Promise<void> {
  if (typeof ClipboardItem === 'undefined') return navigator.clipboard.writeText(citation.text);
  await navigator.clipboard.write([
    new ClipboardItem({
      'text/plain': new Blob([citation.text], { type: 'text/plain' }),
      'text/html': new Blob([citation.html], { type: 'text/html' })
    })
  ]);
}
