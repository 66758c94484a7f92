import { expect, test } from '../web-host';

test('shift every film time of the film in one step, then undo it', async ({ page, host }) => {
  const scenes = await host.call<{ id: number }[]>('scenes.list', { filmId: 1 });
  for (const [i, filmTimeMs] of [65_000, 600_000].entries()) {
    const created = await host.call('notes.create', { target: { kind: 'scene', id: scenes.result![i].id }, body: `Note ${i}`, filmTimeMs });
    expect(created.ok).toBe(true);
  }
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'All annotations' }).click();
  const times = page.locator('.note-row-time');
  await expect(times).toHaveText(['00:01:05', '00:10:00']);

  await page.getByLabel('Shift film times by').fill('+1:30');
  await page.getByRole('button', { name: 'Shift film times' }).click();
  await expect(page.locator('.notices').getByRole('status')).toContainText('Moved 2 film times by +00:01:30');
  await expect(times).toHaveText(['00:02:35', '00:11:30']);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(times).toHaveText(['00:01:05', '00:10:00']);

  await page.getByLabel('Shift film times by').fill('-2:00');
  await page.getByRole('button', { name: 'Shift film times' }).click();
  await expect(page.getByRole('alert')).toContainText('before the start of the film; nothing was changed');
  await expect(times).toHaveText(['00:01:05', '00:10:00']);
});
