import type { Page } from '@playwright/test';
import { expect, test, type WebHost } from '../web-host';

/**
 * Timestamps in notes: what the preview makes of them and what the desk says without the film's
 * picture. Seeking the picture itself is tested against a real film once the film pane is on the desk.
 */

interface Note {
  id: number;
  body: string;
  filmTimeMs: number | null;
}

const alert = (page: Page) => page.getByTestId('notices').getByRole('alert');

async function notesOnDreamSequence(host: WebHost): Promise<Note[]> {
  const scenes = await host.call<{ id: number; title: string }[]>('scenes.list', { filmId: 1 });
  const id = scenes.result!.find((s) => s.title === 'The Dream Sequence')!.id;
  return (await host.call<Note[]>('notes.forTarget', { target: { kind: 'scene', id } })).result!;
}

test('every hh:mm:ss and mm:ss in a note is a button in its preview, code and look-alikes stay text, and the note keeps its words', async ({
  page,
  host
}, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Dream Sequence/ }).click();
  await page.getByRole('button', { name: '+ Add note' }).click();
  const body =
    'The shoes appear at 12:30, the sea at **1:02:03.05**; not 12:75, v2:30, `00:10:00` or [a link at 3:00](https://example.org).';
  await page.getByLabel('Note text (Markdown)').fill(body);
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.locator('button.time-link')).toHaveText(['12:30', '1:02:03.05']);
  await expect(preview.getByRole('button', { name: 'Go to 00:12:30 in the film' })).toBeVisible();
  await expect(preview.getByRole('button', { name: 'Go to 01:02:03 in the film' })).toBeVisible();
  await expect(preview.locator('code')).toHaveText('00:10:00');
  await expect(preview.getByRole('link')).toHaveText('a link at 3:00');
  await expect.poll(async () => (await notesOnDreamSequence(host))[0]?.body).toBe(body);
  await preview.screenshot({ path: testInfo.outputPath('film-times-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await preview.screenshot({ path: testInfo.outputPath('film-times-dark.png') });

  // Without the film on the desk, a click says so rather than doing nothing.
  await preview.getByRole('button', { name: 'Go to 00:12:30 in the film' }).click();
  await expect(alert(page)).toContainText('The film is not on the desk');

  // The study exported as Markdown reads the times as the words they are.
  const exported = await host.call<{ text: string }>('films.exportMarkdown', { filmId: 1 });
  expect(exported.result!.text).toContain('The shoes appear at 12:30, the sea at **1:02:03.05**');
});

test('Alt+T without the film on the desk says so and types nothing; a new note then has no film time', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Dream Sequence/ }).click();
  await page.getByRole('button', { name: '+ Add note' }).click();
  const editor = page.getByLabel('Note text (Markdown)');
  await editor.fill('At ');
  await editor.press('Alt+t');
  await expect(alert(page)).toContainText('The film is not on the desk');
  await expect(editor).toHaveValue('At ');
  await expect(page.getByLabel('Film time (hh:mm:ss)')).toHaveValue('');
  await expect(page.getByRole('button', { name: /^Go to .* in the film$/ })).toHaveCount(0);
  await expect.poll(async () => (await notesOnDreamSequence(host))[0]?.filmTimeMs).toBeNull();
});

test("a note's own film time has a button that goes there", async ({ page, host }) => {
  const scenes = await host.call<{ id: number; title: string }[]>('scenes.list', { filmId: 1 });
  const id = scenes.result!.find((s) => s.title === 'The Dream Sequence')!.id;
  await host.call('notes.create', { target: { kind: 'scene', id }, body: 'The ballet begins.', filmTimeMs: 4_354_000 });
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Dream Sequence/ }).click();
  const go = page.getByRole('button', { name: 'Go to 01:12:34 in the film' });
  await go.focus();
  await page.keyboard.press('Enter');
  await expect(alert(page)).toContainText('The film is not on the desk');
});
