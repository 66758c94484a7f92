import { useState, type CSSProperties, type ReactNode } from 'react';
import { Panel, Separator, type PanelProps } from 'react-resizable-panels';
import styles from './panes.module.css';

/** Each pane scrolls its own parts (a list, a form), never the pane as a whole. */
const paneStyle: CSSProperties = { overflow: 'hidden' };

/**
 * One resizable pane of a group: its one child fills it. Folded to nothing, the pane is inert, so the
 * Tab key does not walk through controls nobody can see.
 */
export function Pane({ children, onResize, ...constraints }: Omit<PanelProps, 'className' | 'style'> & { children: ReactNode }) {
  const [gone, setGone] = useState(false);
  return (
    <Panel
      {...constraints}
      onResize={(size, id, before) => {
        setGone(size.inPixels < 1);
        onResize?.(size, id, before);
      }}
      inert={gone || undefined}
      className={styles.pane}
      style={paneStyle}
    >
      {children}
    </Panel>
  );
}

/**
 * The border between two panes: a hairline to the eye, a 5 px target to the pointer, and a focusable
 * separator that the arrow keys move (Enter folds the pane before it, when that pane can fold).
 */
export function PaneBorder({ between, label }: { between: 'columns' | 'rows'; label: string }) {
  return <Separator className={between === 'columns' ? styles.columnBorder : styles.rowBorder} aria-label={label} title={label} />;
}
