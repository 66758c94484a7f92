import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { makeAudioFixtures, type AudioFixtures } from '../../test/audio-fixtures';
import { expect, test, type WebHost } from '../web-host';

let audio: AudioFixtures;
test.beforeAll(() => {
  audio = makeAudioFixtures(3);
});
test.afterAll(() => audio.remove());

const dock = (page: Page) => page.getByRole('region', { name: 'Score player' });
const elapsed = (page: Page) => dock(page).getByRole('timer', { name: 'Elapsed' });
const positionMs = async (page: Page) => Number(await elapsed(page).getAttribute('data-position-ms'));

async function trackIds(host: WebHost): Promise<{ ballet: number; entracte: number }> {
  const films = await host.call<{ id: number }[]>('films.list');
  const tracks = await host.call<{ id: number; title: string }[]>('tracks.list', { filmId: films.result![0].id });
  const byTitle = (title: string) => tracks.result!.find((t) => t.title === title)!.id;
  return { ballet: byTitle('The Red Shoes Ballet'), entracte: byTitle("Entr'acte") };
}

async function openWithWaveform(page: Page, host: WebHost): Promise<void> {
  await page.goto(host.url);
  await expect(dock(page).getByRole('img', { name: /^Waveform/ })).not.toHaveAttribute('data-peaks', '0');
  await expect(dock(page).getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await expect(dock(page)).toHaveAttribute('aria-busy', 'false');
}

test('attach a generated recording through the UI and see its waveform', async ({ page, host }) => {
  await page.goto(host.url);
  await dock(page).getByRole('combobox', { name: 'Track' }).selectOption({ label: "Entr'acte" });
  await expect(dock(page).getByText('Stand-in', { exact: true })).toBeVisible();
  await dock(page)
    .getByLabel('Recording file')
    .setInputFiles(audio.formats.find((f) => f.name === 'FLAC')!.path);
  // Attaching uploads and decodes the whole file; the confirmation is a passing notice, so the
  // lasting result is what is waited for, with room for a slow machine.
  await expect(dock(page).getByText(/FLAC · 44.1 kHz · 2 ch/)).toBeVisible({ timeout: 45_000 });
  await expect(dock(page).getByLabel('Total')).toHaveText('0:03.000');
  await expect(dock(page).getByText('Stand-in', { exact: true })).toHaveCount(0);
  const canvas = dock(page).getByRole('img', { name: /^Waveform/ });
  await expect(canvas).not.toHaveAttribute('data-peaks', '0');
  // Three seconds in buckets of 10 ms or less: the finest level is the overview of so short a recording.
  expect(Number(await canvas.getAttribute('data-peaks'))).toBeGreaterThanOrEqual(300);

  // A text file named .mp3 is refused with the library's message, and the recording stays.
  await dock(page).getByLabel('Recording file').setInputFiles(audio.textAsMp3);
  await expect(page.getByRole('alert').filter({ hasText: 'notes.mp3 cannot be attached' })).toBeVisible();
  await expect(dock(page).getByLabel('Total')).toHaveText('0:03.000');
});

test("replacing a stand-in asks whether to remove the stand-in's cues, and removes them in one step", async ({ page, host }) => {
  const { entracte } = await trackIds(host);
  const before = await host.call<unknown[]>('cues.list', { trackId: entracte });
  expect(before.result).toHaveLength(1);
  await page.goto(host.url);
  await dock(page).getByRole('combobox', { name: 'Track' }).selectOption({ label: "Entr'acte" });
  await expect(dock(page).getByRole('listitem', { name: 'Cue Interlude theme' })).toBeVisible();
  await dock(page).getByLabel('Recording file').setInputFiles(audio.wav);
  const question = dock(page).getByRole('group', {
    name: 'Remove the 1 stand-in cue? It was timed for the stand-in, not for this recording.'
  });
  await expect(question).toBeVisible({ timeout: 45_000 });
  // Keyboard first: the question takes the focus, and Enter answers it.
  await expect(question.getByRole('button', { name: 'Remove it' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect(
    page.getByTestId('notices').getByRole('status').filter({ hasText: "Removed the 1 stand-in cue of Entr'acte." })
  ).toBeVisible();
  await expect(dock(page).getByRole('listitem', { name: 'Cue Interlude theme' })).toHaveCount(0);
  expect((await host.call<unknown[]>('cues.list', { trackId: entracte })).result).toEqual([]);

  // A real recording replacing a real one asks nothing.
  await dock(page)
    .getByLabel('Recording file')
    .setInputFiles(audio.formats.find((f) => f.name === 'FLAC')!.path);
  await expect(dock(page).getByText(/FLAC · 44.1 kHz · 2 ch/)).toBeVisible({ timeout: 45_000 });
  await expect(dock(page).getByRole('group', { name: /stand-in/ })).toHaveCount(0);
});

test("the stand-in's cues can be kept, and the question waits for an answer through a reload", async ({ page, host }) => {
  const { entracte } = await trackIds(host);
  await page.goto(host.url);
  const trackPicker = dock(page).getByRole('combobox', { name: 'Track' });
  await trackPicker.selectOption({ label: "Entr'acte" });
  await dock(page).getByLabel('Recording file').setInputFiles(audio.wav);
  const question = dock(page).getByRole('group', { name: /Remove the 1 stand-in cue\?/ });
  await expect(question).toBeVisible({ timeout: 45_000 });

  await page.reload();
  await trackPicker.selectOption({ label: "Entr'acte" });
  await expect(question).toBeVisible();
  // Found again on opening, it waits: it does not take the focus from the page.
  await expect(question.getByRole('button', { name: 'Remove it' })).not.toBeFocused();
  await question.getByRole('button', { name: 'Keep it' }).click();
  await expect(question).toHaveCount(0);
  await expect(dock(page).getByRole('listitem', { name: 'Cue Interlude theme' })).toBeVisible();
  expect((await host.call<unknown[]>('cues.list', { trackId: entracte })).result).toHaveLength(1);
  await page.reload();
  await trackPicker.selectOption({ label: "Entr'acte" });
  await expect(dock(page).getByRole('listitem', { name: 'Cue Interlude theme' })).toBeVisible();
  await expect(question).toHaveCount(0);
});

test('the cue form refuses a cue that ends after the recording, and says how long the recording is', async ({ page, host }) => {
  const { ballet } = await trackIds(host);
  // What the library says to the same cue: the form must show exactly that.
  const refused = await host.call('cues.create', { trackId: ballet, label: 'Too long', startMs: 300_000, endMs: 5_940_000 });
  const message = refused.error?.message ?? '';
  expect(message).toMatch(
    /^Not saved: the cue ends at 1:39:00\.000, after the end of the recording of "The Red Shoes Ballet", which is \d+:\d\d\.\d{3} long\.$/
  );
  await page.goto(host.url);
  await expect(dock(page).getByText('Stand-in', { exact: true })).toBeVisible();
  await dock(page).getByRole('button', { name: 'New cue' }).click();
  const form = dock(page).getByRole('form', { name: 'New cue' });
  await form.getByLabel('Label').fill('Too long');
  await form.getByLabel('Start').fill('5:00');
  await form.getByLabel('End').fill('99:00');
  await form.getByRole('button', { name: 'Add cue' }).click();
  await expect(form.getByRole('alert')).toHaveText(message);
  // The form stays open with what was typed, to be corrected.
  await expect(form.getByLabel('End')).toHaveValue('99:00');
  await expect(dock(page).getByRole('listitem', { name: 'Cue Too long' })).toHaveCount(0);
});

test('play and see the position advance; Space toggles playback but not while typing', async ({ page, host }) => {
  await openWithWaveform(page, host);
  await dock(page).getByRole('button', { name: 'Play', exact: true }).click();
  await expect(dock(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => positionMs(page)).toBeGreaterThan(300);

  await page.locator('body').focus();
  await page.keyboard.press('Space');
  await expect(dock(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const paused = await positionMs(page);
  await page.keyboard.press('Space');
  await expect(dock(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => positionMs(page)).toBeGreaterThan(paused);
  await page.keyboard.press('Space');
  await expect(dock(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();

  // Typing a cue's label: the spaces go into the field, the player stays paused.
  await dock(page).getByRole('button', { name: 'New cue' }).click();
  const label = dock(page).getByRole('textbox', { name: 'Label' });
  await label.pressSequentially('Red shoes theme');
  await expect(label).toHaveValue('Red shoes theme');
  await expect(dock(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('a cue plays exactly its range and stops at its end, or loops it', async ({ page, host }) => {
  const { ballet } = await trackIds(host);
  await host.call('cues.create', { trackId: ballet, label: 'Short phrase', startMs: 2_000, endMs: 3_000 });
  await openWithWaveform(page, host);
  const cue = dock(page).getByRole('listitem', { name: 'Cue Short phrase' });
  await cue.getByRole('button', { name: 'Play cue Short phrase' }).click();
  await expect.poll(() => positionMs(page)).toBeGreaterThanOrEqual(2_000);
  await expect(dock(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(elapsed(page)).toHaveAttribute('data-position-ms', '3000');
  await expect(elapsed(page)).toHaveText('0:03.000');

  // Looped, it comes back to its start and keeps playing.
  await cue.getByRole('button', { name: 'Loop cue Short phrase' }).click();
  // Sampled often: a fixed poll interval near the cue's one-second period would see one phase only.
  await expect.poll(() => positionMs(page), { intervals: [40], timeout: 10_000 }).toBeGreaterThan(2_600);
  await expect.poll(() => positionMs(page), { intervals: [40], timeout: 10_000 }).toBeLessThan(2_400);
  await expect(dock(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  expect(await positionMs(page)).toBeGreaterThanOrEqual(2_000);
});

test('the first click on the page plays the cue from its start, without loading the recording again', async ({ page, host }) => {
  await openWithWaveform(page, host);
  // Every position the player shows from now on (a reload of the recording would show 0:00.000).
  const shown = await page.evaluateHandle(() => {
    const timer = document.querySelector('[role="timer"][aria-label="Elapsed"]')!;
    const positions: number[] = [];
    new MutationObserver(() => positions.push(Number(timer.getAttribute('data-position-ms')))).observe(timer, {
      attributeFilter: ['data-position-ms']
    });
    return positions;
  });
  await dock(page).getByRole('button', { name: 'Play cue The dream' }).click();
  await expect.poll(() => positionMs(page)).toBeGreaterThan(8_500);
  const positions = await shown.jsonValue();
  expect(positions[0]).toBe(8_000);
  expect(Math.min(...positions)).toBe(8_000);
});

test('a recording dropped on the player is attached to the chosen track', async ({ page, host }) => {
  await page.goto(host.url);
  await dock(page).getByRole('combobox', { name: 'Track' }).selectOption({ label: "Entr'acte" });
  const bytes = [...readFileSync(audio.formats.find((f) => f.name === 'OGG Opus')!.path)];
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(content)], 'dropped.opus', { type: 'audio/ogg' }));
    return data;
  }, bytes);
  await page.locator('.app').dispatchEvent('dragenter', { dataTransfer: transfer });
  await dock(page).dispatchEvent('drop', { dataTransfer: transfer });
  await expect(dock(page).getByText(/Opus · 48 kHz/)).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText('Drop the film page to add it to your library')).toHaveCount(0);
  const films = await host.call<{ id: number; title: string }[]>('films.list');
  expect(films.result!.map((f) => f.title)).toEqual(['The Red Shoes']);
});

test('a scene plays its cues in one click', async ({ page, host }) => {
  await openWithWaveform(page, host);
  await page.getByRole('option', { name: /The Premiere Night/ }).click();
  const detail = page.getByRole('region', { name: 'The Premiere Night' });
  await detail.getByRole('button', { name: 'Play cue Premiere' }).click();
  await expect.poll(() => positionMs(page)).toBeGreaterThanOrEqual(20_000);
  await expect(dock(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(dock(page).getByRole('listitem', { name: 'Cue Premiere' })).toContainText('5. The Premiere Night');
});

test('a cue found by search opens its scene and plays', async ({ page, host }) => {
  await openWithWaveform(page, host);
  await page.getByRole('combobox', { name: 'Search scenes, notes, lines and cues' }).fill('premiere ');
  const hit = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: 'Cue' });
  await expect(hit).toContainText('Premiere');
  await hit.click();
  await expect(page.getByRole('region', { name: 'The Premiere Night' })).toBeVisible();
  await expect.poll(() => positionMs(page)).toBeGreaterThanOrEqual(20_000);
  await expect(dock(page).getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('changing speed plays on at the new rate', async ({ page, host }) => {
  await openWithWaveform(page, host);
  const speed = dock(page).getByRole('combobox', { name: 'Speed' });
  await speed.selectOption('2');
  await expect(dock(page)).toHaveAttribute('data-rate', '2');
  await dock(page).getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => positionMs(page)).toBeGreaterThan(500);
  await speed.selectOption('0.5');
  await expect(dock(page)).toHaveAttribute('data-rate', '0.5');
  const at = await positionMs(page);
  await expect.poll(() => positionMs(page)).toBeGreaterThan(at);
});
