import type { CitableKind } from '../../../shared/contract/exchange';
import { call } from '../api';
import { useNotify } from '../notices/notify';
import { citationCopied, copyCitation } from './clipboard';

interface Props {
  target: { kind: CitableKind; id: number };
  /** What the button cites, for its accessible name: "this scene", "cue Overture". */
  what: string;
  /** An icon button, for rows of icons such as a cue's. */
  compact?: boolean;
}

/**
 * Copies the film's reference with this moment's time, in the library's citation style, in one
 * click; the notice shows what was copied, and which facts the film still lacks.
 */
export function CiteButton({ target, what, compact = false }: Props) {
  const notify = useNotify();
  const citeIt = async () => {
    try {
      const citation = await call('exchange.cite', { target });
      await copyCitation(citation);
      notify.success(citationCopied(citation));
    } catch (error) {
      notify.failed(error);
    }
  };
  return (
    <button
      type="button"
      className={compact ? 'icon-button' : 'button subtle small'}
      aria-label={`Cite ${what}`}
      title="Copy a citation with this moment's time"
      onClick={() => void citeIt()}
    >
      {compact ? '❝' : 'Cite'}
    </button>
  );
}
