import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '../web-host';

const fixture = (name: string) => join(__dirname, '..', 'fixtures', name);
// The scenes' listbox: the score player below has options of its own (track, speed).
const sceneList = (page: Page) => page.getByRole('listbox', { name: /Memorable scenes/ });

test('opens on The Red Shoes with its synopsis, score and nine scenes', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Red Shoes');
  await expect(page.getByText('Vicky Page is an aspiring ballerina', { exact: false })).toBeVisible();
  await expect(page.getByText('Brian Easdale')).toBeVisible();
  await expect(page.getByRole('main', { name: 'Film' }).getByText('The Red Shoes Ballet', { exact: true })).toBeVisible();
  await expect(page.getByText('Walter Goehr — Interlude during the film')).toBeVisible();
  const scenes = page.getByRole('listbox', { name: /Memorable scenes/ }).getByRole('option');
  await expect(scenes).toHaveCount(9);
  await expect(scenes.first()).toContainText('The Audition');
  await expect(scenes.last()).toContainText('The Final Decision');
});

test('choosing a scene shows its description and context', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Dream Sequence/ }).click();
  const detail = page.getByRole('region', { name: 'The Dream Sequence' });
  await expect(detail.getByRole('heading', { name: 'The Dream Sequence' })).toBeVisible();
  await expect(detail).toContainText('In a surreal blend of fantasy and reality');
  await expect(detail.getByRole('complementary', { name: 'Context' })).toContainText('epitomizes the pressure of artistry');
});

test('the keyboard moves through the scenes', async ({ page, host }) => {
  await page.goto(host.url);
  const list = page.getByRole('listbox', { name: /Memorable scenes/ });
  await list.focus();
  await expect(sceneList(page).getByRole('option', { selected: true })).toContainText('The Audition');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(sceneList(page).getByRole('option', { selected: true })).toContainText("The Dancer's Choice");
  await page.keyboard.press('End');
  await expect(page.getByRole('heading', { level: 2, name: 'The Final Decision' })).toBeVisible();
  await page.keyboard.press('k');
  await expect(sceneList(page).getByRole('option', { selected: true })).toContainText('The Isolation');
});

test('an edited scene survives a restart of the host', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Confrontation/ }).click();
  await page.getByRole('button', { name: 'Edit scene' }).click();
  await page.getByLabel('Context').fill('Lermontov and Vicky, <b>face to face</b> — rewritten.');
  await page.getByRole('button', { name: 'Save scene' }).click();
  await expect(page.getByRole('status')).toContainText('Saved “The Confrontation”');

  await host.restart();
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Confrontation/ }).click();
  // Markup typed by the person is text, never HTML.
  await expect(page.getByRole('complementary', { name: 'Context' })).toContainText('Lermontov and Vicky, <b>face to face</b> — rewritten.');
  const scenes = await host.call<{ title: string; context: string }[]>('scenes.list', { filmId: 1 });
  expect(scenes.result?.find((s) => s.title === 'The Confrontation')?.context).toBe(
    'Lermontov and Vicky, <b>face to face</b> — rewritten.'
  );
});

test('importing a second film page adds a film', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(sceneList(page).getByRole('option')).toHaveCount(9);
  await page.getByTestId('film-page-input').setInputFiles(fixture('the-archers-notebook.txt'));
  await expect(page.getByRole('status')).toContainText("Imported “The Archers' Notebook”: 2 scenes");
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("The Archers' Notebook");
  await expect(page.getByText('<Nothing> here is markup & it must show as text.', { exact: false })).toBeVisible();
  await expect(sceneList(page).getByRole('option')).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Films' }).getByRole('button')).toHaveCount(2);
  const films = await host.call<unknown[]>('films.list');
  expect(films.result).toHaveLength(2);
});

test('a film page dropped on the window is imported', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(sceneList(page).getByRole('option')).toHaveCount(9);
  const text = readFileSync(fixture('the-archers-notebook.txt'), 'utf8');
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'the-archers-notebook.txt', { type: 'text/plain' }));
    return data;
  }, text);
  const app = page.locator('.app');
  await app.dispatchEvent('dragenter', { dataTransfer: transfer });
  await expect(page.getByText('Drop the film page to add it to your library')).toBeVisible();
  await app.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("The Archers' Notebook");
});

test('a broken film page shows its error and changes nothing', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(sceneList(page).getByRole('option')).toHaveCount(9);
  await page.getByTestId('film-page-input').setInputFiles(fixture('broken-page.txt'));
  await expect(page.getByRole('alert')).toContainText('broken-page.txt, line 3: expected "Dialogues from Movie');
  await expect(page.getByRole('list', { name: 'Films' }).getByRole('button')).toHaveCount(1);
  const films = await host.call<unknown[]>('films.list');
  expect(films.result).toHaveLength(1);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the main views have no serious or critical accessibility violations (${scheme})`, async ({ page, host }) => {
    // Two axe runs over the whole desk: 56-60 s of a 60 s budget in a landing train under load.
    test.slow();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(host.url);
    await page.getByRole('option', { name: /The Premiere Night/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'The Premiere Night' })).toBeVisible();
    const serious = (results: Awaited<ReturnType<AxeBuilder['analyze']>>) =>
      results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious(await new AxeBuilder({ page }).analyze())).toEqual([]);

    await page.getByRole('button', { name: 'Edit scene' }).click();
    expect(serious(await new AxeBuilder({ page }).analyze())).toEqual([]);
  });
}

test('the browser host refuses calls without the token or from a foreign origin', async ({ host }) => {
  const api = `${host.origin}/api/films.list`;
  const noToken = await fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  expect(noToken.status).toBe(401);
  const foreign = await fetch(api, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' },
    body: '{}'
  });
  expect(foreign.status).toBe(403);
  const invalid = await host.call('scenes.get', { sceneId: 'one' });
  expect(invalid.error?.code).toBe('INVALID_INPUT');
});
