import type { Browser, Page } from '@playwright/test';
import type { BenchHost } from './host-process';
import { summarise, type Row } from './measure';
import type { PageWindow } from './page-globals';

interface BenchCue {
  label: string;
  startMs: number;
  endMs: number;
}

/**
 * Runs in the page: clicks a cue's play button and returns the milliseconds, in the page's own
 * clock, until the player's position (the Elapsed timer's data-position-ms, which the player sets
 * from the playing media on every animation frame) is inside the cue and has moved on from where it
 * first showed there.
 */
function playCueUntilMoving(cue: BenchCue): Promise<number> {
  const { document, MutationObserver, requestAnimationFrame } = globalThis as unknown as PageWindow;
  const timer = document.querySelector('[role="timer"][aria-label="Elapsed"]')!;
  const button = document.querySelector(`[aria-label="Play cue ${cue.label}"]`)!;
  return new Promise((resolve, reject) => {
    let firstInside: number | null = null;
    const observer = new MutationObserver(() => {
      const at = Number(timer.getAttribute('data-position-ms'));
      if (at < cue.startMs || at >= cue.endMs) return;
      if (firstInside === null) firstInside = at;
      else if (at > firstInside) {
        observer.disconnect();
        clearTimeout(giveUp);
        resolve(performance.now() - asked);
      }
    });
    observer.observe(timer, { attributeFilter: ['data-position-ms'] });
    const giveUp = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`cue ${cue.label} never played`));
    }, 10_000);
    // Asked at the start of a frame, as the floor's play() is: both are then looked at on the frames that
    // follow, so neither gains or loses part of a frame from when in a frame it was asked.
    let asked = 0;
    requestAnimationFrame(() => {
      asked = performance.now();
      button.click();
    });
  });
}

/**
 * Runs in the page: the floor. A bare audio element plays the same file from the same address, each
 * cue from its start, and its position is looked at on every animation frame (as the player looks
 * at it): milliseconds from play() to the position moving, first play first.
 */
async function bareElementPlays({ src, cues }: { src: string; cues: BenchCue[] }): Promise<number[]> {
  const { Audio, requestAnimationFrame } = globalThis as unknown as PageWindow;
  const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  const audio = new Audio(src);
  await new Promise<void>((resolve, reject) => {
    audio.addEventListener('canplaythrough', resolve, { once: true });
    audio.addEventListener('error', () => reject(new Error(`${src} did not load`)), { once: true });
  });
  const times: number[] = [];
  for (const cue of cues) {
    const start = cue.startMs / 1000;
    audio.currentTime = start;
    const asked = performance.now();
    void audio.play();
    while (!(audio.currentTime > start)) await nextFrame();
    times.push(performance.now() - asked);
    audio.pause();
    await nextFrame();
  }
  return times;
}

async function pause(page: Page): Promise<void> {
  const dock = page.getByRole('region', { name: 'Score player' });
  await dock.getByRole('button', { name: 'Pause' }).click();
  await dock.getByRole('button', { name: 'Play', exact: true }).waitFor();
}

/**
 * From asking to play a cue to the playback position moving inside it, in the default library's
 * player (The Red Shoes Ballet stand-in), against a bare audio element playing the same file in a fresh
 * page of the same host. Thirty cues are added across the recording, so each play starts somewhere new; the first
 * play once the recording has loaded is reported on its own (cold).
 */
export async function measureCueLatency(browser: Browser, host: BenchHost): Promise<Row[]> {
  const [film] = await host.call<{ id: number }[]>('films.list');
  const tracks = await host.call<{ id: number; title: string }[]>('tracks.list', { filmId: film.id });
  const ballet = tracks.find((t) => t.title === 'The Red Shoes Ballet');
  if (!ballet) throw new Error('The default library has no Red Shoes Ballet track');
  const recordings = await host.call<{ id: number; trackId: number }[]>('recordings.list', { filmId: film.id });
  const recording = recordings.find((r) => r.trackId === ballet.id);
  if (!recording) throw new Error('The Red Shoes Ballet has no stand-in recording: run scripts/make-stand-ins.mjs');
  // Thirty, so that the p95 is not simply the slowest play: each is seen on whole frames, and one play that
  // misses a frame would otherwise be the p95 on its own.
  const cues: BenchCue[] = Array.from({ length: 30 }, (_, i) => ({
    label: `Bench cue ${i + 1}`,
    startMs: 1_000 + i * 1_250,
    endMs: 2_000 + i * 1_250
  }));
  for (const cue of cues) await host.call('cues.create', { trackId: ballet.id, ...cue });
  const plays = [...cues, cues[0]];

  // The floor plays in a page of its own, opened first: its first play is then as cold as the app's (the
  // first sound a fresh page makes), not warmed by the app's plays before it.
  const floorPage = await browser.newPage();
  const floor = await floorPage
    .goto(host.url)
    .then(() => floorPage.evaluate(bareElementPlays, { src: `/media/${recording.id}`, cues: plays }))
    .finally(() => floorPage.close());
  const page = await browser.newPage();
  try {
    await page.goto(host.url);
    const dock = page.getByRole('region', { name: 'Score player' });
    await dock.getByRole('combobox', { name: 'Track' }).selectOption({ label: ballet.title });
    await page.locator('[aria-label="Score player"][aria-busy="false"]').waitFor();
    await dock
      .getByRole('button', { name: `Play cue ${cues[0].label}`, exact: true })
      .and(page.locator(':enabled'))
      .waitFor();
    const app: number[] = [];
    for (const cue of plays) {
      app.push(await page.evaluate(playCueUntilMoving, cue));
      await pause(page);
    }
    const [appCold, ...appWarm] = app;
    const [floorCold, ...floorWarm] = floor;
    const warm = summarise(appWarm);
    const warmFloor = summarise(floorWarm);
    // The goal: no slower than the bare element by more than a fifth, first play included.
    const row = (measure: string, value: number, floorValue: number): Row => ({
      measure,
      value,
      floor: floorValue,
      unit: 'ms',
      goal: '<= 1.2x floor',
      met: value <= 1.2 * floorValue
    });
    return [
      row('play a cue until its position moves, first play (cold)', appCold, floorCold),
      row('play a cue until its position moves, p50', warm.p50, warmFloor.p50),
      {
        ...row('play a cue until its position moves, p95', warm.p95, warmFloor.p95),
        note: `${appWarm.length} plays of different cues after the first; floor: a bare <audio> element, same file, a fresh page of the same host`
      }
    ];
  } finally {
    await page.close();
  }
}
