import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../web-host';

async function editContext(page: import('@playwright/test').Page, scene: string, context: string) {
  await page.getByRole('option', { name: new RegExp(scene) }).click();
  await page.getByRole('button', { name: 'Edit scene' }).click();
  await page.getByLabel('Context').fill(context);
  await page.getByRole('button', { name: 'Save scene' }).click();
  await expect(page.getByRole('complementary', { name: 'Context' }).locator('p')).toHaveText(context);
}

test('make a backup, change the library, restore the backup: the old text is back', async ({ page, host }) => {
  await page.goto(host.url);
  await editContext(page, 'The Isolation', 'Written before the backup.');

  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  const rows = dialog.getByRole('list', { name: 'Backups, newest first' }).getByRole('listitem');
  // The launch backup is always there; wait for the list before counting it.
  await expect(rows.first()).toContainText('At launch');
  const before = await rows.count();
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(rows).toHaveCount(before + 1);
  await expect(rows.first()).toContainText('Made by you');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await editContext(page, 'The Isolation', 'Written after the backup.');

  await page.getByRole('button', { name: 'Backups…' }).click();
  await rows
    .first()
    .getByRole('button', { name: /^Restore the backup/ })
    .click();
  // Restoring reloads the page on the restored library: wait for that before looking.
  await Promise.all([page.waitForEvent('load'), dialog.getByRole('button', { name: 'Replace my library' }).click()]);
  await page.getByRole('option', { name: /The Isolation/ }).click();
  await expect(page.getByRole('complementary', { name: 'Context' }).locator('p')).toHaveText('Written before the backup.');

  // The state that was replaced is itself kept as a backup.
  const backups = await host.call<{ reason: string }[]>('backups.list');
  expect(backups.result?.[0].reason).toBe('before-restore');
});

test('a damaged library is moved aside and its newest backup offered', async ({ page, host }) => {
  await page.goto(host.url);
  await editContext(page, 'The Audition', 'Months of work.');
  expect((await host.call('backups.create')).ok).toBe(true);
  await host.stop();

  const file = join(host.home, 'library.sqlite');
  const bytes = readFileSync(file);
  bytes.fill(0x42, 100, bytes.length);
  writeFileSync(file, bytes);

  await host.start();
  await page.goto(host.url);
  const banner = page.getByRole('alert').filter({ hasText: 'could not be opened' });
  await expect(banner).toContainText('The damaged file was kept at');
  await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Restore that backup' }).click()]);
  await page.getByRole('option', { name: /The Audition/ }).click();
  await expect(page.getByRole('complementary', { name: 'Context' }).locator('p')).toHaveText('Months of work.');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be opened' })).toHaveCount(0);
});

test('export the study as Markdown and read it', async ({ page, host }) => {
  await page.goto(host.url);
  await editContext(page, 'The Premiere Night', 'My reading: the *audience* is the red shoes.');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export study…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('the-red-shoes.md');
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text).toMatch(/^# The Red Shoes\n/);
  expect(text).toContain('### 5. The Premiere Night');
  expect(text).toContain('> **Why it matters.** My reading: the \\*audience\\* is the red shoes.');
});

test('export the library as JSON, change it, and bring the file back', async ({ page, host }) => {
  await page.goto(host.url);
  await editContext(page, 'The Tragic Fall', 'Kept in the JSON file.');
  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export library…' }).click();
  const archive = await (await download).path();
  expect(JSON.parse(readFileSync(archive!, 'utf8'))).toMatchObject({ format: 'reelnotes-library', version: 1 });
  await dialog.getByRole('button', { name: 'Close' }).click();

  await editContext(page, 'The Tragic Fall', 'Changed after the export.');
  await page.getByRole('button', { name: 'Backups…' }).click();
  await dialog.getByLabel('Replace my library').check();
  await Promise.all([page.waitForEvent('load'), page.getByTestId('archive-input').setInputFiles(archive!)]);
  await page.getByRole('option', { name: /The Tragic Fall/ }).click();
  await expect(page.getByRole('complementary', { name: 'Context' }).locator('p')).toHaveText('Kept in the JSON file.');
});

test('a file that is not a library backup is refused and changes nothing', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Backups…' }).click();
  const bogus = join(host.home, 'not-a-backup.json');
  writeFileSync(bogus, JSON.stringify({ format: 'something-else', tables: {} }));
  await page.getByTestId('archive-input').setInputFiles(bogus);
  await expect(page.getByRole('alert')).toContainText('not-a-backup.json: This is not a Reelnotes library backup');
  const films = await host.call<unknown[]>('films.list');
  expect(films.result).toHaveLength(1);
});
