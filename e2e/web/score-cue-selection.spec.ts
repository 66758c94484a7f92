import type { Page } from '@playwright/test';
import { expect, test, type WebHost } from '../web-host';

const score = (page: Page) => page.getByRole('region', { name: 'Score player' });
const cueList = (page: Page) => score(page).getByRole('list', { name: 'Cues of the track' });
const row = (page: Page, label: string) => cueList(page).getByRole('listitem', { name: `Cue ${label}` });
const selectionBar = (page: Page) => score(page).getByRole('toolbar', { name: 'Selected cues' });
const notices = (page: Page) => page.getByTestId('notices');

async function openScore(page: Page, host: WebHost): Promise<void> {
  await page.goto(host.url);
  await expect(score(page).getByRole('img', { name: /^Waveform/ })).not.toHaveAttribute('data-peaks', '0');
  await expect(row(page, 'Overture')).toBeVisible();
}

/** What the library holds of the track's cues: label, colour, linked scenes, tags and notes. */
async function libraryCues(host: WebHost) {
  const cues = await host.call<
    { label: string; colour: string; scenes: { title: string }[]; tags: { name: string }[]; noteCount: number }[]
  >('cues.list', { trackId: 1 });
  return cues.result!.map((c) => ({
    label: c.label,
    colour: c.colour,
    scenes: c.scenes.map((s) => s.title),
    tags: c.tags.map((t) => t.name),
    noteCount: c.noteCount
  }));
}

test('two cues deleted together come back with their links, tags and notes by the notice’s Undo', async ({ page, host }) => {
  const cues = await host.call<{ id: number; label: string }[]>('cues.list', { trackId: 1 });
  const dream = cues.result!.find((c) => c.label === 'The dream')!;
  await host.call('tags.attach', { target: { kind: 'cue', id: dream.id }, name: 'motif/shoes' });
  await host.call('notes.create', { target: { kind: 'cue', id: dream.id }, body: 'Strings take the theme.' });
  const before = await libraryCues(host);
  expect(before.find((c) => c.label === 'The dream')).toMatchObject({
    scenes: ['The Dream Sequence'],
    tags: ['motif/shoes'],
    noteCount: 1
  });
  await openScore(page, host);

  // A click chooses one cue, Ctrl+click adds another that is not next to it.
  await row(page, 'The dream').getByText('0:08.000').click();
  await row(page, 'The fall')
    .getByText('The fall')
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(selectionBar(page)).toContainText('2 selected');
  await expect(row(page, 'The dream').getByRole('checkbox')).toBeChecked();
  await expect(row(page, 'Premiere').getByRole('checkbox')).not.toBeChecked();
  await page.screenshot({ path: test.info().outputPath('two-selected.png') });

  await selectionBar(page).getByRole('button', { name: 'Delete' }).click();
  await expect(cueList(page).getByRole('listitem')).toHaveText([/^Overture/, /^Premiere/]);
  expect((await libraryCues(host)).map((c) => c.label)).toEqual(['Overture', 'Premiere']);
  const notice = notices(page).getByRole('status').filter({ hasText: 'Deleted 2 cues.' });
  await expect(notice).toBeVisible();

  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(cueList(page).getByRole('listitem')).toHaveText([/^Overture/, /^The dream/, /^Premiere/, /^The fall/]);
  await expect(row(page, 'The dream')).toContainText('4. The Dream Sequence');
  await expect(row(page, 'The dream')).toContainText('#motif/shoes');
  await expect(row(page, 'The dream')).toContainText('1 note');
  expect(await libraryCues(host)).toEqual(before);
});

test('the keyboard selects a range, deletes it with Delete and brings it back with Ctrl+Z', async ({ page, host }) => {
  const before = await libraryCues(host);
  await openScore(page, host);
  await row(page, 'The dream').focus();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(selectionBar(page)).toContainText('3 selected');
  await expect(row(page, 'The fall')).toBeFocused();
  await page.keyboard.press('Shift+ArrowUp');
  await expect(selectionBar(page)).toContainText('2 selected');
  await expect(row(page, 'The fall').getByRole('checkbox')).not.toBeChecked();

  await page.keyboard.press('Delete');
  await expect(cueList(page).getByRole('listitem')).toHaveText([/^Overture/, /^The fall/]);
  // The focus went on to the next cue, so the next keys still reach the list.
  await expect(row(page, 'The fall')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(cueList(page).getByRole('listitem')).toHaveText([/^Overture/, /^The dream/, /^Premiere/, /^The fall/]);
  expect(await libraryCues(host)).toEqual(before);
  await expect(notices(page)).toContainText('Restored 2 cues.');

  // Ctrl+A takes every row shown, Esc lets them go.
  await row(page, 'Overture').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(selectionBar(page)).toContainText('4 selected');
  await page.keyboard.press('Escape');
  await expect(selectionBar(page)).toHaveCount(0);
});

test('several cues are recoloured and tagged at once, the colour said by its name', async ({ page, host }) => {
  await openScore(page, host);
  await row(page, 'Overture').getByText('Overture', { exact: true }).click();
  await row(page, 'Premiere')
    .getByText('Premiere', { exact: true })
    .click({ modifiers: ['Shift'] });
  await expect(selectionBar(page)).toContainText('3 selected');
  await selectionBar(page).getByRole('combobox', { name: 'Colour of the selected cues' }).selectOption({ label: 'violet' });
  for (const label of ['Overture', 'The dream', 'Premiere'])
    await expect(row(page, label).getByRole('img', { name: 'Colour: violet' })).toBeVisible();
  await expect(row(page, 'The fall').getByRole('img', { name: 'Colour: violet' })).toHaveCount(0);

  await selectionBar(page).getByRole('textbox', { name: 'Tag the selected cues' }).fill('ballet/act one');
  await selectionBar(page).getByRole('button', { name: 'Tag', exact: true }).click();
  await expect(notices(page)).toContainText('Tagged 3 cues #ballet/act one.');
  const cues = await libraryCues(host);
  expect(cues.map((c) => [c.label, c.colour, c.tags])).toEqual([
    ['Overture', '#8d6cab', ['ballet/act one']],
    ['The dream', '#8d6cab', ['ballet/act one']],
    ['Premiere', '#8d6cab', ['ballet/act one']],
    ['The fall', expect.not.stringMatching('#8d6cab'), []]
  ]);
  await page.screenshot({ path: test.info().outputPath('recoloured.png') });
});
