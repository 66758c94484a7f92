import type { Page } from '@playwright/test';
import { expect, test, type WebHost } from '../web-host';

const score = (page: Page) => page.getByRole('region', { name: 'Score player' });
const cueList = (page: Page) => score(page).getByRole('list', { name: 'Cues of the track' });
const positionMs = async (page: Page) => Number(await score(page).getByRole('timer', { name: 'Elapsed' }).getAttribute('data-position-ms'));

async function openScore(page: Page, host: WebHost): Promise<void> {
  await page.goto(host.url);
  await expect(score(page).getByRole('img', { name: /^Waveform/ })).not.toHaveAttribute('data-peaks', '0');
  await expect(score(page).getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await expect(score(page)).toHaveAttribute('aria-busy', 'false');
}

/** The waveform's canvas box, and a point at a fraction of its width. */
async function waveformAt(page: Page, fraction: number): Promise<{ x: number; y: number }> {
  const box = (await score(page)
    .getByRole('img', { name: /^Waveform/ })
    .boundingBox())!;
  return { x: box.x + box.width * fraction, y: box.y + box.height / 2 };
}

test('speed moves in 5% steps as well as by presets', async ({ page, host }) => {
  await openScore(page, host);
  const speed = score(page).getByRole('combobox', { name: 'Speed' });
  await score(page).getByRole('button', { name: 'Slower by 5%' }).click();
  await expect(score(page)).toHaveAttribute('data-rate', '0.95');
  await expect(speed).toHaveValue('0.95');
  await score(page).getByRole('button', { name: 'Slower by 5%' }).click();
  await expect(score(page)).toHaveAttribute('data-rate', '0.9');
  await speed.selectOption({ label: '75%' });
  await expect(score(page)).toHaveAttribute('data-rate', '0.75');
  await score(page).getByRole('button', { name: 'Faster by 5%' }).click();
  await expect(score(page)).toHaveAttribute('data-rate', '0.8');
  await speed.selectOption({ label: '50%' });
  await expect(score(page).getByRole('button', { name: 'Slower by 5%' })).toBeDisabled();
});

test('a double-click on the waveform plays from there; Shift+drag loops the range dragged', async ({ page, host }) => {
  await openScore(page, host);
  // Halfway across the whole recording (40.5 s): about 0:20.
  const half = await waveformAt(page, 0.5);
  await page.mouse.dblclick(half.x, half.y);
  await expect(score(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => positionMs(page)).toBeGreaterThan(19_500);
  expect(await positionMs(page)).toBeLessThan(25_000);
  await page.keyboard.press('Space');
  await expect(score(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();

  // Shift+drag from 10% to 15% of the recording: a loop, not a cue.
  const cuesBefore = await cueList(page).getByRole('listitem').count();
  const from = await waveformAt(page, 0.1);
  const to = await waveformAt(page, 0.15);
  await page.keyboard.down('Shift');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  const loop = score(page).getByRole('button', { name: /^Loop \d/ });
  await expect(loop).toHaveAttribute('aria-pressed', 'true');
  await expect(loop).toHaveText(/^Loop 0:0[45]–0:0[67]$/);
  await expect(score(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  // Sampled often: it passes its end and comes back to its start.
  await expect.poll(() => positionMs(page), { intervals: [40], timeout: 10_000 }).toBeGreaterThan(5_600);
  await expect.poll(() => positionMs(page), { intervals: [40], timeout: 10_000 }).toBeLessThan(4_500);
  expect(await positionMs(page)).toBeGreaterThanOrEqual(4_000);
  await expect(cueList(page).getByRole('listitem')).toHaveCount(cuesBefore);
});

test('the cue list shows every cue with its colour by name, scenes, tags and notes, and sorts and filters them', async ({ page, host }) => {
  const cues = await host.call<{ id: number; label: string }[]>('cues.list', { trackId: 1 });
  const dream = cues.result!.find((c) => c.label === 'The dream')!;
  await host.call('tags.attach', { target: { kind: 'cue', id: dream.id }, name: 'motif/shoes' });
  await host.call('notes.create', { target: { kind: 'cue', id: dream.id }, body: 'Strings take the theme.' });
  await host.call('notes.create', { target: { kind: 'cue', id: dream.id }, body: 'The harp answers.' });
  await openScore(page, host);

  const row = cueList(page).getByRole('listitem', { name: 'Cue The dream' });
  await expect(row.getByRole('img', { name: 'Colour: amber' })).toBeVisible();
  await expect(row).toContainText('0:08.000 – 0:20.000 · 2 notes');
  await expect(row).toContainText('4. The Dream Sequence');
  await expect(row).toContainText('#motif/shoes');
  // No colour is announced as its hex code anywhere in the list.
  await expect(cueList(page).getByRole('img', { name: /#/ })).toHaveCount(0);

  const rows = cueList(page).getByRole('listitem');
  await expect(rows).toHaveText([/^Overture/, /^The dream/, /^Premiere/, /^The fall/]);
  await score(page).getByRole('combobox', { name: 'Sort cues' }).selectOption({ label: 'By label' });
  await expect(rows).toHaveText([/^Overture/, /^Premiere/, /^The dream/, /^The fall/]);
  await score(page).getByRole('searchbox', { name: 'Filter cues' }).fill('shoes');
  await expect(rows).toHaveText([/^The dream/]);
  await expect(score(page).getByRole('status')).toHaveText('1 of 4 cues.');
  await score(page).getByRole('searchbox', { name: 'Filter cues' }).fill('teal');
  await expect(rows).toHaveText([/^Premiere/]);
  await score(page).getByRole('searchbox', { name: 'Filter cues' }).fill('nothing like it');
  await expect(score(page).getByRole('status')).toHaveText('No cue matches “nothing like it”.');
  await expect(rows).toHaveCount(0);
});

test('the cue list is walked and played from the keyboard', async ({ page, host }) => {
  await openScore(page, host);
  const rows = cueList(page).getByRole('listitem');
  await rows.first().focus();
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cueList(page).getByRole('listitem', { name: 'Cue The dream' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(cueList(page).getByRole('listitem', { name: 'Cue The fall' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(cueList(page).getByRole('listitem', { name: 'Cue Premiere' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(score(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => positionMs(page)).toBeGreaterThanOrEqual(20_000);
  // Space pauses, as everywhere, with the focus still on the row.
  await page.keyboard.press('Space');
  await expect(score(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(cueList(page).getByRole('listitem', { name: 'Cue Premiere' })).toBeFocused();
  // Only one row is in the Tab order: Tab leaves the list.
  await page.keyboard.press('Tab');
  await expect(
    cueList(page)
      .getByRole('listitem')
      .filter({ has: page.locator(':focus') })
  ).toHaveCount(1);
  await expect(rows.and(page.locator(':focus'))).toHaveCount(0);
});

test('a new cue is made by mouse alone, and by keyboard alone', async ({ page, host }) => {
  await openScore(page, host);
  // Mouse: drag across the waveform.
  const from = await waveformAt(page, 0.6);
  const to = await waveformAt(page, 0.7);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  await expect(cueList(page).getByRole('listitem', { name: /^Cue Cue 0:24/ })).toBeVisible();

  // Keyboard: Tab to New cue, type the label and the times, Enter.
  // From the pause field, Tab passes the disabled From loop (no loop is set) to New cue.
  await score(page).getByRole('spinbutton', { name: 'Pause before each loop, in seconds' }).focus();
  await page.keyboard.press('Tab');
  await expect(score(page).getByRole('button', { name: 'New cue' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(score(page).getByRole('textbox', { name: 'Label' })).toBeFocused();
  await page.keyboard.type('Typed theme');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0:31');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0:33.5');
  await page.keyboard.press('Enter');
  await expect(cueList(page).getByRole('listitem', { name: 'Cue Typed theme' })).toContainText('0:31.000 – 0:33.500');
});

test('a marker dropped with M is listed, and becomes a cue in one step', async ({ page, host }) => {
  await openScore(page, host);
  await score(page).getByRole('slider', { name: 'Seek' }).fill('12000');
  // Out of the slider (a field, where keys are the field's).
  await page.evaluate(() => (document.activeElement as HTMLElement).blur());
  await page.keyboard.press('m');
  const marker = cueList(page).getByRole('listitem', { name: 'Cue Marker 0:12' });
  await expect(marker).toContainText('0:12.000 (marker)');
  await marker.getByRole('button', { name: 'Make a cue of Marker 0:12' }).click();
  await expect(marker).toContainText('0:12.000 – 0:17.000');
  await expect(marker.getByRole('button', { name: /^Make a cue/ })).toHaveCount(0);
});
