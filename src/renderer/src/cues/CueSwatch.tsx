import styles from './CueSwatch.module.css';

/** A cue's colour as a small square beside its label, wherever cues are listed. */
export function CueSwatch({ colour }: { colour: string }) {
  return <span className={styles.swatch} style={{ background: colour }} aria-hidden="true" />;
}
