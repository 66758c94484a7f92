import { useState } from 'react';
import { useLibraryStatus } from './queries';
import styles from './Banner.module.css';

const TOLD = 'reelnotes.search-repairs-told';

/**
 * Told once: a search index was found damaged at launch and rebuilt from the library's own rows.
 * Nothing the person wrote was touched (the indexes hold no text of their own), but search may
 * have missed things before, so they hear of it.
 */
export function SearchRepairNotice() {
  const status = useLibraryStatus();
  const repairs = status.data?.searchRepairs ?? [];
  const key = repairs.map((r) => `${r.index}@${r.repairedAt}`).join(' ');
  const [told, setTold] = useState(() => sessionStorage.getItem(TOLD));
  if (repairs.length === 0 || told === key) return null;

  const dismiss = () => {
    sessionStorage.setItem(TOLD, key);
    setTold(key);
  };
  const covers = new Intl.ListFormat(undefined, { type: 'conjunction' }).format(repairs.map((r) => r.covers));

  return (
    <div className={styles.banner} role="status" aria-labelledby="repair-notice-heading">
      <div>
        <strong id="repair-notice-heading">Search was repaired.</strong>
        <p>
          The search index of {covers} was damaged and has been rebuilt from your library, so search finds everything again. Nothing you
          wrote was changed.
        </p>
      </div>
      <div className={styles.actions}>
        <button type="button" className="button subtle" onClick={dismiss}>
          OK
        </button>
      </div>
    </div>
  );
}
