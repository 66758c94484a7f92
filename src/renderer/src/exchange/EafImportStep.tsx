import { useId, useState, type FormEvent } from 'react';
import { studyKindNames, type EafTierInfo, type ImportCounts } from '../../../shared/contract/exchange';
import type { IncomingText } from '../../../shared/contract/fields';
import { useNotify } from '../notices/notify';
import { useFilmTracks, useImportEaf } from './queries';

export interface PickedEaf {
  fileName: string;
  /** The file as it goes to the library again for the import: its text, or its path in the desktop app. */
  source: IncomingText;
  tiers: EafTierInfo[];
}

type Choice = (typeof studyKindNames)[number] | 'skip';
const choiceLabels: Record<Choice, string> = { note: 'Notes', scene: 'Scenes', cue: 'Cues', skip: 'Leave out' };

interface Props {
  filmId: number;
  eaf: PickedEaf;
  onDone: (counts: ImportCounts) => void;
  onCancel: () => void;
}

/**
 * The tier step of an ELAN file's import: each timed tier becomes notes, scenes or cues on a track
 * (as its name suggests, changeable) or is left out; dependent tiers say what they add to their parent.
 */
export function EafImportStep({ filmId, eaf, onDone, onCancel }: Props) {
  const ids = useId();
  const notify = useNotify();
  const importEaf = useImportEaf();
  const trackTitles = useFilmTracks(filmId).data?.map((t) => t.title) ?? [];
  const timed = eaf.tiers.filter((t) => t.timed);
  const [choices, setChoices] = useState<Record<string, Choice>>(() => Object.fromEntries(timed.map((t) => [t.id, t.guess ?? 'note'])));
  const [tracks, setTracks] = useState<Record<string, string>>(() => Object.fromEntries(timed.map((t) => [t.id, t.track ?? ''])));
  const trackOf = (tier: string) => (trackTitles.includes(tracks[tier]) ? tracks[tier] : (trackTitles[0] ?? ''));

  const run = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onDone(
        await importEaf.mutateAsync({
          filmId,
          ...eaf.source,
          tiers: timed.map((t) => ({ tier: t.id, as: choices[t.id], track: choices[t.id] === 'cue' ? trackOf(t.id) || null : null }))
        })
      );
    } catch (error) {
      notify.failed(error);
    }
  };

  return (
    <form className="exchange-section" aria-labelledby={`${ids}-heading`} onSubmit={run}>
      <h3 id={`${ids}-heading`} className="section-label">
        Import {eaf.fileName}: {timed.length} tiers
      </h3>
      <ul className="eaf-tiers">
        {eaf.tiers.map((tier) => (
          <li key={tier.id}>
            <span className="eaf-tier-name">{tier.id}</span>
            <span className="muted">
              {tier.annotations} annotations
              {tier.parent !== null &&
                ` · ${tier.role === 'tags' ? 'tags of' : tier.role === 'scene' ? 'scene numbers of' : 'depends on'} ${tier.parent}`}
            </span>
            {tier.timed && (
              <span className="exchange-line">
                <label className="inline-field">
                  <span className="visually-hidden">Tier {tier.id} becomes</span>
                  <select
                    className="text-field"
                    value={choices[tier.id]}
                    onChange={(e) => setChoices({ ...choices, [tier.id]: e.target.value as Choice })}
                  >
                    {([...studyKindNames, 'skip'] as Choice[]).map((c) => (
                      <option key={c} value={c}>
                        {choiceLabels[c]}
                      </option>
                    ))}
                  </select>
                </label>
                {choices[tier.id] === 'cue' && (
                  <label className="inline-field">
                    <span>on</span>
                    <select
                      className="text-field"
                      value={trackOf(tier.id)}
                      onChange={(e) => setTracks({ ...tracks, [tier.id]: e.target.value })}
                    >
                      {trackTitles.map((title) => (
                        <option key={title} value={title}>
                          {title}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="button subtle" onClick={onCancel}>
          Back
        </button>
        <button type="submit" className="button primary" disabled={importEaf.isPending}>
          Import
        </button>
      </div>
    </form>
  );
}
