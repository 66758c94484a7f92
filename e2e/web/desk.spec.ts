import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type WebHost } from '../web-host';

/** What a first week of use found on the desk: the tag panel and editor, Space, reopening, dropping files. */

const dock = (page: Page) => page.getByRole('region', { name: 'Score player' });
const positionMs = async (page: Page) => Number(await dock(page).getByRole('timer', { name: 'Elapsed' }).getAttribute('data-position-ms'));
const tagPanel = (page: Page) => page.getByRole('region', { name: 'Tags' });

async function scenesByTitle(host: WebHost): Promise<Map<string, number>> {
  const films = await host.call<{ id: number; title: string }[]>('films.list');
  const redShoes = films.result!.find((f) => f.title === 'The Red Shoes')!.id;
  const scenes = await host.call<{ id: number; title: string }[]>('scenes.list', { filmId: redShoes });
  return new Map(scenes.result!.map((s) => [s.title, s.id]));
}

async function tagScene(host: WebHost, sceneId: number, name: string): Promise<void> {
  const attached = await host.call('tags.attach', { target: { kind: 'scene', id: sceneId }, name });
  expect(attached.ok, JSON.stringify(attached)).toBe(true);
}

test('the tag panel nests each tag under its own parent, with a row for a parent that is not a tag, and counts nested items', async ({
  page,
  host
}) => {
  const scenes = await scenesByTitle(host);
  await tagScene(host, scenes.get('The Audition')!, 'Fantasy');
  await tagScene(host, scenes.get('The Audition')!, 'music/leitmotif');
  await tagScene(host, scenes.get('The Dream Sequence')!, 'score');
  await tagScene(host, scenes.get('The Premiere Night')!, 'score/ballet');
  await tagScene(host, scenes.get('The Premiere Night')!, 'visual/colour');
  await page.goto(host.url);

  const rows = tagPanel(page).getByRole('list').getByRole('listitem');
  await expect(rows).toHaveText(['Fantasy1⋯', 'music', 'leitmotif1⋯', 'score2⋯', 'ballet1⋯', 'visual', 'colour1⋯']);
  // Each child sits one step further in than its parent's row.
  const indent = async (index: number) =>
    (await rows.nth(index).boundingBox())!.x + Number.parseFloat(await rows.nth(index).evaluate((el) => getComputedStyle(el).paddingLeft));
  expect(await indent(2)).toBeGreaterThan(await indent(1));
  expect(await indent(6)).toBeGreaterThan(await indent(5));
  expect(await indent(1)).toBe(await indent(0));
  // A parent's count takes in its children; its label gives both.
  await expect(tagPanel(page).getByRole('button', { name: /^Filter by score:/ })).toHaveAccessibleName(
    'Filter by score: 1 scenes, 0 notes; with its nested tags 2 scenes, 0 notes'
  );
  // A parent that is not a tag is a label, not a filter.
  await expect(tagPanel(page).getByRole('button', { name: /^Filter by music:/ })).toHaveCount(0);
  await tagPanel(page)
    .getByRole('button', { name: /^Filter by score:/ })
    .click();
  await expect(page.getByText('Filtered by tags: 2 of 9 scenes.')).toBeVisible();
});

test('typing a tag name and pressing Enter attaches that name, and completion ignores accents', async ({ page, host }) => {
  const scenes = await scenesByTitle(host);
  await tagScene(host, scenes.get('The Audition')!, 'music/leitmotif');
  await tagScene(host, scenes.get('The Audition')!, 'émotion');
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Dream Sequence/ }).click();
  const input = page.getByRole('combobox', { name: 'Add a tag to this scene' });

  await input.fill('music');
  await expect(page.getByRole('listbox', { name: 'Tag suggestions' }).getByRole('option')).toHaveText([
    'Create “music”',
    'music/leitmotif'
  ]);
  await input.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove tag music', exact: true })).toBeVisible();

  await input.fill('emotion');
  await expect(page.getByRole('listbox', { name: 'Tag suggestions' }).getByRole('option')).toHaveText(['émotion', 'Create “emotion”']);
  await input.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove tag émotion' })).toBeVisible();

  const tags = await host.call<{ sceneId: number; tags: { name: string }[] }[]>('tags.ofScenes', { filmId: 1 });
  const dream = tags.result!.find((s) => s.sceneId === scenes.get('The Dream Sequence'))!;
  expect(dream.tags.map((t) => t.name).sort()).toEqual(['music', 'émotion']);
});

