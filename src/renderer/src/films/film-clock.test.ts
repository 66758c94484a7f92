import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FilmPlayer } from './film-clock';

/** A player as the film pane registers it, recording the seeks it is asked for. */
function recordingPlayer() {
  const seeks: number[] = [];
  const playsOn: boolean[] = [];
  const player: FilmPlayer = {
    seek: (ms, options) => {
      seeks.push(ms);
      playsOn.push(options?.play ?? false);
    },
    playSpan: () => undefined,
    framePng: () => Promise.resolve(null)
  };
  return { player, seeks, playsOn };
}

// The clock is module state, as in the page: each test gets a fresh copy.
let clock: typeof import('./film-clock');
beforeEach(async () => {
  vi.resetModules();
  clock = await import('./film-clock');
});

describe("a link's film time and the film's picture", () => {
  it('seeks at once when the film asked for is on the desk', () => {
    const one = recordingPlayer();
    clock.registerFilmPlayer(1, one.player);
    clock.seekFilmWhenShown(1, 62_000);
    expect(one.seeks).toEqual([62_000]);
  });

  it('waits for a film that is not on the desk yet, and seeks its picture when its pane registers', () => {
    const one = recordingPlayer();
    const unregisterOne = clock.registerFilmPlayer(1, one.player);
    clock.seekFilmWhenShown(2, 3_723_000);
    // The film on the desk is another: it does not move.
    expect(one.seeks).toEqual([]);
    unregisterOne();
    const two = recordingPlayer();
    clock.registerFilmPlayer(2, two.player);
    expect(two.seeks).toEqual([3_723_000]);
    // Handed over once: the same pane registering again (a new picture of the film) is not sought again.
    const again = recordingPlayer();
    clock.registerFilmPlayer(2, again.player);
    expect(again.seeks).toEqual([]);
  });

  it('waits when no film is on the desk at all (the app has just started on the link)', () => {
    clock.seekFilmWhenShown(3, 5_000);
    expect(clock.seekFilm(1_000)).toBe(false);
    const three = recordingPlayer();
    clock.registerFilmPlayer(3, three.player);
    expect(three.seeks).toEqual([5_000]);
  });

  it('drops the waiting time when another film comes to the desk first (the person went elsewhere)', () => {
    clock.seekFilmWhenShown(2, 9_000);
    const four = recordingPlayer();
    clock.registerFilmPlayer(4, four.player);
    expect(four.seeks).toEqual([]);
    const two = recordingPlayer();
    clock.registerFilmPlayer(2, two.player);
    expect(two.seeks).toEqual([]);
  });

  it('keeps only the last link: a second one before the picture came replaces the first', () => {
    clock.seekFilmWhenShown(2, 1_000);
    clock.seekFilmWhenShown(2, 7_000);
    const two = recordingPlayer();
    clock.registerFilmPlayer(2, two.player);
    expect(two.seeks).toEqual([7_000]);
  });

  it('hands over whether the picture played: one coming back from its own window plays on where it was', () => {
    clock.seekFilmWhenShown(2, 4_040, { play: true });
    const two = recordingPlayer();
    clock.registerFilmPlayer(2, two.player);
    expect(two.seeks).toEqual([4_040]);
    expect(two.playsOn).toEqual([true]);
    clock.seekFilmWhenShown(2, 1_000);
    expect(two.playsOn).toEqual([true, false]);
  });
});
