import { useSyncExternalStore } from 'react';
import { pictureRoute } from '../../../shared/picture-route';
import { filmClockNow, publishFilmClock, registerFilmPlayer, seekFilmWhenShown, watchFilmClock, type FilmClock } from './film-clock';
import type { FilmControls } from './film-deck';

/**
 * The film's picture in a window of its own (the ⧉ button, or View › Picture in Its Own Window), and
 * the desk that keeps driving it.
 *
 * One clock, owned by the picture's window: its `<video>` is the only one playing, so the frame it
 * shows is the film's time; a second element on the desk following it would be a second decoder that
 * drifts. The desk registers a stand-in player with film-clock.ts (`RemotePicture`) that sends every
 * move (its transport, keys, scene play, I/O's playhead, timestamp links, frame grabs) to the window,
 * and publishes the times the window reports as its own clock, so no view of the desk knows where the
 * picture is.
 *
 * The two windows share an origin (the browser host's page, or the desktop app's file), so they talk
 * over a BroadcastChannel. The window holds a Web Lock for as long as it lives: the desk asks for the
 * same lock and is given it the moment the window is gone (closed by the person, by "Attach back", or
 * crashed), and the picture comes back to the desk at the window's last time, playing if it played.
 */

const CHANNEL = 'reelnotes-film-picture';
const LOCK = 'reelnotes-film-picture';
/** The window's name: opening the picture again reuses the window rather than opening a second one. */
const WINDOW_NAME = 'reelnotes-film-picture';

/** A move of the film's transport, as the desk sends it to the window. */
export type DeckMove =
  | { move: 'seek'; ms: number; play: boolean }
  | { move: 'playSpan'; startMs: number; endMs: number; muted: boolean }
  | { move: 'toggle' | 'play' | 'pause' | 'shuttleForward' | 'shuttleBack' | 'stop' }
  | { move: 'skip'; ms: number }
  | { move: 'step'; frames: number }
  | { move: 'setRate'; rate: number };

type ToPicture =
  | { kind: 'hello' }
  | { kind: 'move'; filmId: number; deck: DeckMove }
  | { kind: 'grab'; filmId: number; request: number }
  | { kind: 'attach-back'; filmId: number };

type FromPicture =
  | { kind: 'open'; filmId: number; window: string }
  | { kind: 'clock'; clock: FilmClock }
  | { kind: 'frame'; request: number; png: Blob | null };

/** Carries out a move on the deck that shows the picture. */
export function makeMove(deck: FilmControls, move: DeckMove): void {
  switch (move.move) {
    case 'seek':
      return deck.seek(move.ms, { play: move.play });
    case 'playSpan':
      return deck.playSpan(move.startMs, move.endMs, { muted: move.muted });
    case 'skip':
      return deck.skip(move.ms);
    case 'step':
      return deck.step(move.frames);
    case 'setRate':
      return deck.setRate(move.rate);
    default:
      return deck[move.move]();
  }
}

/* The picture's window ------------------------------------------------------------------------ */

/** This window, as the desk tells it from another picture window before or after it. */
const windowId = crypto.randomUUID();
let lockHeld: Promise<void> | null = null;

/** Takes the lock once for the window's whole life: the desk's request for it is granted when the window is gone. */
function holdWindowLock(): Promise<void> {
  lockHeld ??= new Promise<void>((held) => {
    void navigator.locks.request(LOCK, () => {
      held();
      return new Promise<never>(() => undefined);
    });
  });
  return lockHeld;
}

/**
 * Run by the picture's window once its deck is made: it takes the lock, says it is open, reports its
 * clock to the desk and carries out the desk's moves. Returns the way to stop (the deck is gone).
 */
