import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { makeVideoFixtures, type VideoFixtures } from '../../test/video-fixtures';
import { expect, test, type WebHost } from '../web-host';

/**
 * The timeline of a generated 8-second, 25 fps film attached to The Red Shoes: what is placed shows
 * at its time, a scene's end dragged is saved and read back, a tag row lists exactly its items, and
 * playing a placement from the timeline takes the film there.
 */

let films: VideoFixtures;
test.beforeAll(() => {
  films = makeVideoFixtures(8);
});
test.afterAll(() => films.remove());

const FRAME_MS = 40;
const pane = (page: Page) => page.getByRole('region', { name: 'Film picture' });
const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });
/** A row of the timeline: one list, one Tab stop; its chosen item is its one option while it has the focus. */
const row = (page: Page, name: string | RegExp) => timeline(page).getByRole('listbox', { name });
/** A row's chosen item, the row focused first (the canvas draws the items; the option stands over the chosen one). */
async function chosenIn(list: Locator): Promise<Locator> {
  await list.focus();
  return list.getByRole('option');
}
/** Every item of a row, as the keyboard reaches them: Home, then → to the last, each announced as n of the row's count. */
async function walk(list: Locator): Promise<{ name: string; startMs: number; endMs: number }[]> {
  const option = await chosenIn(list);
  await list.press('Home');
  await expect(option).toHaveAttribute('aria-posinset', '1');
  const size = Number(await option.getAttribute('aria-setsize'));
  const items: { name: string; startMs: number; endMs: number }[] = [];
  for (let i = 1; i <= size; i++) {
    if (i > 1) await list.press('ArrowRight');
    await expect(option).toHaveAttribute('aria-posinset', String(i));
    items.push({
      name: (await option.getAttribute('aria-label'))!,
      startMs: await startOf(option),
      endMs: Number(await option.getAttribute('data-end-ms'))
    });
  }
  return items;
}
const positionMs = async (page: Page) =>
  Number(await pane(page).getByRole('timer', { name: 'Film time' }).getAttribute('data-position-ms'));
const within = (page: Page, ms: number) =>
  expect.poll(async () => Math.abs((await positionMs(page)) - ms), { message: `the picture at ${ms} ms` }).toBeLessThanOrEqual(FRAME_MS);
const sceneInList = (page: Page, name: RegExp) => page.getByRole('listbox', { name: /Memorable scenes/ }).getByRole('option', { name });
const startOf = async (option: Locator) => Number(await option.getAttribute('data-start-ms'));

interface Desk {
  scenes: { id: number; title: string }[];
  trackId: number;
  trackTitle: string;
  cueId: number;
}

async function prepare(host: WebHost): Promise<Desk> {
  const scenes = (await host.call<{ id: number; title: string }[]>('scenes.list', { filmId: 1 })).result!;
  const spans = [
    [0, 2000],
    [2000, 5000],
    [5000, 8000]
  ];
  for (const [i, [startMs, endMs]] of spans.entries())
    expect((await host.call('scenes.setSpan', { sceneId: scenes[i].id, startMs, endMs })).ok).toBe(true);
  const track = (await host.call<{ tracks: { id: number; title: string }[] }>('films.open', { filmId: 1 })).result!.tracks[0];
  const cue = await host.call<{ id: number }>('cues.create', { trackId: track.id, label: 'Shoes motif', startMs: 0, endMs: 1000 });
  expect(cue.ok, JSON.stringify(cue)).toBe(true);
  expect((await host.call('video.attach', { filmId: 1, path: films.mp4 })).ok).toBe(true);
  return { scenes, trackId: track.id, trackTitle: track.title, cueId: cue.result!.id };
}

async function open(page: Page, host: WebHost): Promise<void> {
  await page.goto(host.url);
  await expect(pane(page).locator('video')).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
  const scenes = row(page, 'Scenes');
  await expect(await chosenIn(scenes)).toHaveAttribute('aria-setsize', '3');
  await scenes.blur();
}

