import type { Page } from '@playwright/test';
import { makeVideoFixtures, type VideoFixtures } from '../../test/video-fixtures';
import { expect, test, type WebHost } from '../web-host';

/**
 * Cue placements on a generated 25 fps film attached to The Red Shoes: a cue placed at the film's
 * playhead is listed by the scene whose span holds it, at that time, and playing it puts the film there.
 */

let films: VideoFixtures;
test.beforeAll(() => {
  films = makeVideoFixtures(8);
});
test.afterAll(() => films.remove());

const FRAME_MS = 40;
const pane = (page: Page) => page.getByRole('region', { name: 'Film picture' });
const positionMs = async (page: Page) =>
  Number(await pane(page).getByRole('timer', { name: 'Film time' }).getAttribute('data-position-ms'));
const within = (page: Page, ms: number) =>
  expect.poll(async () => Math.abs((await positionMs(page)) - ms), { message: `the picture at ${ms} ms` }).toBeLessThanOrEqual(FRAME_MS);

interface Placed {
  startMs: number;
  endMs: number;
  label: string;
}

async function sceneAndCue(host: WebHost): Promise<{ sceneId: number; cueId: number }> {
  const scenes = (await host.call<{ id: number; title: string }[]>('scenes.list', { filmId: 1 })).result!;
  const sceneId = scenes.find((s) => s.title === 'The Audition')!.id;
  expect((await host.call('scenes.setSpan', { sceneId, startMs: 1000, endMs: 6000 })).ok).toBe(true);
  const tracks = (await host.call<{ tracks: { id: number }[] }>('films.open', { filmId: 1 })).result!.tracks;
  const cue = await host.call<{ id: number }>('cues.create', { trackId: tracks[0].id, label: 'Shoes motif', startMs: 0, endMs: 1500 });
  expect(cue.ok, JSON.stringify(cue)).toBe(true);
  return { sceneId, cueId: cue.result!.id };
}

test('a cue placed at the playhead is listed by its scene at that time, and playing it moves the film to its start', async ({
  page,
  host
}) => {
  const { sceneId } = await sceneAndCue(host);
  expect((await host.call('video.attach', { filmId: 1, path: films.mp4 })).ok).toBe(true);
  await page.goto(host.url);
  await expect(pane(page).locator('video')).toHaveJSProperty('readyState', 4, { timeout: 20_000 });
  // The score's recording is loaded too, so the arrows below could drive either player: choosing a
  // scene that moves the film turns them to the film.
  await expect(page.getByRole('region', { name: 'Score player' }).getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await page.getByRole('option', { name: /The Audition/ }).click();
  await within(page, 1000);
  // Two seconds and two frames on from the scene's start.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('.');
  await page.keyboard.press('.');
  await within(page, 3000 + 2 * FRAME_MS);
  // Every frame step has landed before the playhead is taken.
  await expect(pane(page).locator('video')).toHaveJSProperty('seeking', false);

  const form = page.getByRole('form', { name: 'Place a cue in the film' });
  await form.getByLabel('Cue').selectOption({ label: 'Shoes motif' });
  await form.getByRole('button', { name: 'At the playhead' }).click();
  const listed = page.getByRole('list', { name: 'Cues placed in this scene' }).getByRole('listitem');
  await expect(listed).toHaveCount(1);
  // The paused picture's time: the time the cue was placed at.
  const playhead = await positionMs(page);
  await expect(listed.getByTestId('placement-span')).toContainText('00:00:03.');
  const placed = (await host.call<Placed[]>('placements.forScene', { sceneId })).result!;
  expect(placed).toEqual([expect.objectContaining({ label: 'Shoes motif', startMs: playhead, endMs: playhead + 1500 })]);

  // A typed time places it again (a motif returns), and a time past the film's end is refused, saying why.
  await form.getByLabel('At').fill('00:00:05.00');
  await form.getByRole('button', { name: 'Place', exact: true }).click();
  await expect(listed).toHaveCount(2);
  await form.getByLabel('At').fill('00:00:07.12');
  await form.getByRole('button', { name: 'Place', exact: true }).click();
  await expect(page.getByTestId('notices').getByRole('alert')).toContainText('past the end of the film (00:00:08.00)');
  await expect(listed).toHaveCount(2);

  // Past the placement in the film, then ▶ on it: the film goes back to its start and plays to its end.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  await within(page, playhead + 4000);
  await listed.first().getByRole('button', { name: 'Play the film at Shoes motif' }).click();
  await expect(pane(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(pane(page).getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  await within(page, playhead + 1500);
  await page.screenshot({ path: test.info().outputPath('scene-placements.png') });
});