test('Space pauses a cue played from its scene, with the focus still on its play button', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(dock(page).getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await page.getByRole('option', { name: /The Premiere Night/ }).click();
  const playCue = page.getByRole('region', { name: 'The Premiere Night' }).getByRole('button', { name: 'Play cue Premiere' });
  await playCue.click();
  await expect.poll(() => positionMs(page)).toBeGreaterThan(20_300);
  await expect(playCue).toBeFocused();

  await page.keyboard.press('Space');
  await expect(dock(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const paused = await positionMs(page);
  expect(paused).toBeGreaterThan(20_300);

  // Space again plays on from there, not from the cue's start.
  await page.keyboard.press('Space');
  await expect(dock(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => positionMs(page)).toBeGreaterThan(paused);
  await page.keyboard.press('Space');
  await expect(dock(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  expect(await positionMs(page)).toBeGreaterThan(paused);

  // The same for the cue list's own buttons: a looped cue pauses too.
  const loopCue = dock(page).getByRole('button', { name: 'Loop cue The fall' });
  await loopCue.click();
  await expect.poll(() => positionMs(page)).toBeGreaterThan(30_300);
  await expect(loopCue).toBeFocused();
  await page.keyboard.press('Space');
  await expect(dock(page).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('the desk reopens on the film and scene the person left, not on the first film', async ({ page, host }) => {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'the-archers-notebook.txt'), 'utf8');
  expect((await host.call('library.importFilmPage', { fileName: 'the-archers-notebook.txt', text })).ok).toBe(true);
  await page.goto(host.url);
  // "The Archers' Notebook" is first in the list, and is what a first visit opens.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("The Archers' Notebook");
  await page
    .getByRole('list', { name: 'Films' })
    .getByRole('button', { name: /The Red Shoes/ })
    .click();
  await page.getByRole('option', { name: /The Premiere Night/ }).click();
  await expect(page.getByRole('region', { name: 'The Premiere Night' })).toBeVisible();
  await expect
    .poll(async () => (await host.call<{ sceneId: number | null }>('films.open', {})).result?.sceneId)
    .toBe((await scenesByTitle(host)).get('The Premiere Night'));

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Red Shoes');
  await expect(page.getByRole('region', { name: 'The Premiere Night' })).toBeVisible();
  await expect(page.getByRole('option', { name: /The Premiere Night/ })).toHaveAttribute('aria-selected', 'true');
});

/** Drags a file of this name, type and content over the window, as the window sees a drag from the desktop. */
async function dragFile(page: Page, name: string, type: string, content = 'not really') {
  const transfer = await page.evaluateHandle(
    ([fileName, mime, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], fileName, { type: mime }));
      return data;
    },
    [name, type, content] as const
  );
  return {
    enter: (selector: string) => page.locator(selector).dispatchEvent('dragenter', { dataTransfer: transfer }),
    over: (selector: string) => page.locator(selector).dispatchEvent('dragover', { dataTransfer: transfer }),
    drop: (selector: string) => page.locator(selector).dispatchEvent('drop', { dataTransfer: transfer })
  };
}

test('dragging a file over the window says what dropping it there will do, and the drop does that', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(dock(page).getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  const overlay = page.getByTestId('drop-overlay');

  const recording = await dragFile(page, 'theme.mp3', 'audio/mpeg');
  await recording.enter('.film-pane');
  await recording.over('.film-pane');
  await expect(overlay).toHaveText('To attach this recording, drop it on the score player below, with its track chosen');
  await recording.over('[data-testid="score-player"]');
  await expect(overlay).toHaveText('Drop to attach this recording to “The Red Shoes Ballet”, in place of the recording it has');
  await recording.over('.film-pane');
  await recording.drop('.film-pane');
  await expect(overlay).toHaveCount(0);
  await expect(
    page.getByRole('alert').filter({ hasText: 'theme.mp3: To attach this recording, drop it on the score player below' })
  ).toBeVisible();

  const other = await dragFile(page, 'poster.pdf', 'application/pdf');
  await other.enter('.film-pane');
  await expect(overlay).toHaveText(
    'Reelnotes cannot open this file: it reads film pages (.txt) and study packs (.reelstudy), and attaches recordings (audio) in the score player'
  );
  await other.drop('.film-pane');
  await expect(page.getByRole('alert').filter({ hasText: 'poster.pdf: Reelnotes cannot open this file' })).toBeVisible();

  // Neither was taken for a film page, nor attached.
  expect((await host.call<unknown[]>('films.list')).result).toHaveLength(1);
  expect((await host.call<{ originalName: string }[]>('recordings.list', { filmId: 1 })).result!.map((r) => r.originalName)).not.toContain(
    'theme.mp3'
  );

  // A film page is imported wherever it is dropped, the score player included.
  const filmPage = await dragFile(
    page,
    'the-archers-notebook.txt',
    'text/plain',
    readFileSync(join(__dirname, '..', 'fixtures', 'the-archers-notebook.txt'), 'utf8')
  );
  await filmPage.enter('[data-testid="score-player"]');
  await filmPage.over('[data-testid="score-player"]');
  await expect(overlay).toHaveText('Drop the film page to add it to your library');
  await filmPage.drop('[data-testid="score-player"]');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("The Archers' Notebook");
});