test('a cue placed at the playhead stands on the timeline at that time; Enter on it plays the film from there', async ({ page, host }) => {
  const desk = await prepare(host);
  await open(page, host);
  await sceneInList(page, /The First Rehearsal/).click();
  await within(page, 2000);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Shift+ArrowRight');
  for (let i = 0; i < 3; i++) await page.keyboard.press('.');
  await within(page, 3000 + 3 * FRAME_MS);
  // Every frame step has landed before the playhead is taken.
  await expect(pane(page).locator('video')).toHaveJSProperty('seeking', false);
  const form = page.getByRole('form', { name: 'Place a cue in the film' });
  await form.getByLabel('Cue').selectOption({ label: 'Shoes motif' });
  await form.getByRole('button', { name: 'At the playhead' }).click();

  const track = row(page, desk.trackTitle);
  const placed = await chosenIn(track);
  await expect(placed).toHaveAttribute('aria-setsize', '1');
  // The paused picture's time: the time the cue was placed at.
  const playhead = await positionMs(page);
  expect(await startOf(placed)).toBe(playhead);
  await expect(placed).toHaveAttribute('data-end-ms', String(playhead + 1000));
  await expect(placed).toHaveAccessibleName(/^Shoes motif, 00:00:03\.03–00:00:04\.03$/);
  await placed.scrollIntoViewIfNeeded();
  // Drawn where it stands: its box starts at its time on the lanes.
  const lanes = await timeline(page).getByTestId('timeline-lanes').boundingBox();
  const box = (await placed.boundingBox())!;
  expect(Math.abs(box.x - lanes!.x - (playhead / 8000) * lanes!.width)).toBeLessThanOrEqual(2);

  // Elsewhere, then Enter on the placement: the film goes to its start and plays it.
  await sceneInList(page, /The Dancer.s Choice/).click();
  await within(page, 5000);
  await track.scrollIntoViewIfNeeded();
  await track.focus();
  await expect(placed).toHaveAccessibleName(/^Shoes motif, /);
  // Where the picture is taken (the time its seek goes to), then that it plays, caught by their own events: under
  // load the second of playing can come and go between two looks at the Pause button, and the position read when
  // 'playing' fires has already moved on by as much as a loaded machine's frame.
  const video = pane(page).locator('video');
  await video.evaluate((element: HTMLVideoElement) => {
    const page = globalThis as unknown as { playedFromMs: Promise<number> };
    let seekedToMs: number | null = null;
    element.addEventListener('seeking', () => (seekedToMs ??= element.currentTime * 1000));
    page.playedFromMs = new Promise((resolve) =>
      element.addEventListener('playing', () => resolve(seekedToMs ?? element.currentTime * 1000), { once: true })
    );
  });
  await track.press('Enter');
  const playedFromMs = await page.evaluate(() => (globalThis as unknown as { playedFromMs: Promise<number> }).playedFromMs);
  expect(Math.abs(playedFromMs - playhead)).toBeLessThanOrEqual(FRAME_MS);
  await expect(pane(page).getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  await within(page, playhead + 1000);
  await page.screenshot({ path: test.info().outputPath('timeline.png') });
});

test('a cue dragged from the cue list onto the timeline is placed where it is dropped', async ({ page, host }) => {
  const desk = await prepare(host);
  await open(page, host);
  const cue = page
    .getByRole('region', { name: 'Score player' })
    .getByRole('list', { name: 'Cues of the track' })
    .getByRole('listitem', { name: 'Cue Shoes motif' });
  const lanes = timeline(page).getByTestId('timeline-lanes');
  await lanes.scrollIntoViewIfNeeded();
  const box = (await lanes.boundingBox())!;
  const x = Math.round(box.width * 0.75);
  await cue.dragTo(lanes, { targetPosition: { x, y: 40 } });

  const placed = await chosenIn(row(page, desk.trackTitle));
  await expect(placed).toHaveAttribute('aria-setsize', '1');
  // Where it was let go: three quarters into the 8-second film, to the pixel.
  const startMs = await startOf(placed);
  expect(Math.abs(startMs - (x / box.width) * 8000)).toBeLessThanOrEqual(8000 / box.width);
  await expect(placed).toHaveAttribute('data-end-ms', String(startMs + 1000));
  const stored = await host.call<{ startMs: number; endMs: number }[]>('placements.forCue', { cueId: desk.cueId });
  expect(stored.result).toEqual([expect.objectContaining({ startMs, endMs: startMs + 1000 })]);
  await page.screenshot({ path: test.info().outputPath('timeline-cue-dropped.png') });
});

test('dragging a scene’s end saves the new time, shown while dragging, and Undo puts it back', async ({ page, host }) => {
  const desk = await prepare(host);
  await open(page, host);
  const audition = (await chosenIn(row(page, 'Scenes'))).and(page.getByRole('option', { name: /^The Audition/ }));
  // The film pane scrolls: the timeline is under the picture.
  await audition.scrollIntoViewIfNeeded();
  const box = (await audition.boundingBox())!;
  const lanes = (await timeline(page).getByTestId('timeline-lanes').boundingBox())!;
  const msPerPx = 8000 / lanes.width;
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2, { steps: 5 });
  await expect(timeline(page).getByRole('status')).toContainText('00:00:00.00–00:00:0');
  await page.mouse.up();
  const scene = async () =>
    (await host.call<{ id: number; endMs: number }[]>('scenes.list', { filmId: 1 })).result!.find((s) => s.id === desk.scenes[0].id)!;
  await expect.poll(async () => Math.abs((await scene()).endMs - (2000 + 41 * msPerPx))).toBeLessThanOrEqual(2 * msPerPx);
  const endMs = (await scene()).endMs;
  await expect(audition).toHaveAttribute('data-end-ms', String(endMs));
  // The new end is read to the frame where the timeline names the scene, and in the scene's own End field.
  const frame = `00:00:0${Math.floor(endMs / 1000)}.${String(Math.floor((endMs % 1000) / FRAME_MS)).padStart(2, '0')}`;
  await expect(audition).toHaveAccessibleName(`The Audition, 00:00:00.00–${frame}`);
  await sceneInList(page, /The Audition/).click();
  await expect(page.getByRole('region', { name: 'Film time' }).getByRole('textbox', { name: 'End' })).toHaveValue(frame);

  await timeline(page)
    .getByRole('button', { name: /^Undo: The Audition end moved/ })
    .click();
  await expect.poll(async () => (await scene()).endMs).toBe(2000);
});

