import type { Howl } from 'howler';
import type { Recording } from '../../../shared/score';
import { mediaUrl } from '../../../shared/media-url';
import { isDesktop } from '../api';

let howler: Promise<typeof import('howler')> | null = null;

/** howler loads with the first recording the score workspace opens, not with the first screen. */
function loadHowler() {
  howler ??= import('howler').then((module) => {
    // On the page's first click or key press howler "unlocks" audio by reloading every HTML5 sound, for
    // browsers that let a page play only from a gesture. Ours plays from gestures (a looped cue's timer
    // runs after one), and the reload threw the preloaded recording away just as the first cue was asked
    // for: the first play waited for the whole file to load again.
    module.Howler.autoUnlock = false;
    return module;
  });
  return howler;
}

/** The part of howler's HTML5 sound that says where its next play() starts (howler 2.2's own fields). */
interface HowlerSound {
  _seek: number;
  _ended: boolean;
  _paused: boolean;
  _node: HTMLAudioElement;
}

/**
 * Makes the next `howl.play()` start at `seconds` without seeking the `<audio>` element now, when the element
 * can start at once. howler starts an HTML5 sound by setting its element's currentTime to the sound's start
 * and calling the element's play(): one seek, as a bare element does. Seeking first with `howl.seek()` leaves
 * the element seeking when play() is asked, so howler waits for canplaythrough and then seeks again: two seeks
 * in a row before the first sound, which made a cue start 1.4–1.7× later than on a bare element. The fields set
 * are the ones `howl.seek()` sets, less the element's position. A playing sound is paused first (howler's
 * pause reads the element's position into the sound, so the start is set after it). Returns null, with nothing
 * set, while howler is starting a play or the element is loading or seeking: then the caller seeks the
 * ordinary way. Returns the element otherwise.
 */
function cueUp(howl: Howl, seconds: number): HTMLMediaElement | null {
  const internals = howl as unknown as { _sounds: HowlerSound[]; _playLock: boolean };
  const [sound] = internals._sounds;
  if (internals._sounds.length !== 1 || internals._playLock) return null;
  if (sound._node.readyState < HTMLMediaElement.HAVE_FUTURE_DATA || sound._node.seeking) return null;
  if (!sound._paused) howl.pause();
  sound._seek = seconds;
  sound._ended = false;
  return sound._node;
}

/** The speeds offered at once; any other in 5% steps between the slowest and the fastest is one press of − or + away. */
export const SPEEDS = [0.5, 0.6, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2] as const;
export const SPEED_STEP = 0.05;
const [SLOWEST, FASTEST] = [SPEEDS[0], SPEEDS[SPEEDS.length - 1]];

/** What plays now, for the now-playing metadata and the transport. */
export interface NowPlaying {
  recording: Recording;
  title: string;
  artist: string;
  album: string;
}

/** A cue being played: its range only, once or looped with an optional pause before each restart. */
export interface CuePlayback {
  cueId: number;
  startMs: number;
  endMs: number;
  loop: boolean;
  pauseMs: number;
}

export interface PlayerState {
  now: NowPlaying | null;
  loaded: boolean;
  playing: boolean;
  positionMs: number;
  durationMs: number;
  volume: number;
  rate: number;
  loopStartMs: number | null;
  loopEndMs: number | null;
  looping: boolean;
  /** The count-in: a pause before each repeat of a loop, the A–B loop's and a looped cue's alike. */
  loopPauseMs: number;
  cue: CuePlayback | null;
  /** Between two passes of a looped cue. */
  resting: boolean;
  error: string | null;
}

const initial: PlayerState = {
  now: null,
  loaded: false,
  playing: false,
  positionMs: 0,
  durationMs: 0,
  volume: 0.8,
  rate: 1,
  loopStartMs: null,
  loopEndMs: null,
  looping: false,
  loopPauseMs: 0,
  cue: null,
  resting: false,
  error: null
};