export function servePicture(filmId: number, deck: FilmControls): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  const say = (message: FromPicture) => channel.postMessage(message);
  let open = false;
  let stopped = false;
  const announce = () => {
    if (open && !stopped) say({ kind: 'open', filmId, window: windowId });
  };
  void holdWindowLock().then(() => {
    open = true;
    announce();
  });
  channel.onmessage = ({ data }: MessageEvent<ToPicture>) => {
    if (data.kind === 'hello') announce();
    else if (data.filmId !== filmId) return;
    else if (data.kind === 'move') makeMove(deck, data.deck);
    else if (data.kind === 'attach-back') window.close();
    else if (data.kind === 'grab') {
      void deck.framePng().then(
        (png) => say({ kind: 'frame', request: data.request, png }),
        () => say({ kind: 'frame', request: data.request, png: null })
      );
    }
  };
  const stopWatching = watchFilmClock(() => {
    const clock = filmClockNow();
    if (clock.filmId === filmId) say({ kind: 'clock', clock });
  });
  return () => {
    stopped = true;
    stopWatching();
    channel.close();
  };
}

/* The desk ------------------------------------------------------------------------------------ */

/** The film whose picture is in its own window, as the desk sees it. */
export interface PictureAway {
  filmId: number;
  /** True once the window has said it is open (until then the desk's moves wait for it). */
  open: boolean;
}

let away: PictureAway | null = null;
const listeners = new Set<() => void>();
const setAway = (next: PictureAway | null) => {
  away = next;
  listeners.forEach((listener) => listener());
};

/**
 * The desk's stand-in for the picture while it is in its own window: every move is sent there (held
 * until the window is open), and a frame grab asks the window for its frame.
 */
class RemotePicture implements FilmControls {
  private held: DeckMove[] = [];
  private grabs = new Map<number, (png: Blob | null) => void>();
  private nextGrab = 1;

  constructor(
    readonly filmId: number,
    private readonly channel: BroadcastChannel
  ) {}

  opened(): void {
    const held = this.held;
    this.held = [];
    held.forEach((move) => this.send(move));
  }

  frameArrived(request: number, png: Blob | null): void {
    this.grabs.get(request)?.(png);
    this.grabs.delete(request);
  }

  /** The window is gone: a grab it did not answer has no frame. */
  close(): void {
    this.grabs.forEach((resolve) => resolve(null));
    this.grabs.clear();
  }

  private send(deck: DeckMove): void {
    if (away?.open) this.channel.postMessage({ kind: 'move', filmId: this.filmId, deck } satisfies ToPicture);
    else this.held.push(deck);
  }

  seek(ms: number, { play = false }: { play?: boolean } = {}): void {
    this.send({ move: 'seek', ms, play });
  }
  playSpan(startMs: number, endMs: number, { muted = false }: { muted?: boolean } = {}): void {
    this.send({ move: 'playSpan', startMs, endMs, muted });
  }
  framePng(): Promise<Blob | null> {
    const request = this.nextGrab++;
    this.channel.postMessage({ kind: 'grab', filmId: this.filmId, request } satisfies ToPicture);
    return new Promise((resolve) => this.grabs.set(request, resolve));
  }
  toggle(): void {
    this.send({ move: 'toggle' });
  }
  play(): void {
    this.send({ move: 'play' });
  }
  pause(): void {
    this.send({ move: 'pause' });
  }
  skip(ms: number): void {
    this.send({ move: 'skip', ms });
  }
  step(frames: number): void {
    this.send({ move: 'step', frames });
  }
  setRate(rate: number): void {
    this.send({ move: 'setRate', rate });
  }
  shuttleForward(): void {
    this.send({ move: 'shuttleForward' });
  }
  shuttleBack(): void {
    this.send({ move: 'shuttleBack' });
  }
  stop(): void {
    this.send({ move: 'stop' });
  }
}

let remote: { picture: RemotePicture; unregister: () => void } | null = null;
let deskChannel: BroadcastChannel | null = null;
/** The windows whose end the desk is waiting for (each asks for the lock once). */
const watched = new Set<string>();

