import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type WebHost } from '../web-host';

interface Note {
  id: number;
  body: string;
  filmTimeMs: number | null;
  sceneId: number | null;
  deletedAt: string | null;
  tags: { name: string }[];
}

async function sceneId(host: WebHost, title: string): Promise<number> {
  const scenes = await host.call<{ id: number; title: string }[]>('scenes.list', { filmId: 1 });
  return scenes.result!.find((s) => s.title === title)!.id;
}

async function notesOn(host: WebHost, title: string): Promise<Note[]> {
  return (await host.call<Note[]>('notes.forTarget', { target: { kind: 'scene', id: await sceneId(host, title) } })).result!;
}

async function addNote(host: WebHost, title: string, body: string, filmTimeMs: number | null = null): Promise<Note> {
  const created = await host.call<Note>('notes.create', { target: { kind: 'scene', id: await sceneId(host, title) }, body, filmTimeMs });
  return created.result!;
}

/** The search results, once they answer what is in the box (not a query typed halfway). */
async function searchResults(page: Page) {
  const list = page.getByRole('listbox', { name: 'Search results' });
  await expect(list).toHaveAttribute('aria-busy', 'false');
  return list.getByRole('option');
}

const noteCards = (page: Page) => page.getByRole('region', { name: /^Annotations/ }).getByRole('article');

/** Presses Tab until the focused element has this accessible name: the way a keyboard user gets there. */
async function tabTo(page: Page, name: RegExp, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

test('a note written in the scene pane is saved by itself and is there after a reload', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Dream Sequence/ }).click();
  await page.getByRole('button', { name: '+ Add note' }).click();
  const editor = page.getByLabel('Note text (Markdown)');
  await expect(editor).toBeFocused();
  await editor.fill('The **red shoes** lead her <b>not bold</b>; Amélie ✨');
  await expect(page.getByRole('region', { name: 'Preview' }).locator('strong')).toHaveText('red shoes');
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('<b>not bold</b>');
  await page.getByLabel('Film time (hh:mm:ss)').fill('1:02:03');
  await page.getByLabel('Film time (hh:mm:ss)').press('Enter');
  await expect(noteCards(page).first().getByText('Saved')).toBeVisible();

  await page.reload();
  await page.getByRole('option', { name: /The Dream Sequence/ }).click();
  const card = noteCards(page).first();
  await expect(card).toHaveAccessibleName('Note at 01:02:03');
  await expect(card.locator('strong')).toHaveText('red shoes');
  const [saved] = await notesOn(host, 'The Dream Sequence');
  expect(saved.body).toBe('The **red shoes** lead her <b>not bold</b>; Amélie ✨');
});

test('text typed just before the page is closed or left is not lost', async ({ page, host, context }) => {
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Audition/ }).click();
  await page.getByRole('button', { name: '+ Add note' }).click();
  await expect(page.getByLabel('Note text (Markdown)')).toBeFocused();
  await page.keyboard.type('Closed at once: every word counts');
  await page.close({ runBeforeUnload: true });
  await expect.poll(async () => (await notesOn(host, 'The Audition'))[0]?.body).toBe('Closed at once: every word counts');

  const second = await context.newPage();
  await second.goto(host.url);
  await second.getByRole('option', { name: /The Audition/ }).click();
  await expect(noteCards(second)).toHaveCount(1);
  await noteCards(second).getByRole('button', { name: 'Edit', exact: true }).click();
  await second.keyboard.press('End');
  await second.keyboard.type(' — and then left for another page');
  await second.goto('about:blank');
  await expect
    .poll(async () => (await notesOn(host, 'The Audition'))[0]?.body)
    .toBe('Closed at once: every word counts — and then left for another page');
});

test('a note set at a time between seconds keeps it to the millisecond when its text is edited', async ({ page, host }) => {
  // Set at the playhead, 4.5 s: the field shows whole seconds (00:00:04), which must not be saved back as 4 s.
  await addNote(host, 'The Audition', 'The shoes', 4500);
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Audition/ }).click();
  await noteCards(page).getByRole('button', { name: 'Edit', exact: true }).click();
  const editor = page.getByLabel('Note text (Markdown)');
  await editor.press('Control+End');
  await editor.pressSequentially(' on the stairs');
  await page.getByLabel('Film time (hh:mm:ss)').first().focus();
  await page.getByLabel('Film time (hh:mm:ss)').first().blur();
  await expect.poll(async () => (await notesOn(host, 'The Audition'))[0]?.body).toBe('The shoes on the stairs');
  expect((await notesOn(host, 'The Audition'))[0].filmTimeMs).toBe(4500);
});

