import type { FilmClock, FilmPlayer } from './film-clock';

/** Speeds the film plays at; the media elements keep the pitch at each (preservesPitch). */
export const FILM_SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/**
 * The converted sound follows the picture's clock by its speed: a little faster or slower (at most
 * 5%, which no one hears as pitch with preservesPitch on) until the gap closes, so the sound never
 * jumps. A gap past a quarter second (a stall, a seek the sound missed) is closed by a seek.
 */
const MAX_NUDGE = 0.05;
const NUDGE_PER_MS = 0.002;
const RESYNC_MS = 250;

/**
 * What the film's transport does, whoever carries it out: the deck over the `<video>` beside the
 * notes, or the picture in its own window driven from the desk (picture-window.ts).
 */
export interface FilmControls extends FilmPlayer {
  toggle(): void;
  play(): void;
  pause(): void;
  /** Moves the playhead by `ms` (negative: back). */
  skip(ms: number): void;
  /** One frame back or forward (frames = -1 or 1), paused. */
  step(frames: number): void;
  setRate(rate: number): void;
  shuttleForward(): void;
  shuttleBack(): void;
  stop(): void;
}

interface Film {
  filmId: number;
  durationMs: number;
  frameMs: number;
}

/**
 * The film's transport over its `<video>`, and over the converted sound when the film's own cannot
 * play: a hidden `<audio>` slaved to the picture's clock (started, stopped, sought and sped with it,
 * and put back when it drifts). Reports every change through `publish` (film-clock.ts).
 */
