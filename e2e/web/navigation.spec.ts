import type { Page } from '@playwright/test';
import { expect, test } from '../web-host';

const sceneList = (page: Page) => page.getByRole('listbox', { name: /Memorable scenes/ });
const chosenScene = (page: Page) => sceneList(page).getByRole('option', { selected: true });

test('the address keeps the place on the desk: a reload returns to it, Back and Forward walk it', async ({ page, host }) => {
  await page.goto(host.url);
  await sceneList(page)
    .getByRole('option', { name: /The Dream Sequence/ })
    .click();
  await expect(chosenScene(page)).toContainText('The Dream Sequence');
  await sceneList(page)
    .getByRole('option', { name: /The Confrontation/ })
    .click();
  await expect(page).toHaveURL(/#film=\d+&view=scenes&scene=\d+/);

  await page.reload();
  await expect(chosenScene(page)).toContainText('The Confrontation');
  await expect(page.getByRole('heading', { level: 2, name: 'The Confrontation' })).toBeVisible();

  await page.getByRole('tab', { name: 'Trash' }).click();
  await expect(page.getByRole('heading', { name: /^Trash/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Trash' })).toHaveAttribute('aria-selected', 'true');

  await page.goBack();
  await expect(chosenScene(page)).toContainText('The Confrontation');
  await page.goBack();
  await expect(chosenScene(page)).toContainText('The Dream Sequence');
  await page.goForward();
  await expect(chosenScene(page)).toContainText('The Confrontation');
});

test('a plain start still reopens the scene the person left', async ({ page, host }) => {
  await page.goto(host.url);
  await sceneList(page)
    .getByRole('option', { name: /The Isolation/ })
    .click();
  await expect(page).toHaveURL(/scene=\d+/);
  // The same host, opened without a place in the address.
  await page.goto(host.url);
  await expect(chosenScene(page)).toContainText('The Isolation');
});