function formatOf(recording: Recording): string {
  if (/opus/i.test(recording.codec)) return 'opus';
  return (
    { 'audio/ogg': 'ogg', 'audio/mpeg': 'mp3', 'audio/flac': 'flac', 'audio/wav': 'wav', 'audio/mp4': 'm4a' }[recording.mimeType] ?? 'mp3'
  );
}

/**
 * The score player: one Howl at a time, streamed (html5 audio) from the library's media route so a
 * long recording starts at once and speed changes keep the pitch (the media element's
 * preservesPitch, on by default). Cue ranges and the A–B loop are enforced on every animation
 * frame, so a cue stops within a frame of its end and then sits exactly on it.
 */
export class ScorePlayer {
  private state: PlayerState = initial;
  private howl: Howl | null = null;
  private listeners = new Set<() => void>();
  private frame = 0;
  private restTimer = 0;
  private pendingSeekMs: number | null = null;
  private playWhenLoaded = false;
  private heldUntilSeeked: { release: () => void; timer: number } | null = null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): PlayerState => this.state;

  private set(changes: Partial<PlayerState>): void {
    this.state = { ...this.state, ...changes };
    if (this.heldUntilSeeked === null) this.listeners.forEach((listener) => listener());
  }

  /**
   * Holds the page's redraw for a play until its media element has reached the new position. The seek's last
   * step runs on the page's main thread: when the page redraws first (the playing cue's row, the Pause button,
   * the waveform), the sound starts a frame later than a bare element's would. The state itself changes at
   * once (getState reads it); only the listeners wait, and not longer than a few frames.
   */
  private holdUntilSeeked(element: HTMLMediaElement): void {
    this.releaseHeld();
    const release = () => this.releaseHeld();
    element.addEventListener('seeked', release, { once: true });
    this.heldUntilSeeked = { release: () => element.removeEventListener('seeked', release), timer: window.setTimeout(release, 100) };
  }

  private releaseHeld(): void {
    const held = this.heldUntilSeeked;
    if (held === null) return;
    this.heldUntilSeeked = null;
    held.release();
    window.clearTimeout(held.timer);
    this.listeners.forEach((listener) => listener());
  }

  /**
   * Loads a recording (unless it is already loaded); playback starts only when asked. Until howler
   * and the file are in, the player is "not loaded": a play or a seek asked meanwhile waits for it.
   */
  load(now: NowPlaying): void {
    if (this.state.now?.recording.id === now.recording.id) return;
    this.unload();
    this.set({
      now,
      loaded: false,
      playing: false,
      positionMs: 0,
      durationMs: now.recording.durationMs,
      loopStartMs: null,
      loopEndMs: null,
      looping: false,
      cue: null,
      error: null
    });
    this.updateMediaSession();
    void loadHowler().then(({ Howl }) => {
      // Another recording (or none) was asked for meanwhile.
      if (this.state.now !== now) return;
      this.howl = this.createHowl(Howl, now);
    });
  }

  private createHowl(Howl: typeof import('howler').Howl, now: NowPlaying): Howl {
    const howl: Howl = new Howl({
      src: [mediaUrl(now.recording.id, isDesktop)],
      format: [formatOf(now.recording)],
      html5: true,
      preload: true,
      volume: this.state.volume,
      rate: this.state.rate,
      onload: () => {
        if (howl !== this.howl) return;
        this.set({ loaded: true, durationMs: Math.round(howl.duration() * 1000) || now.recording.durationMs });
        if (this.pendingSeekMs !== null) howl.seek(this.pendingSeekMs / 1000);
        this.pendingSeekMs = null;
        if (this.playWhenLoaded) this.play();
      },
      onloaderror: () => howl === this.howl && this.set({ error: 'The recording could not be loaded.', playing: false }),
      onplayerror: () => howl === this.howl && this.set({ error: 'The recording could not be played.', playing: false }),
      onend: () => {
        if (howl !== this.howl) return;
        this.stopTicking();
        this.set({ playing: false, positionMs: this.state.durationMs, cue: this.state.cue?.loop ? this.state.cue : null });
      }
    });
    return howl;
  }

  unload(): void {
    this.releaseHeld();
    this.stopTicking();
    window.clearTimeout(this.restTimer);
    this.howl?.unload();
    this.howl = null;
    this.playWhenLoaded = false;
    this.pendingSeekMs = null;
    this.set({ now: null, loaded: false, playing: false, positionMs: 0, cue: null, resting: false });
  }

  play(): void {
    if (!this.state.now) return;
    const howl = this.howl;
    if (!howl || !this.state.loaded) {
      this.playWhenLoaded = true;
      return;
    }
    this.playWhenLoaded = false;
    window.clearTimeout(this.restTimer);
    if (this.state.positionMs >= this.state.durationMs - 5) this.seek(this.state.cue?.startMs ?? 0);
    if (!howl.playing()) howl.play();
    this.set({ playing: true, resting: false, error: null });
    this.startTicking();
    this.updateMediaSession();
  }

  pause(): void {
    this.playWhenLoaded = false;
    window.clearTimeout(this.restTimer);
    this.howl?.pause();
    this.stopTicking();
    this.set({ playing: false, resting: false, positionMs: this.currentMs() });
    this.updateMediaSession();
  }

  toggle(): void {
    if (this.state.playing || this.state.resting) this.pause();
    else this.play();
  }

  seek(ms: number): void {
    const clamped = Math.max(0, Math.min(ms, this.state.durationMs || ms));
    if (this.howl && this.state.loaded) this.howl.seek(clamped / 1000);
    else this.pendingSeekMs = clamped;
    // Seeking outside the cue being played ends the cue: the person has moved on.
    const cue = this.state.cue;
    this.set({ positionMs: clamped, cue: cue && clamped >= cue.startMs && clamped <= cue.endMs ? cue : null });
  }

  skip(deltaMs: number): void {
    this.seek(this.currentMs() + deltaMs);
  }

  setVolume(volume: number): void {
    const v = Math.max(0, Math.min(1, volume));
    this.howl?.volume(v);
    this.set({ volume: v });
  }

  /** Sets the speed, held between the slowest and fastest and to whole 5% steps (so 0.95 stays 0.95). */
  setRate(rate: number): void {
    const r = Math.max(SLOWEST, Math.min(FASTEST, Math.round(rate / SPEED_STEP) / (1 / SPEED_STEP)));
    this.howl?.rate(r);
    // What the sound now reports, so the transport shows the rate actually in effect.
    const actual = this.howl ? Number(this.howl.rate()) : r;
    this.set({ rate: Number.isFinite(actual) ? actual : r });
  }

  markLoopStart(): void {
    const at = this.currentMs();
    const end = this.state.loopEndMs;
    this.set({ loopStartMs: at, loopEndMs: end !== null && end <= at ? null : end });
  }

  markLoopEnd(): void {
    const at = this.currentMs();
    const start = this.state.loopStartMs ?? 0;
    if (at <= start) return;
    this.set({ loopStartMs: start, loopEndMs: at });
  }

  toggleLoop(): void {
    const { loopStartMs, loopEndMs, looping } = this.state;
    if (!looping && (loopStartMs === null || loopEndMs === null)) {
      // Without marks, L loops the whole recording.
      this.set({ looping: true, loopStartMs: 0, loopEndMs: this.state.durationMs });
      return;
    }
    this.set({ looping: !looping });
  }

  /** Loops a range marked on the waveform, from its start. */
  setLoop(startMs: number, endMs: number): void {
    if (endMs <= startMs) return;
    this.set({ loopStartMs: startMs, loopEndMs: endMs, looping: true, cue: null });
    this.playFrom(startMs);
  }

  setLoopPause(ms: number): void {
    this.set({ loopPauseMs: Math.max(0, ms) });
  }

  clearLoop(): void {
    this.set({ looping: false, loopStartMs: null, loopEndMs: null });
  }

  /** Plays from a position: one seek of the media element, made by howler's own play (see cueUp). */
  playFrom(ms: number): void {
    const howl = this.howl;
    const clamped = Math.max(0, Math.min(ms, this.state.durationMs || ms));
    if (!howl || !this.state.loaded) {
      this.seek(clamped);
      this.play();
      return;
    }
    const element = cueUp(howl, clamped / 1000);
    if (element) this.holdUntilSeeked(element);
    else howl.seek(clamped / 1000);
    const cue = this.state.cue;
    this.set({ positionMs: clamped, cue: cue && clamped >= cue.startMs && clamped <= cue.endMs ? cue : null });
    this.play();
  }

  /** Plays exactly a cue's range: from its start, stopping at its end or looping it. */
  playCue(cue: Omit<CuePlayback, 'loop' | 'pauseMs'>, options: { loop?: boolean; pauseMs?: number } = {}): void {
    const playback: CuePlayback = { ...cue, loop: options.loop ?? false, pauseMs: Math.max(0, options.pauseMs ?? this.state.loopPauseMs) };
    // A marker (a point) plays from its position on, to the end of the recording.
    if (playback.endMs <= playback.startMs) playback.endMs = this.state.durationMs;
    this.set({ cue: playback, looping: false });
    this.playFrom(playback.startMs);
  }

  stopCue(): void {
    this.set({ cue: null });
  }

  currentMs(): number {
    const howl = this.howl;
    if (!howl || !this.state.loaded) return this.pendingSeekMs ?? this.state.positionMs;
    const seconds = howl.seek();
    return typeof seconds === 'number' ? Math.round(seconds * 1000) : this.state.positionMs;
  }

  private startTicking(): void {
    this.stopTicking();
    const tick = () => {
      this.frame = requestAnimationFrame(tick);
      // While a play's redraw is held, the position shown stays the one it starts from.
      if (this.heldUntilSeeked === null) this.enforceRange(this.currentMs());
    };
    this.frame = requestAnimationFrame(tick);
  }

  private stopTicking(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private enforceRange(at: number): void {
    const { cue, looping, loopStartMs, loopEndMs } = this.state;
    if (cue && at >= cue.endMs) {
      if (!cue.loop) {
        this.howl?.pause();
        this.stopTicking();
        this.howl?.seek(cue.endMs / 1000);
        this.set({ playing: false, positionMs: cue.endMs });
        this.updateMediaSession();
        return;
      }
      this.restartAfterPause(cue.startMs, cue.pauseMs);
      return;
    }
    if (!cue && looping && loopStartMs !== null && loopEndMs !== null && at >= loopEndMs) {
      this.restartAfterPause(loopStartMs, this.state.loopPauseMs);
      return;
    }
    if (at !== this.state.positionMs) this.set({ positionMs: at });
  }

  /** Back to a loop's start, after the count-in pause when there is one. */
  private restartAfterPause(startMs: number, pauseMs: number): void {
    if (pauseMs <= 0) {
      this.playFrom(startMs);
      return;
    }
    this.howl?.seek(startMs / 1000);
    this.howl?.pause();
    this.stopTicking();
    this.set({ playing: false, resting: true, positionMs: startMs });
    this.restTimer = window.setTimeout(() => this.play(), pauseMs);
  }

  private updateMediaSession(): void {
    if (!('mediaSession' in navigator)) return;
    const session = navigator.mediaSession;
    const now = this.state.now;
    session.metadata = now ? new MediaMetadata({ title: now.title, artist: now.artist, album: now.album }) : null;
    session.playbackState = now ? (this.state.playing ? 'playing' : 'paused') : 'none';
  }

  /** The system's media keys and now-playing controls. */
  bindMediaKeys(): () => void {
    if (!('mediaSession' in navigator)) return () => {};
    const session = navigator.mediaSession;
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => this.play()],
      ['pause', () => this.pause()],
      ['stop', () => this.pause()],
      ['seekbackward', (d) => this.skip(-(d.seekOffset ?? 5) * 1000)],
      ['seekforward', (d) => this.skip((d.seekOffset ?? 5) * 1000)],
      ['seekto', (d) => d.seekTime !== undefined && this.seek(d.seekTime * 1000)]
    ];
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        // An action this browser does not know: the others still work.
      }
    }
    return () => handlers.forEach(([action]) => session.setActionHandler(action, null));
  }
}