export class FilmDeck implements FilmControls {
  private sound: HTMLAudioElement | null = null;
  private spanEndMs: number | null = null;
  /** A span played without the film's sound (a cue's recording over the picture): unmuted when it stops. */
  private spanMuted = false;
  /** A seek asked for before the picture's metadata was known (a link that opened the film): made once it is. */
  private seekWhenLoaded: { ms: number; play: boolean } | null = null;
  private frameRequest = 0;
  /** Reverse shuttle: the speed backwards, and when the last step back was asked for. */
  private reverse: { speed: number; since: number } | null = null;
  private readonly detach: () => void;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly film: Film,
    private readonly publish: (clock: FilmClock) => void
  ) {
    video.preservesPitch = true;
    const onChange = () => this.report();
    const onMetadata = () => {
      const waiting = this.seekWhenLoaded;
      this.seekWhenLoaded = null;
      if (waiting !== null) this.seek(waiting.ms, { play: waiting.play });
      this.report();
    };
    const onPlay = () => {
      this.followFrames();
      this.syncSound(true);
    };
    const onPause = () => {
      this.sound?.pause();
      this.report();
    };
    const onSeeked = () => {
      this.syncSound(!video.paused);
      this.followFrames();
      this.report();
      if (this.reverse) this.stepBackwards();
    };
    const onWaiting = () => this.sound?.pause();
    const onRate = () => {
      if (this.sound) this.sound.playbackRate = video.playbackRate;
      this.report();
    };
    const listeners: [string, () => void][] = [
      ['loadedmetadata', onMetadata],
      ['timeupdate', onChange],
      ['ended', onPause],
      ['pause', onPause],
      ['play', onPlay],
      ['playing', () => this.syncSound(true)],
      ['waiting', onWaiting],
      ['seeked', onSeeked],
      ['ratechange', onRate]
    ];
    listeners.forEach(([name, listener]) => video.addEventListener(name, listener));
    this.detach = () => listeners.forEach(([name, listener]) => video.removeEventListener(name, listener));
  }

  dispose(): void {
    this.detach();
    this.video.cancelVideoFrameCallback(this.frameRequest);
    this.sound?.pause();
  }

  /** The converted sound to play with the picture (null: the film's own sound, if it has one). */
  useSound(sound: HTMLAudioElement | null): void {
    this.sound?.pause();
    this.sound = sound;
    this.video.muted = sound !== null;
    if (sound) {
      sound.preservesPitch = true;
      sound.playbackRate = this.video.playbackRate;
      this.syncSound(!this.video.paused);
    }
  }

  get timeMs(): number {
    return this.video.currentTime * 1000;
  }

  get playing(): boolean {
    return !this.video.paused || this.reverse !== null;
  }

  /* FilmPlayer (film-clock.ts) ------------------------------------------------------------------ */

  seek(ms: number, { play = false }: { play?: boolean } = {}): void {
    this.stopReverse();
    this.spanEndMs = null;
    this.muteSpan(false);
    if (this.video.readyState < HTMLMediaElement.HAVE_METADATA) {
      this.seekWhenLoaded = { ms, play };
      return;
    }
    this.video.currentTime = this.clamp(ms) / 1000;
    if (play) void this.video.play().catch(() => this.report());
  }

  playSpan(startMs: number, endMs: number, { muted = false }: { muted?: boolean } = {}): void {
    this.stopReverse();
    this.muteSpan(muted);
    this.video.currentTime = this.clamp(startMs) / 1000;
    this.spanEndMs = Math.min(endMs, this.film.durationMs);
    void this.video.play();
  }

  /** The frame on screen, at the video's own size (not the size it is drawn at). */
  async framePng(): Promise<Blob | null> {
    const video = this.video;
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return null;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')!.drawImage(video, 0, 0, canvas.width, canvas.height);
    return new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The frame could not be drawn.'))), 'image/png')
    );
  }

  /* The transport ---------------------------------------------------------------------------- */

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  play(): void {
    this.stopReverse();
    void this.video.play();
  }

  pause(): void {
    this.stopReverse();
    this.spanEndMs = null;
    this.muteSpan(false);
    this.video.pause();
  }

  skip(ms: number): void {
    this.seek(this.timeMs + ms);
  }

  /**
   * One frame back or forward, paused. The picture is put in the middle of the frame, so that the
   * decoder shows that frame whatever the rounding of its timestamps.
   */
  step(frames: number): void {
    this.pause();
    const { frameMs } = this.film;
    const index = Math.floor(this.timeMs / frameMs + 1e-3) + frames;
    const last = Math.floor(this.film.durationMs / frameMs - 1e-3);
    this.video.currentTime = ((Math.min(Math.max(0, index), last) + 0.5) * frameMs) / 1000;
  }

  setRate(rate: number): void {
    this.video.playbackRate = rate;
  }

  /** L: forward at 1×, then faster at each press up to 2×; from reverse, forward at 1×. */
  shuttleForward(): void {
    if (this.reverse || this.video.paused) {
      this.stopReverse();
      this.video.playbackRate = 1;
      void this.video.play();
    } else {
      this.video.playbackRate = Math.min(2, this.video.playbackRate * 2);
    }
  }

  /**
   * J: backwards at 1×, then 2×. A media element cannot play in reverse, so the picture steps back
   * by the time that passed at that speed each time the previous seek has landed.
   */
  shuttleBack(): void {
    const speed = this.reverse ? Math.min(2, this.reverse.speed * 2) : 1;
    this.spanEndMs = null;
    this.muteSpan(false);
    this.video.pause();
    const starting = this.reverse === null;
    this.reverse = { speed, since: performance.now() };
    if (starting) this.stepBackwards();
    this.report();
  }

  /** K: stop, wherever the shuttle was going. */
  stop(): void {
    this.pause();
    this.report();
  }

  /* Inside ----------------------------------------------------------------------------------- */

  private stepBackwards(): void {
    const reverse = this.reverse;
    if (!reverse) return;
    const now = performance.now();
    const target = this.timeMs - Math.max(now - reverse.since, this.film.frameMs) * reverse.speed;
    reverse.since = now;
    if (target <= 0) {
      this.reverse = null;
      this.video.currentTime = 0;
      return;
    }
    this.video.currentTime = target / 1000;
  }

  /** The film's own sound, or the converted one that stands for it, silenced for a span or given back. */
  private muteSpan(muted: boolean): void {
    if (muted === this.spanMuted) return;
    this.spanMuted = muted;
    if (this.sound) this.sound.muted = muted;
    else this.video.muted = muted;
  }

  private stopReverse(): void {
    this.reverse = null;
  }

  private clamp(ms: number): number {
    return Math.min(Math.max(0, ms), this.film.durationMs);
  }

  /** Puts the converted sound where the picture is, and plays it if the picture plays. */
  private syncSound(playing: boolean): void {
    const sound = this.sound;
    if (!sound) return;
    sound.currentTime = this.video.currentTime;
    if (playing && !this.video.paused) void sound.play().catch(() => undefined);
    else sound.pause();
  }

  private followPicture(): void {
    const sound = this.sound;
    if (!sound || sound.paused) return;
    const behindMs = (this.video.currentTime - sound.currentTime) * 1000;
    if (Math.abs(behindMs) > RESYNC_MS) {
      sound.currentTime = this.video.currentTime;
      sound.playbackRate = this.video.playbackRate;
      return;
    }
    const nudge = Math.min(MAX_NUDGE, Math.max(-MAX_NUDGE, behindMs * NUDGE_PER_MS));
    sound.playbackRate = this.video.playbackRate * (1 + nudge);
  }

  /** While the picture plays, each frame shown updates the clock (and ends a span, and checks the sound). */
  private followFrames(): void {
    this.video.cancelVideoFrameCallback(this.frameRequest);
    this.frameRequest = this.video.requestVideoFrameCallback((_now, metadata) => this.onFrame(metadata.mediaTime));
  }

  private onFrame(mediaTime: number): void {
    const { frameMs } = this.film;
    if (this.spanEndMs !== null && mediaTime * 1000 >= this.spanEndMs - frameMs / 2) {
      const end = this.spanEndMs;
      this.pause();
      this.video.currentTime = end / 1000;
      return;
    }
    this.followPicture();
    this.report(mediaTime);
    if (!this.video.paused) this.followFrames();
  }

  private report(mediaTime = this.video.currentTime): void {
    const duration = this.video.duration;
    this.publish({
      filmId: this.film.filmId,
      timeMs: Math.round(mediaTime * 1000),
      durationMs: Number.isFinite(duration) ? Math.round(duration * 1000) : this.film.durationMs,
      frameMs: this.film.frameMs,
      playing: this.playing,
      rate: this.video.playbackRate
    });
  }
}
