import { expect, test } from '../web-host';

/**
 * The page's half of the desktop app's note and scene menu, in Chromium: which item a right-click
 * lands on, the link it carries, text fields keeping their own menu, and the notice of what was copied.
 * The shell's half (the native menu, the clipboard) needs Electron: it is tested against the built
 * main bundle in test/unit/desktop-shell.test.ts and in e2e/electron. Here a RECORDING STAND-IN for the
 * desktop bridge (window.reelnotesDesktop) takes the shell's place; it is named as such and never
 * reported as the desktop app.
 */

interface Asked {
  target: { kind: string; id: number };
  link: string;
  hasSelection: boolean;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const asked: unknown[] = [];
    const answers: unknown[] = [];
    Object.assign(window, {
      bridgeStandIn: { asked, answers },
      reelnotesDesktop: {
        onMenuCommand: () => () => undefined,
        onOpen: () => () => undefined,
        pathForFile: () => '',
        saveFile: async () => null,
        saveStudy: async () => null,
        showItemMenu: async (input: unknown) => {
          asked.push(input);
          return answers.shift() ?? { copied: null };
        }
      }
    });
  });
});

// The scenes' options: other lists on the desk (the score's speeds, the timeline's export range) have options too.
const sceneOptions = (page: import('@playwright/test').Page) => page.getByRole('listbox', { name: /Memorable scenes/ }).getByRole('option');
const asked = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { bridgeStandIn: { asked: Asked[] } }).bridgeStandIn.asked);
const answerNext = (page: import('@playwright/test').Page, answer: unknown) =>
  page.evaluate((a) => (window as unknown as { bridgeStandIn: { answers: unknown[] } }).bridgeStandIn.answers.push(a), answer);

test("a right-click on a note or a scene asks for that item's menu with its link; text fields keep their own", async ({ page, host }) => {
  const scenes = (await host.call<{ id: number; title: string }[]>('scenes.list', { filmId: 1 })).result!;
  const audition = scenes.find((s) => s.title === 'The Audition')!;
  await host.call('scenes.setSpan', { sceneId: audition.id, startMs: 61_000, endMs: 120_000 });
  const note = (
    await host.call<{ id: number }>('notes.create', {
      target: { kind: 'scene', id: audition.id },
      body: 'Her first leap.',
      filmTimeMs: 65_000
    })
  ).result!;
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Audition/ }).click();

  await answerNext(page, { copied: 'link', link: 'reelnotes://open#film=1' });
  await page.getByRole('article', { name: /Note/ }).getByText('Her first leap.').click({ button: 'right' });
  await expect.poll(() => asked(page)).toHaveLength(1);
  const onNote = (await asked(page))[0];
  expect(onNote).toMatchObject({ target: { kind: 'note', id: note.id }, hasSelection: false });
  // The note's place and its film time, as a reelnotes:// link opens them.
  expect(onNote.link).toBe(`reelnotes://open#film=1&view=scenes&scene=${audition.id}&note=${note.id}&t=65`);
  await expect(page.getByText('Copied the link to this note: reelnotes://open#film=1')).toBeVisible();

  await page.getByRole('heading', { name: 'The Audition', level: 2 }).click({ button: 'right' });
  await expect.poll(async () => (await asked(page)).at(-1)?.target).toEqual({ kind: 'scene', id: audition.id });
  expect((await asked(page)).at(-1)!.link).toBe(`reelnotes://open#film=1&view=scenes&scene=${audition.id}&t=61`);

  // A text field is left to the field's own menu (spelling, cut, copy, paste), which the shell builds.
  await page.getByRole('combobox', { name: 'Search scenes, notes, lines and cues' }).click({ button: 'right' });
  await page.getByRole('heading', { name: 'The Red Shoes', level: 1 }).click({ button: 'right' });
  expect(await asked(page)).toHaveLength(2);
});

test("a citation the shell copied is named in a notice, as the Cite button's is", async ({ page, host }) => {
  await page.goto(host.url);
  const cite = await host.call<{ text: string }>('exchange.cite', { target: { kind: 'scene', id: 1 } });
  await answerNext(page, { copied: 'citation', outcome: cite });
  await sceneOptions(page).first().click({ button: 'right' });
  await expect(page.getByText(`Copied the Chicago citation: ${cite.result!.text}`)).toBeVisible();
  await answerNext(page, { copied: 'citation', outcome: { ok: false, error: { code: 'NOT_FOUND', message: 'There is no note 9.' } } });
  await sceneOptions(page).nth(1).click({ button: 'right' });
  await expect(page.getByText('There is no note 9.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('item-menu-notices.png') });
});
