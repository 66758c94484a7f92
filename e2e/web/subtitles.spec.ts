import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../web-host';

/** Subtitle files for a film: imported and checked, found by search, and placing the page's dialogue in the film. */

const srt = (lines: [string, string][]) => lines.map(([timing, text], i) => `${i + 1}\n${timing}\n${text}\n`).join('\n');

const subtitles = (page: Page) => page.getByRole('region', { name: /^Subtitles/ });
const alert = (page: Page) => page.getByTestId('notices').getByRole('alert');

async function importSubtitles(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('subtitle-file-input').setInputFiles({ name, mimeType: 'application/x-subrip', buffer: Buffer.from(text) });
}

test('a subtitle file is imported for the film, shown as chosen, and found by search at its time', async ({ page, host }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  await expect(subtitles(page)).toContainText('Import an SRT or WebVTT file');
  await importSubtitles(
    page,
    'red-shoes.en.srt',
    srt([
      ['00:00:01,000 --> 00:00:03,500', '<i>Why do you want to dance?</i>'],
      ['00:12:34,250 --> 00:12:37,000', 'Why do you want to live?']
    ])
  );
  await expect(page.getByTestId('notices').getByRole('status')).toContainText('Imported 2 subtitle lines from red-shoes.en.srt.');
  await expect(subtitles(page).getByRole('radio', { name: /red-shoes\.en\.srt · 2 lines/ })).toBeChecked();
  await subtitles(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('subtitles-1024.png') });

  await page.keyboard.press('Control+k');
  await page.keyboard.type('want to live');
  const list = page.getByRole('listbox', { name: 'Search results' });
  await expect(list).toHaveAttribute('aria-busy', 'false');
  const hit = list.getByRole('option').filter({ hasText: 'Subtitle' });
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('00:12:34');
  await hit.click();
  // Without the picture on the desk, choosing it says why the film did not move.
  await expect(alert(page)).toContainText('The film is not on the desk');

  // Removing it asks first, then takes its lines out of the search.
  await subtitles(page).getByRole('button', { name: 'Remove the subtitles of red-shoes.en.srt' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(subtitles(page)).toContainText('Import an SRT or WebVTT file');
  const search = await host.call<{ hits: { kind: string }[] }>('search.query', { query: 'live' });
  expect(search.result!.hits.filter((h) => h.kind === 'subtitle')).toEqual([]);
});

test('a broken subtitle file is refused with its line, and nothing is kept', async ({ page, host }) => {
  await page.goto(host.url);
  await importSubtitles(page, 'broken.srt', '1\n00:00:01,000 --> 00:00:02,000\nFine\n\n2\n00:00:09,000 --> 00:00:03,000\nBackwards\n');
  await expect(alert(page)).toContainText('broken.srt, line 6: this block ends before it starts');
  await expect(subtitles(page)).toContainText('Import an SRT or WebVTT file');
  expect((await host.call<unknown[]>('subtitles.tracks', { filmId: 1 })).result).toEqual([]);
});

test('a dialogue line of the page is placed at the time of the subtitle that shares its words', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByTestId('film-page-input').setInputFiles(join(__dirname, '..', 'fixtures', 'the-archers-notebook.txt'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("The Archers' Notebook");
  await importSubtitles(
    page,
    'archers.srt',
    srt([
      ['00:03:00,000 --> 00:03:02,000', 'A gull.'],
      ['00:04:10,500 --> 00:04:13,000', 'Write it down, before the tide takes it!']
    ])
  );
  const dialogue = page.getByRole('region', { name: /^Dialogue/ });
  const line = dialogue.getByRole('listitem').filter({ hasText: 'before the tide takes it' });
  await line.getByRole('button', { name: /^Place in the film/ }).click();
  await line.getByRole('button', { name: '00:04:10 · Write it down, before the tide takes it!' }).click();
  await expect(line.getByRole('button', { name: 'Go to 00:04:10 in the film' })).toBeVisible();
  const lines = await host.call<{ text: string; filmTimeMs: number | null }[]>('films.lines', { filmId: 2 });
  expect(lines.result!.find((l) => l.text.includes('tide'))!.filmTimeMs).toBe(250_500);
});
