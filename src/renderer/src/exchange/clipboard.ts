import type { Citation } from '../../../shared/contract/exchange';
import { EXCHANGE_SHORTCUT } from './ExchangeEntry';

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

const styleNames = { chicago: 'Chicago', mla: 'MLA' } as const;

/** The notice for a citation copied (by the Cite button or a context menu): what was copied, and which facts the film still lacks. */
export function citationCopied(citation: Citation): string {
  const lacking = citation.missing.length
    ? ` The film has no ${citation.missing.join(' or ')} yet: add them under Export or import… (${EXCHANGE_SHORTCUT}).`
    : '';
  return `Copied the ${styleNames[citation.style]} citation: ${citation.text}${lacking}`;
}