test('a film time typed and not yet confirmed is saved as the text is: after a pause, and when the page goes', async ({
  page,
  host,
  context
}) => {
  await addNote(host, 'The Audition', 'Her first steps');
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Audition/ }).click();
  const time = noteCards(page).first().getByLabel('Film time (hh:mm:ss)');
  await time.click();
  await page.keyboard.type('0:42:10');
  // Neither Enter nor leaving the field: the pause after typing saves it.
  await expect(noteCards(page).first().getByText('Saved')).toBeVisible();
  await expect(time).toBeFocused();
  await expect.poll(async () => (await notesOn(host, 'The Audition'))[0]?.filmTimeMs).toBe(2_530_000);
  await page.reload();
  await page.getByRole('option', { name: /The Audition/ }).click();
  await expect(noteCards(page).first()).toHaveAccessibleName('Note at 00:42:10');

  // Typed and the page closed at once: the time goes with the page's last save, as text does.
  await noteCards(page).first().getByLabel('Film time (hh:mm:ss)').fill('1:05:00');
  await page.close({ runBeforeUnload: true });
  await expect.poll(async () => (await notesOn(host, 'The Audition'))[0]?.filmTimeMs).toBe(3_900_000);
  const second = await context.newPage();
  await second.goto(host.url);
  await second.getByRole('option', { name: /The Audition/ }).click();
  await expect(noteCards(second).first()).toHaveAccessibleName('Note at 01:05:00');
});

test('two notes tagged in place are found by filtering on the tag', async ({ page, host }) => {
  await addNote(host, 'The Audition', 'Her first steps on the stairs');
  await addNote(host, 'The Final Decision', 'The last staircase');
  await addNote(host, 'The Final Decision', 'Not about stairs at all');
  await page.goto(host.url);

  for (const [scene, body] of [
    ['The Audition', 'Her first steps'],
    ['The Final Decision', 'The last staircase']
  ]) {
    await page.getByRole('option', { name: new RegExp(scene) }).click();
    const card = noteCards(page).filter({ hasText: body });
    const input = card.getByRole('combobox', { name: 'Add a tag to this note' });
    await input.fill('motif/stai');
    if (scene === 'The Final Decision') {
      // The tag made for the first note is offered as a suggestion for the second, after the
      // name as typed (Enter alone would create "motif/stai"): ↓ chooses it.
      await expect(card.getByRole('option')).toHaveText(['Create “motif/stai”', 'motif/stairs']);
      await input.press('ArrowDown');
      await input.press('Enter');
    } else {
      await input.fill('motif/stairs');
      await input.press('Enter');
    }
    await expect(card.getByText('motif/stairs')).toBeVisible();
  }

  await page.getByRole('button', { name: /^Filter by motif\/stairs: 0 scenes, 2 notes/ }).click();
  await page.getByRole('tab', { name: 'All annotations' }).click();
  const rows = page.getByRole('listbox', { name: /All annotations/ }).getByRole('option');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Her first steps on the stairs');
  await expect(rows.nth(1)).toContainText('The last staircase');
  const page2 = await host.call<{ total: number }>('notes.list', { filmId: 1, tagIds: [1] });
  expect(page2.result?.total).toBe(2);
});

test('the all-annotations list draws only the rows in view, and notes scrolled far away come back', async ({ page, host }) => {
  test.slow();
  // Four pages of notes: the list fetches 200 at a time and keeps only the pages around the view.
  const audition = await sceneId(host, 'The Audition');
  for (let i = 1; i <= 800; i++)
    await host.call('notes.create', { target: { kind: 'scene', id: audition }, body: `Note number ${i}`, filmTimeMs: i * 1000 });
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'All annotations' }).click();
  const list = page.getByRole('listbox', { name: /All annotations/ });
  await expect(list.locator('#all-note-0')).toContainText('Note number 1');
  await list.focus();
  await page.keyboard.press('End');
  await expect(list.locator('#all-note-799')).toContainText('Note number 800');
  expect(await list.getByRole('option').count()).toBeLessThan(60);
  await page.keyboard.press('Home');
  await expect(list.locator('#all-note-0')).toContainText('Note number 1');
  await expect(list.locator('#all-note-0')).toHaveAttribute('aria-selected', 'true');
});

test('at 1024x700 the all-annotations toolbar keeps every control inside the film pane, light and dark', async ({ page, host }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'All annotations' }).click();
  const pane = (await page.getByRole('main', { name: 'Film' }).boundingBox())!;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const control of [
      page.getByRole('combobox', { name: 'Sort by' }),
      page.getByLabel('Shift film times by'),
      page.getByRole('button', { name: 'Shift film times' })
    ]) {
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(pane.x);
      expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
    }
    await page.screenshot({ path: test.info().outputPath(`all-annotations-1024-${scheme}.png`) });
  }
});

