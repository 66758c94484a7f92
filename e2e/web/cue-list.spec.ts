import type { Page } from '@playwright/test';
import { expect, test } from '../web-host';

/**
 * A track of 150 cues (short ones: the stand-in recording lasts 40 s): the score's cue list holds only the rows in view of the cue panel (and the row in the
 * Tab order), yet the keyboard reaches every cue and the panel scrolls to it.
 */

const CUES = 150;
const cueList = (page: Page) => page.getByRole('region', { name: 'Score player' }).getByRole('list', { name: 'Cues of the track' });

test('a track of 150 cues lists the rows in view only; the keyboard reaches the last and the first', async ({ page, host }) => {
  const track = (await host.call<{ tracks: { id: number }[] }>('films.open', { filmId: 1 })).result!.tracks[0];
  for (let i = 1; i <= CUES; i++) {
    const made = await host.call('cues.create', { trackId: track.id, label: `Bar ${i}`, startMs: i * 200, endMs: i * 200 + 150 });
    expect(made.ok, JSON.stringify(made)).toBe(true);
  }
  await page.goto(host.url);
  const rows = cueList(page).getByRole('listitem');
  const focused = rows.and(page.locator(':focus'));
  await expect(cueList(page).getByRole('listitem', { name: 'Cue Bar 1', exact: true })).toBeVisible();
  // The track's own cues and the 150 new ones, each row saying its place among them all.
  const total = Number(await rows.first().getAttribute('aria-setsize'));
  expect(total).toBeGreaterThanOrEqual(CUES);
  // Far fewer rows than cues stand on the page.
  expect(await rows.count()).toBeLessThan(60);

  await rows.first().focus();
  await page.keyboard.press('End');
  await expect(focused).toHaveAttribute('aria-posinset', String(total));
  await expect(focused).toBeInViewport();
  expect(await rows.count()).toBeLessThan(60);
  await page.keyboard.press('ArrowUp');
  await expect(focused).toHaveAttribute('aria-posinset', String(total - 1));
  await page.screenshot({ path: test.info().outputPath('cue-list-end.png') });
  await page.keyboard.press('Home');
  await expect(focused).toHaveAttribute('aria-posinset', '1');
  await expect(focused).toBeInViewport();
  // Every cue is reached: the 150th new one by filtering for it.
  await page.getByRole('searchbox', { name: 'Filter cues' }).fill('Bar 150');
  await expect(rows).toHaveAccessibleName('Cue Bar 150');
});