test('a row for a tag lists exactly the scenes, notes and placed cues carrying it', async ({ page, host }) => {
  const desk = await prepare(host);
  const tag = (await host.call<{ id: number }>('tags.create', { name: 'motif/red-shoes' })).result!;
  await host.call('tags.attach', { target: { kind: 'scene', id: desk.scenes[1].id }, tagId: tag.id });
  const note = (
    await host.call<{ id: number }>('notes.create', { target: { kind: 'film', id: 1 }, body: 'The shoes again', filmTimeMs: 6500 })
  ).result!;
  await host.call('notes.create', { target: { kind: 'film', id: 1 }, body: 'Untagged', filmTimeMs: 7000 });
  await host.call('tags.attach', { target: { kind: 'annotation', id: note.id }, tagId: tag.id });
  await host.call('tags.attach', { target: { kind: 'cue', id: desk.cueId }, tagId: tag.id });
  await host.call('placements.create', { cueId: desk.cueId, startMs: 500 });
  const other = (await host.call<{ id: number }>('cues.create', { trackId: desk.trackId, label: 'Other', startMs: 0, endMs: 500 })).result!;
  await host.call('placements.create', { cueId: other.id, startMs: 4000 });
  await open(page, host);

  await timeline(page).getByLabel('Add a row for a tag').selectOption({ label: 'motif/red-shoes' });
  const tagRow = row(page, 'motif/red-shoes');
  await expect
    .poll(async () => (await walk(tagRow)).map((item) => item.name))
    .toEqual([
      'Shoes motif, 00:00:00.12–00:00:01.12',
      expect.stringMatching(/^The First Rehearsal, 00:00:02\.00–00:00:05\.00$/),
      'The shoes again, 00:00:06.12'
    ]);
  await expect(tagRow.getByRole('option')).toHaveAttribute('aria-setsize', '3');
  // Keyboard: the row is reached by ↓ from the rows above, and ← → walk its items, each announced and its title shown.
  await row(page, /^Notes/).focus();
  await page.keyboard.press('ArrowDown');
  await expect(tagRow).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(tagRow).toBeFocused();
  const second = tagRow.getByRole('option');
  await expect(second).toHaveAttribute('aria-posinset', '2');
  await expect(tagRow).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id'))!);
  await expect(second).toHaveAccessibleName('The First Rehearsal, 00:00:02.00–00:00:05.00');
  await expect(timeline(page).getByText('The First Rehearsal, 00:00:02.00–00:00:05.00')).toBeVisible();
  await timeline(page).screenshot({ path: test.info().outputPath('timeline-row-focus.png') });

  // Followed through the film: each appearance with its time and scene, first and last, minutes covered; ▶ plays there.
  await timeline(page).getByRole('button', { name: 'Follow motif/red-shoes through the film' }).click();
  const motif = page.getByRole('region', { name: 'Following motif/red-shoes' });
  await expect(motif.getByTestId('motif-summary')).toHaveText(
    '3 appearances, first at 00:00:00.12, last until 00:00:06.12; 0.1 minutes of the film'
  );
  await expect(motif.getByRole('listitem')).toHaveText([
    /00:00:00\.12Cue: Shoes motif · in The Audition/,
    /00:00:02\.00Scene: The First Rehearsal$/,
    /00:00:06\.12Note: The shoes again · in The Dancer.s Choice/
  ]);
  await motif.getByRole('button', { name: 'Play the film at The shoes again, 00:00:06.12' }).click();
  await within(page, 8000);
  await page.screenshot({ path: test.info().outputPath('timeline-tag-row.png') });
});

