import { readFileSync } from 'node:fs';
import { expect, test } from '../web-host';

// The desktop menu and the keymap are built from one list (src/shared/menu-commands.ts): these are
// the keys the menu shows, pressed in the page as a person would.

test('the window is titled by the film', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Red Shoes');
  await expect(page).toHaveTitle('The Red Shoes — Reelnotes');
});

test("the menu's keys switch the film's view, open the backups and search, and leave a text field its letters", async ({ page, host }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  const tab = (name: string) => page.getByRole('tab', { name });
  await expect(tab('Scenes')).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Control+2');
  await expect(tab('All annotations')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Control+3');
  await expect(tab('Trash')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Control+1');
  await expect(tab('Scenes')).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: 'Search scenes, notes, lines and cues' });
  await expect(search).toBeFocused();
  // L and M are the player's loop and marker keys, but in a field they are letters.
  await page.keyboard.type('lm');
  await expect(search).toHaveValue('lm');
  await search.fill('');

  await page.keyboard.press('Control+Shift+B');
  const backups = page.getByRole('dialog', { name: 'Backups' });
  await expect(backups).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('backups-from-keys-1024x700.png') });
  await backups.getByRole('button', { name: 'Close' }).click();
  await expect(backups).toBeHidden();
});

test("File › Export Study and Export Cues by their keys save the film's study and the open recording's cues", async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Red Shoes');
  const study = page.waitForEvent('download');
  await page.keyboard.press('Control+e');
  const studyFile = await study;
  expect(studyFile.suggestedFilename()).toMatch(/\.md$/);
  expect(readFileSync((await studyFile.path())!, 'utf8')).toContain('# The Red Shoes');

  await expect(page.getByRole('region', { name: /^Cues/ })).toBeVisible();
  const cues = page.waitForEvent('download');
  await page.keyboard.press('Control+Shift+E');
  const cueFile = await cues;
  expect(cueFile.suggestedFilename()).toBe('the-red-shoes-ballet-cues.txt');
  expect(readFileSync((await cueFile.path())!, 'utf8')).toMatch(/\tOverture\n/);
});
