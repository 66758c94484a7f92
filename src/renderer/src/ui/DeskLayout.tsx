import { createContext, useContext, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { Group, useDefaultLayout, useGroupRef, usePanelRef, type Layout } from 'react-resizable-panels';
import { useCommand } from '../keymap/keymap';
import { Pane, PaneBorder } from './panes';

/**
 * The height of the score's bar (track, transport, the score's own buttons): all the score keeps when
 * it is folded away, so the player is within reach from every view. Its CSS reads the same number.
 */
export const SCORE_BAR_PX = 52;

/** The room the score takes when the person studies a passage, in percent of the window's height. */
const SCORE_WIDE_PERCENT = 85;

/** What the score pane knows of its room on the desk, and the person's two ways to change it. */
export interface ScoreRoom {
  /** Folded down to its bar. */
  folded: boolean;
  /** Given most of the window. */
  wide: boolean;
  toggleFolded: () => void;
  toggleWide: () => void;
}

const ScoreRoomContext = createContext<ScoreRoom | null>(null);

/** The score pane's room; outside a desk (a test, a detached view), a score that can neither fold nor widen. */
export function useScoreRoom(): ScoreRoom {
  return useContext(ScoreRoomContext) ?? unmovable;
}
const unmovable: ScoreRoom = { folded: false, wide: false, toggleFolded: () => {}, toggleWide: () => {} };

interface Props {
  library: ReactNode;
  film: ReactNode;
  scene: ReactNode;
  score: ReactNode;
}

/**
 * The study desk: the library, the film and the scene side by side, the score below them. Every
 * border can be dragged (or moved with the arrow keys once focused); the library and the scene fold
 * away (Enter on the border after the library), and the sizes the person gives are kept in this
 * browser's storage for the next visit. Ctrl/⌘+Shift+S gives the score most of the window and back.
 */
export function DeskLayout({ library, film, scene, score }: Props) {
  const columns = useDefaultLayout({ id: 'reelnotes-desk-columns', onlySaveAfterUserInteractions: true });
  const rows = useDefaultLayout({ id: 'reelnotes-desk-rows', onlySaveAfterUserInteractions: true });
  const rowsGroup = useGroupRef();
  const scorePanel = usePanelRef();
  const [folded, setFolded] = useState(false);
  const [wide, setWide] = useState(false);
  // The rows as the person left them before widening the score, to come back to.
  const beforeWide = useRef<Layout | null>(null);

  const toggleWide = () => {
    const group = rowsGroup.current;
    if (!group) return;
    if (wide) {
      group.setLayout(beforeWide.current ?? { 'desk-top': 60, 'desk-score': 40 });
      setWide(false);
      return;
    }
    beforeWide.current = group.getLayout();
    group.setLayout({ 'desk-top': 100 - SCORE_WIDE_PERCENT, 'desk-score': SCORE_WIDE_PERCENT });
    setWide(true);
  };

  const toggleFolded = () => {
    const panel = scorePanel.current;
    if (!panel) return;
    if (panel.isCollapsed()) panel.expand();
    else panel.collapse();
    setWide(false);
  };

  useCommand('toggle-score-room', () => toggleWide());

  const room: ScoreRoom = { folded, wide, toggleFolded, toggleWide };
  const bar = { '--score-bar-height': `${SCORE_BAR_PX}px` } as CSSProperties;

  return (
    <Group
      style={bar}
      orientation="vertical"
      id="desk-rows"
      groupRef={rowsGroup}
      defaultLayout={rows.defaultLayout}
      onLayoutChanged={(layout, meta) => {
        rows.onLayoutChanged(layout, meta);
        // A border moved by hand is the person's own size: the key's next press widens again.
        if (meta.isUserInteraction) setWide(false);
      }}
    >
      <Pane id="desk-top" minSize="15%">
        <Group orientation="horizontal" id="desk-columns" defaultLayout={columns.defaultLayout} onLayoutChanged={columns.onLayoutChanged}>
          <Pane id="desk-library" defaultSize="18%" minSize="170px" collapsible>
            {library}
          </Pane>
          <PaneBorder between="columns" label="Resize the library (Enter folds it)" />
          <Pane id="desk-film" defaultSize="38%" minSize="300px">
            {film}
          </Pane>
          <PaneBorder between="columns" label="Resize the film and the scene" />
          <Pane id="desk-scene" defaultSize="44%" minSize="300px" collapsible>
            {scene}
          </Pane>
        </Group>
      </Pane>
      <PaneBorder between="rows" label="Resize the score" />
      <Pane
        id="desk-score"
        defaultSize="40%"
        minSize="200px"
        collapsible
        collapsedSize={`${SCORE_BAR_PX}px`}
        panelRef={scorePanel}
        onResize={() => setFolded(scorePanel.current?.isCollapsed() ?? false)}
      >
        <ScoreRoomContext.Provider value={room}>{score}</ScoreRoomContext.Provider>
      </Pane>
    </Group>
  );
}
