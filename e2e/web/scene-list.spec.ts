import type { Page } from '@playwright/test';
import { expect, test } from '../web-host';

/**
 * A film of 3,000 scenes: the scene list holds only the rows in view of the film pane (and the chosen
 * one), yet the keyboard reaches every scene and the pane scrolls to any of them.
 */

const SCENES = 3000;

/** A film page in the import format, its scenes numbered, each with a line of description. */
function longFilmPage(): string {
  const scenes = Array.from({ length: SCENES }, (_, i) => `Scene ${i + 1} of the long film\nWhat happens in scene ${i + 1}.`);
  return [
    'The Long Film',
    'A film of many short scenes, to study at length.',
    'Dialogues from Movie The Long Film',
    'Ada: Again, from the top.',
    'Quotes from Movie The Long Film',
    '"Every scene is short."',
    'Sound Tracks from The Long Film by Ada Reel',
    'Main Title',
    'Main Title by Ada Reel, Over the opening scene',
    'Download App',
    'Memorable Scenes from Movie The Long Film',
    ...scenes,
    ''
  ].join('\n');
}

const sceneList = (page: Page) => page.getByRole('listbox', { name: /Memorable scenes/ });
const chosen = (page: Page) => sceneList(page).getByRole('option', { selected: true });

test('a film of 3,000 scenes lists the rows in view only; the keyboard and the pane reach every scene', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByTestId('film-page-input').setInputFiles({
    name: 'the-long-film.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(longFilmPage())
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Long Film');
  await expect(page.getByRole('heading', { name: /Memorable scenes/ })).toContainText(String(SCENES));
  const options = sceneList(page).getByRole('option');
  await expect(options.first()).toContainText('Scene 1 of the long film');
  // The page holds the rows in view and a few around them, each saying where it stands in the whole list.
  expect(await options.count()).toBeLessThan(60);
  await expect(options.first()).toHaveAttribute('aria-setsize', String(SCENES));
  await expect(options.first()).toHaveAttribute('aria-posinset', '1');

  await sceneList(page).focus();
  await expect(chosen(page)).toContainText('Scene 1 of the long film');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('j');
  await expect(chosen(page)).toContainText('Scene 3 of the long film');

  // End: the last scene is chosen, drawn, scrolled into view and named as the list's active row.
  await page.keyboard.press('End');
  await expect(page.getByRole('heading', { level: 2, name: `Scene ${SCENES} of the long film` })).toBeVisible();
  await expect(chosen(page)).toContainText(`Scene ${SCENES} of the long film`);
  await expect(chosen(page)).toBeInViewport();
  const active = await sceneList(page).getAttribute('aria-activedescendant');
  await expect(page.locator(`#${active}`)).toHaveAttribute('aria-posinset', String(SCENES));
  expect(await options.count()).toBeLessThan(60);
  await page.keyboard.press('ArrowUp');
  await expect(chosen(page)).toContainText(`Scene ${SCENES - 1} of the long film`);
  await expect(chosen(page)).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('scene-list-end.png') });

  // The film pane scrolled by hand to the middle of the list shows the scenes that stand there.
  const pane = page.getByRole('main', { name: 'Film' });
  await pane.evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
  const box = (await pane.boundingBox())!;
  const middle = async () =>
    page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="option"]')?.getAttribute('aria-posinset') ?? null, {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2
    });
  await expect.poll(async () => Number(await middle())).toBeGreaterThan(SCENES / 3);
  const shown = Number(await middle());
  expect(shown).toBeLessThan((2 * SCENES) / 3);
  await page.screenshot({ path: test.info().outputPath('scene-list-middle.png') });
  // A click there chooses that scene; Home goes back to the first, scrolled into view.
  await options.filter({ hasText: `Scene ${shown} of the long film` }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Scene ${shown} of the long film` })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(chosen(page)).toContainText('Scene 1 of the long film');
  await expect(chosen(page)).toBeInViewport();
});
