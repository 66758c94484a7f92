import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../web-host';

const fixture = (name: string) => join(__dirname, '..', 'fixtures', name);

/** Opens the host and imports The Archers' Notebook, whose page has dialogue and a quote. */
async function openArchers(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('film-page-input').setInputFiles(fixture('the-archers-notebook.txt'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("The Archers' Notebook");
}

/** The search results, once they answer what is in the box (not a query typed halfway). */
async function search(page: Page, words: string) {
  await page.keyboard.press('Control+k');
  await page.keyboard.type(words);
  const list = page.getByRole('listbox', { name: 'Search results' });
  await expect(list).toHaveAttribute('aria-busy', 'false');
  return list.getByRole('option');
}

const dialogue = (page: Page) => page.getByRole('region', { name: /^Dialogue/ });
const quotes = (page: Page) => page.getByRole('region', { name: /^Quotes/ });

test("the film view shows the page's dialogue and quotes", async ({ page, host }) => {
  await openArchers(page, host.url);
  // Each line, then its place in the film (none yet: a Place button).
  await expect(dialogue(page).getByRole('listitem')).toHaveText([
    /^Edda: Write it down before the tide takes it\.Place$/,
    /^Tom: Every cue starts as a noise somebody ignored\.Place$/
  ]);
  await expect(quotes(page).getByRole('listitem')).toHaveText([/^"Silence is a note too\."Place$/]);
  // The Red Shoes' page has none: no empty sections.
  await page
    .getByRole('list', { name: 'Films' })
    .getByRole('button', { name: /The Red Shoes/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Red Shoes');
  await expect(dialogue(page)).toHaveCount(0);
  await expect(quotes(page)).toHaveCount(0);
});

test('a search hit on a dialogue line or a quote opens that line, not a notice', async ({ page, host }) => {
  await openArchers(page, host.url);
  const hit = (await search(page, 'tide')).first();
  await expect(hit).toContainText('Dialogue · Edda');
  await page.keyboard.press('Enter');
  const line = dialogue(page).getByRole('listitem').filter({ hasText: 'before the tide takes it' });
  await expect(line).toBeFocused();
  await expect(line).toHaveAttribute('data-found', 'true');
  await expect(line).toBeInViewport();
  await expect(page.getByTestId('notices').getByText('Write it down')).toHaveCount(0);

  await (await search(page, 'silence')).filter({ hasText: 'Quote' }).first().click();
  const quote = quotes(page).getByRole('listitem');
  await expect(quote).toBeFocused();
  await expect(quote).toHaveAttribute('data-found', 'true');
  await expect(line).not.toHaveAttribute('data-found');
});

test('a search hit on the synopsis opens the film view at the synopsis', async ({ page, host }) => {
  await openArchers(page, host.url);
  await page.getByRole('tab', { name: 'All annotations' }).click();
  const hit = (await search(page, 'seaside')).first();
  await expect(hit).toContainText("Synopsis · The Archers' Notebook");
  await expect(hit.locator('mark')).toHaveText('seaside');
  await page.keyboard.press('Enter');
  const synopsis = page.getByTestId('film-synopsis');
  await expect(synopsis).toBeFocused();
  await expect(synopsis).toHaveAttribute('data-found', 'true');
  await expect(page.getByRole('tab', { name: 'Scenes' })).toHaveAttribute('aria-selected', 'true');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the film view with its lines has no serious accessibility violations (${scheme})`, async ({ page, host }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openArchers(page, host.url);
    await (await search(page, 'tide')).first().click();
    await expect(dialogue(page).getByRole('listitem').first()).toHaveAttribute('data-found', 'true');
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}