/** The picture comes back to the desk: at the window's last time, playing if it played. */
function pictureReturned(): void {
  if (!away || !remote) return;
  const { filmId } = away;
  const last = filmClockNow();
  remote.picture.close();
  remote.unregister();
  remote = null;
  setAway(null);
  // The middle of the frame the window showed (its clock names the frame's start): that frame, whatever the rounding.
  if (last.filmId === filmId) seekFilmWhenShown(filmId, last.timeMs + (last.frameMs ?? 0) / 2, { play: last.playing });
}

/** The desk takes the picture's window as its film's picture (after ⧉, or a window found open after a reload). */
function standIn(filmId: number, channel: BroadcastChannel): void {
  remote?.picture.close();
  remote?.unregister();
  const clock = filmClockNow();
  const picture = new RemotePicture(filmId, channel);
  const unregister = registerFilmPlayer(filmId, picture);
  // The desk's clock goes on showing where the film was until the window reports.
  if (clock.filmId === filmId) publishFilmClock(clock);
  remote = { picture, unregister };
}

function deskChannelOpen(): BroadcastChannel {
  if (deskChannel) return deskChannel;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = ({ data }: MessageEvent<FromPicture>) => {
    if (data.kind === 'open') {
      const onDesk = filmClockNow().filmId;
      // A window found open after a reload of the desk: taken back only if it shows the desk's film.
      if (away === null && onDesk !== null && onDesk !== data.filmId) {
        channel.postMessage({ kind: 'attach-back', filmId: data.filmId } satisfies ToPicture);
        return;
      }
      if (away?.filmId !== data.filmId) standIn(data.filmId, channel);
      setAway({ filmId: data.filmId, open: true });
      remote?.picture.opened();
      if (!watched.has(data.window)) {
        watched.add(data.window);
        // Given once the window holding it is gone; released at once, for the next window.
        void navigator.locks.request(LOCK, () => pictureReturned());
      }
    } else if (data.kind === 'clock') {
      // Only while the desk's film is the window's: another film's picture on the desk keeps its own clock.
      if (away?.filmId === data.clock.filmId && filmClockNow().filmId === data.clock.filmId) publishFilmClock(data.clock);
    } else if (data.kind === 'frame') remote?.picture.frameArrived(data.request, data.png);
  };
  deskChannel = channel;
  return channel;
}

/**
 * The desk listens for its picture's window from the start: one left open across a reload of the
 * desk answers the hello and is taken back as the film's picture.
 */
export function listenForPictureWindow(): void {
  deskChannelOpen().postMessage({ kind: 'hello' } satisfies ToPicture);
}

/**
 * Opens the film's picture alone in its own window, at the desk's time, playing if it played; the
 * desk's own picture gives way to it. Throws when the browser refused to open the window.
 */
export function openPictureWindow(filmId: number): void {
  const channel = deskChannelOpen();
  const clock = filmClockNow();
  const start = { filmId, ms: clock.filmId === filmId ? clock.timeMs : 0, play: clock.filmId === filmId && clock.playing };
  const address = `${window.location.pathname}${window.location.search}${pictureRoute(start)}`;
  const opened = window.open(address, WINDOW_NAME, 'popup,width=960,height=600');
  if (!opened) throw new Error('The picture’s window could not be opened: allow Reelnotes to open windows (pop-ups), then try again.');
  standIn(filmId, channel);
  setAway({ filmId, open: false });
}

/** Asks the picture's window to close: the picture comes back to the desk when it has. */
export function attachPictureBack(): void {
  if (away) deskChannelOpen().postMessage({ kind: 'attach-back', filmId: away.filmId } satisfies ToPicture);
}

/** The film whose picture is in its own window, or null while the picture is on the desk. */
export function usePictureAway(): PictureAway | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => away
  );
}

/** For a key handler: the picture's window now, without re-rendering. */
export const pictureAwayNow = (): PictureAway | null => away;

/** The desk's stand-in for the picture, for its transport while the picture is away. */
export const remotePicture = (): FilmControls | null => remote?.picture ?? null;