test('a note’s film time, saved while it is typed, moves the note on the timeline; the note keeps the focus', async ({ page, host }) => {
  const desk = await prepare(host);
  const dancersChoice = desk.scenes[2];
  await host.call('notes.create', { target: { kind: 'scene', id: dancersChoice.id }, body: 'The shoes take her', filmTimeMs: 6000 });
  await open(page, host);
  const notes = row(page, /^Notes/);
  const mark = (await chosenIn(notes)).and(page.getByRole('option', { name: /^The shoes take her/ }));
  await expect(mark).toHaveAttribute('data-start-ms', '6000');

  await sceneInList(page, new RegExp(dancersChoice.title.slice(0, 10))).click();
  const card = page.getByRole('article', { name: 'Note at 00:00:06' });
  const time = card.getByLabel('Film time (hh:mm:ss)');
  await time.fill('00:00:07');
  // Saved by the autosave's pause, not confirmed: the timeline follows, the field keeps the focus.
  await expect(card.getByText('Saved')).toBeVisible();
  await expect(time).toBeFocused();
  expect(
    (await host.call<{ filmTimeMs: number }[]>('notes.forTarget', { target: { kind: 'scene', id: dancersChoice.id } })).result![0]
      .filmTimeMs
  ).toBe(7000);
  // The timeline has the note at its new time: its row, focused now, has it as its item there.
  await notes.focus();
  await expect(mark).toHaveAttribute('data-start-ms', '7000');
});

test('the timeline exported as SVG parses as SVG and holds every scene title in view; PNG is a picture', async ({ page, host }) => {
  await prepare(host);
  await open(page, host);
  const exporter = timeline(page).getByRole('group', { name: 'Export the timeline as a picture' });
  await exporter.scrollIntoViewIfNeeded();
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), exporter.getByRole('button', { name: 'SVG' }).click()]);
  expect(svgDownload.suggestedFilename()).toMatch(/^The Red Shoes timeline 00\.00\.00\.svg$/);
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  expect(XMLValidator.validate(svg)).toBe(true);
  const document = new XMLParser({ ignoreAttributes: false, isArray: () => true }).parse(svg) as {
    svg: { rect?: { title?: string[] }[] }[];
  };
  const titles = (document.svg[0].rect ?? []).flatMap((rect) => rect.title ?? []);
  for (const title of ['The Audition', 'The First Rehearsal', "The Dancer's Choice"]) expect(titles).toContain(title);
  expect(svg).toContain('The Red Shoes, 00:00:00–00:00:08');
  // The light theme, whatever the screen shows: the export's own background.
  expect(svg).toContain('fill="#ffffff"');

  const [pngDownload] = await Promise.all([page.waitForEvent('download'), exporter.getByRole('button', { name: 'PNG' }).click()]);
  const png = readFileSync((await pngDownload.path())!);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  await pngDownload.saveAs(test.info().outputPath('timeline-export.png'));
});

test('in the desktop app the PNG goes to the save dialog as bytes, not to a download', async ({ page, host }) => {
  // A RECORDING STAND-IN for the desktop bridge (window.reelnotesDesktop), named as such: the shell's half, the
  // native dialog writing the bytes, is tested against the built main bundle in test/unit/desktop-shell.test.ts.
  await page.addInitScript(() => {
    const saved: { fileName: string; bytes: number[] | null; text: boolean }[] = [];
    Object.assign(window, {
      bridgeStandIn: { saved },
      reelnotesDesktop: {
        onMenuCommand: () => () => undefined,
        onOpen: () => () => undefined,
        pathForFile: () => '',
        saveFile: async (fileName: string, contents: string | Uint8Array) => {
          saved.push({ fileName, bytes: contents instanceof Uint8Array ? Array.from(contents) : null, text: typeof contents === 'string' });
          return { fileName };
        }
      }
    });
  });
  page.on('download', () => {
    throw new Error('the desktop app downloaded the picture instead of asking where to save it');
  });
  await prepare(host);
  await open(page, host);
  const exporter = timeline(page).getByRole('group', { name: 'Export the timeline as a picture' });
  await exporter.scrollIntoViewIfNeeded();
  await exporter.getByRole('button', { name: 'PNG' }).click();
  await expect(page.getByTestId('notices')).toContainText('Saved The Red Shoes timeline 00.00.00.png.');
  const [saved] = await page.evaluate(
    () =>
      (window as unknown as { bridgeStandIn: { saved: { fileName: string; bytes: number[] | null; text: boolean }[] } }).bridgeStandIn.saved
  );
  expect(saved.fileName).toBe('The Red Shoes timeline 00.00.00.png');
  expect(saved.text).toBe(false);
  const png = Buffer.from(saved.bytes!);
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  // Its size, from the header: twice the lanes' pixels and the margin of row names.
  expect(png.readUInt32BE(16)).toBeGreaterThan(2 * 300);
});
