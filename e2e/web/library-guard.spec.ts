import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, WebHost } from '../web-host';

/**
 * The tests run as root (here and in CI), and root writes through any permission bits; it does not
 * write through the immutable attribute (chattr +i, on the ext4 of the temporary folder). For the
 * library that is the same as a file the person may not write: accessSync(W_OK) fails, and so does
 * every write.
 */
const madeImmutable: string[] = [];

function setImmutable(path: string): void {
  execFileSync('chattr', ['+i', path]);
  madeImmutable.push(path);
}

function clearImmutable(path: string): void {
  execFileSync('chattr', ['-i', path]);
  madeImmutable.splice(madeImmutable.indexOf(path), 1);
}

// In a hook rather than a finally: a test that times out does not run its finally, and the
// fixture could not remove the library folder.
test.afterEach(() => {
  for (const path of [...madeImmutable]) clearImmutable(path);
});

async function editContext(page: import('@playwright/test').Page, scene: string, context: string) {
  await page.getByRole('option', { name: new RegExp(scene) }).click();
  await page.getByRole('button', { name: 'Edit scene' }).click();
  await page.getByLabel('Context').fill(context);
  await page.getByRole('button', { name: 'Save scene' }).click();
}

test('a second browser host on the same library is refused, naming the host that has it', async ({ host }) => {
  const second = new WebHost(host.home);
  const refused = await second.start().then(
    () => null,
    (error: unknown) => String(error)
  );
  await second.stop();
  expect(refused).toMatch(
    new RegExp(
      `Reelnotes could not start: This library is already open in the Reelnotes browser host \\(npm run web\\) started at .+ \\(process ${host.pid} on this computer\\)`
    )
  );
  // The first host works on, undisturbed.
  expect((await host.call('films.list')).ok).toBe(true);
});

test('a read-only library says so in a banner, refuses changes, and is writable again once the cause is gone', async ({ page, host }) => {
  await host.stop();
  const file = join(host.home, 'library.sqlite');
  setImmutable(file);
  await host.start();
  await page.goto(host.url);
  const banner = page.getByRole('alert', { name: 'Read-only library' });
  await expect(banner).toContainText('Read-only: changes cannot be saved.');
  // Why, for the keyboard as for the mouse.
  await banner.getByText('Why').focus();
  await page.keyboard.press('Enter');
  await expect(banner).toContainText(`the library file ${file} cannot be written (it is locked against changes)`);
  await expect(banner).toContainText('You can read, search and export');
  // Reading works as usual; a change is refused with its reason.
  await editContext(page, 'The Audition', 'Not saved: the library is read-only.');
  await expect(
    page.getByText('Your library is open read-only, so this change cannot be saved; the library sidebar says why.')
  ).toBeVisible();
  await host.stop();
  clearImmutable(file);

  await host.start();
  await page.goto(host.url);
  await editContext(page, 'The Audition', 'Saved again.');
  await expect(page.getByRole('complementary', { name: 'Context' }).locator('p')).toHaveText('Saved again.');
  await expect(page.getByRole('alert', { name: 'Read-only library' })).toHaveCount(0);
});

test('a backups folder that cannot be written: the app starts, and says the launch backup was not made and why', async ({ page, host }) => {
  await host.stop();
  const backups = join(host.home, 'backups');
  setImmutable(backups);
  await host.start();
  await page.goto(host.url);
  const notice = page.getByRole('alert', { name: 'No launch backup' });
  await expect(notice).toContainText('No backup was made at launch.');
  await expect(notice).toContainText(
    `The backups folder ${backups} cannot be written (it is locked against changes), so no backup was made.`
  );
  await notice.getByRole('button', { name: 'Understood' }).click();
  await expect(notice).toHaveCount(0);
  // The library itself is writable as ever.
  await editContext(page, 'The Audition', 'Written without a launch backup.');
  await expect(page.getByRole('complementary', { name: 'Context' }).locator('p')).toHaveText('Written without a launch backup.');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the notices of a read-only library and of a skipped backup have no serious accessibility violations (${scheme})`, async ({
    page,
    host
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await host.stop();
    setImmutable(join(host.home, 'backups'));
    await host.start();
    await page.goto(host.url);
    await expect(page.getByRole('alert', { name: 'No launch backup' })).toBeVisible();
    const serious = async () =>
      (await new AxeBuilder({ page }).include('[data-testid="library-warnings"]').analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(await serious()).toEqual([]);

    await host.stop();
    clearImmutable(join(host.home, 'backups'));
    setImmutable(join(host.home, 'library.sqlite'));
    await host.start();
    await page.goto(host.url);
    const banner = page.getByRole('alert', { name: 'Read-only library' });
    await banner.getByText('Why').click();
    await expect(banner).toContainText('cannot be written');
    expect(await serious()).toEqual([]);
  });
}
