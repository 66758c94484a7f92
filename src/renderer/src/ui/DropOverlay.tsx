import styles from './DropOverlay.module.css';

/** What dropping the dragged file where it is now will do, or why it will not be taken. */
export function DropOverlay({ text, acts }: { text: string; acts: boolean }) {
  return (
    <div className={styles.overlay} aria-hidden="true">
      <div className={acts ? styles.card : `${styles.card} ${styles.refused}`} data-testid="drop-overlay">
        {text}
      </div>
    </div>
  );
}
