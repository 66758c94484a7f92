import type { Page } from '@playwright/test';
import { expect, test, type WebHost } from '../web-host';

/** Scenes as spans of film time, typed in the scene view (the playhead's I and O need the film pane). */

interface Scene {
  title: string;
  startMs: number | null;
  endMs: number | null;
}

const filmTime = (page: Page) => page.getByRole('region', { name: 'Film time' });
const field = (page: Page, name: 'Start' | 'End') => filmTime(page).getByRole('textbox', { name });

async function dreamSequence(host: WebHost): Promise<Scene> {
  const scenes = await host.call<Scene[]>('scenes.list', { filmId: 1 });
  return scenes.result!.find((s) => s.title === 'The Dream Sequence')!;
}

test('a scene takes a typed start and end, keeps them after a reload, and lists its start', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Dream Sequence/ }).click();
  await expect(filmTime(page).getByRole('button', { name: '▶ Play scene' })).toBeDisabled();

  await field(page, 'Start').fill('1:12:34');
  await field(page, 'Start').press('Enter');
  await expect(field(page, 'Start')).toHaveValue('01:12:34.00');
  await field(page, 'End').fill('01:15:00.50');
  await field(page, 'End').press('Tab');
  await expect(field(page, 'End')).toHaveValue('01:15:00.50');
  expect(await dreamSequence(host)).toMatchObject({ startMs: 4_354_000, endMs: 4_500_500 });
  await expect(filmTime(page).getByRole('button', { name: '▶ Play scene' })).toBeEnabled();
  await expect(page.getByRole('option', { name: /The Dream Sequence/ })).toContainText('01:12:34');

  await page.reload();
  await expect(field(page, 'Start')).toHaveValue('01:12:34.00');
  await expect(field(page, 'End')).toHaveValue('01:15:00.50');

  // Emptying the end takes it off; the start stays.
  await field(page, 'End').fill('');
  await field(page, 'End').press('Enter');
  await expect.poll(async () => (await dreamSequence(host)).endMs).toBeNull();
  expect((await dreamSequence(host)).startMs).toBe(4_354_000);
});

test('a typed time that is wrong is named beside its field, and a reversed span is refused; nothing is saved', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Dream Sequence/ }).click();
  await field(page, 'Start').fill('1:75');
  await field(page, 'Start').press('Enter');
  await expect(filmTime(page).getByRole('alert')).toHaveText('Start: “1:75”: minutes and seconds go from 00 to 59');
  await expect(field(page, 'Start')).toHaveAttribute('aria-invalid', 'true');
  await field(page, 'Start').fill('10:00');
  await field(page, 'Start').press('Enter');
  await expect(field(page, 'Start')).toHaveValue('00:10:00.00');
  await expect(filmTime(page).getByRole('alert')).toHaveCount(0);

  await field(page, 'End').fill('5:00');
  await field(page, 'End').press('Enter');
  await expect(page.getByTestId('notices').getByRole('alert')).toContainText('The end (00:05:00) must come after the start (00:10:00)');
  // The field goes back to what the library holds.
  await expect(field(page, 'End')).toHaveValue('');
  expect(await dreamSequence(host)).toMatchObject({ startMs: 600_000, endMs: null });
});

test('I and O without the film on the desk say why nothing was set, and the keys stay out of typing', async ({ page, host }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Audition/ }).click();
  await page.getByRole('listbox', { name: /Memorable scenes/ }).focus();
  await page.keyboard.press('i');
  await expect(page.getByTestId('notices').getByRole('alert')).toContainText('The film is not on the desk');
  await page.getByTestId('notices').getByRole('button', { name: 'Dismiss' }).click();

  // Typing an "i" or "o" in the time field is text, not a shortcut.
  await field(page, 'Start').fill('');
  await field(page, 'Start').press('o');
  await expect(field(page, 'Start')).toHaveValue('o');
  await expect(page.getByTestId('notices').getByRole('alert')).toHaveCount(0);
  await field(page, 'Start').press('Escape');
  await expect(field(page, 'Start')).toHaveValue('');

  await page.screenshot({ path: testInfo.outputPath('scene-span-1024.png') });
  // At the smallest window the fields, their buttons and Play sit inside the scene pane.
  const pane = (await page.getByRole('region', { name: 'The Audition' }).boundingBox())!;
  for (const control of [field(page, 'Start'), field(page, 'End'), filmTime(page).getByRole('button', { name: '▶ Play scene' })]) {
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(pane.x);
    expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
  }
});