test('searching a word lands on the note that holds it', async ({ page, host }) => {
  await addNote(host, 'The Confrontation', 'Lermontov stands like an albatross in the doorway', 5_400_000);
  await addNote(host, 'The Isolation', 'Nothing to find here');
  await page.goto(host.url);
  await page.getByRole('option').first().waitFor();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Search scenes, notes, lines and cues' })).toBeFocused();
  await page.keyboard.type('ALBAT');
  const hit = (await searchResults(page)).first();
  await expect(hit).toContainText('Note · The Confrontation');
  await expect(hit.locator('mark')).toHaveText('albatross');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'The Confrontation' })).toBeVisible();
  await expect(page.getByLabel('Note text (Markdown)')).toBeFocused();
  await expect(page.getByLabel('Note text (Markdown)')).toHaveValue('Lermontov stands like an albatross in the doorway');

  // The search was answered: coming back to the scene later shows the note, not its editor.
  await page.getByRole('option', { name: /The Isolation/ }).click();
  await page.getByRole('option', { name: /The Confrontation/ }).click();
  await expect(noteCards(page)).toContainText(['Lermontov stands like an albatross']);
  await expect(page.getByLabel('Note text (Markdown)')).toHaveCount(0);
});

test('a deleted note waits in the trash, comes back, and emptying the trash asks first', async ({ page, host }) => {
  await addNote(host, 'The Premiere Night', 'Keep me');
  await addNote(host, 'The Premiere Night', 'Throw me away');
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Premiere Night/ }).click();
  await noteCards(page).filter({ hasText: 'Keep me' }).getByRole('button', { name: 'Delete' }).click();
  await expect(noteCards(page)).toHaveCount(1);

  await page.getByRole('tab', { name: 'Trash' }).click();
  const trash = page.getByRole('list', { name: /Trash/ }).getByRole('listitem');
  await expect(trash).toHaveCount(1);
  await trash.getByRole('button', { name: /^Restore note/ }).click();
  await expect(trash).toHaveCount(0);
  await page.getByRole('tab', { name: 'Scenes' }).click();
  await expect(noteCards(page)).toHaveCount(2);

  await noteCards(page).filter({ hasText: 'Throw me away' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('tab', { name: 'Trash' }).click();
  await page.getByRole('button', { name: 'Empty trash…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Empty the trash?' });
  await expect(dialog).toContainText('1 note will be deleted for good');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(trash).toHaveCount(1);
  await page.getByRole('button', { name: 'Empty trash…' }).click();
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  const notes = await notesOn(host, 'The Premiere Night');
  expect(notes.map((n) => n.body)).toEqual(['Keep me']);
  expect((await host.call<unknown[]>('notes.trash', { filmId: 1 })).result).toEqual([]);
});

test('writing, tagging and searching work from the keyboard alone', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('option').first().waitFor();
  await page.keyboard.press('/');
  await page.keyboard.type('dream sequ');
  await expect((await searchResults(page)).first()).toContainText('The Dream Sequence');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'The Dream Sequence' })).toBeVisible();

  await tabTo(page, /^\+ Add note$/);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Note text (Markdown)')).toBeFocused();
  await page.keyboard.type('Typed without a mouse: pirouette');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('combobox', { name: 'Add a tag to this note' })).toBeFocused();
  await page.keyboard.type('keyboard');
  await page.keyboard.press('Enter');
  await expect(noteCards(page).first().getByText('keyboard', { exact: true })).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('pirouette tag:keyboard');
  await expect(await searchResults(page)).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Note text (Markdown)')).toBeFocused();
  const [note] = await notesOn(host, 'The Dream Sequence');
  expect(note).toMatchObject({ body: 'Typed without a mouse: pirouette', tags: [{ name: 'keyboard' }] });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the notes, tags, search and trash views have no serious accessibility violations (${scheme})`, async ({ page, host }) => {
    test.slow();
    const note = await addNote(host, 'The Dream Sequence', '## Heading\n\nA *note* with a [link](https://example.org).', 60_000);
    await host.call('tags.attach', { target: { kind: 'annotation', id: note.id }, name: 'music/leitmotif' });
    await host.call('notes.delete', { id: (await addNote(host, 'The Audition', 'in the trash')).id });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(host.url);
    const serious = async () =>
      (await new AxeBuilder({ page }).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

    await page.getByRole('option', { name: /The Dream Sequence/ }).click();
    await noteCards(page).getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('combobox', { name: 'Add a tag to this note' }).fill('mus');
    expect(await serious()).toEqual([]);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('note');
    await expect((await searchResults(page)).first()).toBeVisible();
    expect(await serious()).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: 'All annotations' }).click();
    await expect(page.getByRole('listbox', { name: /All annotations/ }).getByRole('option')).toHaveCount(1);
    expect(await serious()).toEqual([]);

    await page.getByRole('tab', { name: 'Trash' }).click();
    await expect(page.getByRole('list', { name: /Trash/ }).getByRole('listitem')).toHaveCount(1);
    expect(await serious()).toEqual([]);

    await page.getByRole('button', { name: 'Manage tag music/leitmotif' }).click();
    await expect(page.getByRole('dialog', { name: /Tag “music\/leitmotif”/ })).toBeVisible();
    expect(await serious()).toEqual([]);
  });
}
