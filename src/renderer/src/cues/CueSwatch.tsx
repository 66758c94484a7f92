import { colourName } from '../../../shared/colour-names';
import styles from './CueSwatch.module.css';

/** A cue's colour as a small square beside its label, wherever cues are listed; announced by its name. */
export function CueSwatch({ colour }: { colour: string }) {
  const name = colourName(colour);
  return <span className={styles.swatch} style={{ background: colour }} role="img" aria-label={`Colour: ${name}`} title={name} />;
}
