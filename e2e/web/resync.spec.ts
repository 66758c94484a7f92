import { expect, test } from '../web-host';

test('shift every film time of the film in one step, then undo it', async ({ page, host }) => {
  const scenes = await host.call<{ id: number }[]>('scenes.list', { filmId: 1 });
  for (const [i, filmTimeMs] of [65_000, 600_000].entries()) {
    const created = await host.call('notes.create', { target: { kind: 'scene', id: scenes.result![i].id }, body: `Note ${i}`, filmTimeMs });
    expect(created.ok).toBe(true);
  }
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'All annotations' }).click();
  const times = page.getByTestId('note-film-time');
  await expect(times).toHaveText(['00:01:05', '00:10:00']);

  await page.getByLabel('Shift film times by').fill('+1:30');
  await page.getByRole('button', { name: 'Shift film times' }).click();
  await expect(page.getByTestId('notices').getByRole('status')).toContainText('Moved 2 film times by +00:01:30');
  await expect(times).toHaveText(['00:02:35', '00:11:30']);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(times).toHaveText(['00:01:05', '00:10:00']);

  await page.getByLabel('Shift film times by').fill('-2:00');
  await page.getByRole('button', { name: 'Shift film times' }).click();
  await expect(page.getByRole('alert')).toContainText('before the start of the film; nothing was changed');
  await expect(times).toHaveText(['00:01:05', '00:10:00']);
});

test('a refused shift says its offset as a time, and its error outlasts any number of confirmations', async ({ page, host }) => {
  const scenes = await host.call<{ id: number }[]>('scenes.list', { filmId: 1 });
  const created = await host.call('notes.create', {
    target: { kind: 'scene', id: scenes.result![0].id },
    body: 'Early',
    filmTimeMs: 120_000
  });
  expect(created.ok).toBe(true);
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'All annotations' }).click();

  const field = page.getByLabel('Shift film times by');
  await field.fill('-10:00');
  await page.getByRole('button', { name: 'Shift film times' }).click();
  const error = page.getByTestId('notices').getByRole('alert');
  await expect(error).toHaveText(
    /Shifting by −00:10:00 would put the note at 00:02:00 before the start of the film; nothing was changed\./
  );
  await expect(error).not.toContainText('600000');

  // Four confirmations in a row: more than the notices keep, yet the error is still there.
  for (const step of [1, 2, 3, 4]) {
    await field.fill('+1');
    await page.getByRole('button', { name: 'Shift film times' }).click();
    await expect(page.getByTestId('note-film-time')).toHaveText(`00:02:0${step}`);
  }
  await expect(page.getByTestId('notices').getByRole('status')).toHaveCount(3);
  await expect(error).toBeVisible();
  await error.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('notices').getByRole('alert')).toHaveCount(0);
});
