import type { Page } from '@playwright/test';
import { expect, test } from '../web-host';

const score = (page: Page) => page.getByRole('region', { name: 'Score player' });

/**
 * What is wrong with the layout of the controls under `selector`: a control cut off by the window or by
 * a box that clips it (a control partly scrolled out of a scrolling list is fine: the list scrolls),
 * and two controls drawn over each other. Empty when nothing is.
 */
async function layoutProblems(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    type Box = { left: number; top: number; right: number; bottom: number };
    const meet = (a: Box, b: Box): Box => ({
      left: Math.max(a.left, b.left),
      top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right),
      bottom: Math.min(a.bottom, b.bottom)
    });
    const empty = (box: Box) => box.right - box.left < 1 || box.bottom - box.top < 1;
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()} "${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? ''}"`;
    const root = document.querySelector(rootSelector);
    if (!root) return [`nothing matches ${rootSelector}`];
    const problems: string[] = [];
    const drawn: { name: string; box: Box }[] = [];
    const controls = root.querySelectorAll(
      'button, input:not([type="file"]), select, textarea, [role="separator"], canvas, [role="timer"]'
    );
    for (const control of controls) {
      const rect = control.getBoundingClientRect();
      // Not drawn (display: none), or drawn for screen readers only (visually hidden).
      if (rect.width <= 1 || rect.height <= 1 || getComputedStyle(control).visibility === 'hidden') continue;
      // A picture drawn under another control on purpose (the spectrogram under the waveform's canvas) takes no pointer.
      if (control instanceof HTMLCanvasElement && getComputedStyle(control).pointerEvents === 'none') continue;
      let clip: Box = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
      let scrolls = false;
      for (let box = control.parentElement; box; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        clip = meet(clip, box.getBoundingClientRect());
        if (/auto|scroll/.test(style.overflowY) && box.scrollHeight > box.clientHeight + 1) scrolls = true;
      }
      const seen = meet(clip, rect);
      const across = rect.left >= clip.left - 0.5 && rect.right <= clip.right + 0.5;
      const down = rect.top >= clip.top - 0.5 && rect.bottom <= clip.bottom + 0.5;
      // Lists and forms scroll down, never sideways: a control cut at a side is cut off.
      if (!across || (!down && !scrolls)) problems.push(`${name(control)} is cut off`);
      if (!empty(seen)) drawn.push({ name: name(control), box: seen });
    }
    for (let i = 0; i < drawn.length; i++)
      for (let j = i + 1; j < drawn.length; j++)
        if (!empty(meet(drawn[i].box, drawn[j].box))) problems.push(`${drawn[i].name} overlaps ${drawn[j].name}`);
    return problems;
  }, selector);
}

const scoreSelector = '[data-testid="score-player"]';

async function openScore(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(score(page).getByRole('img', { name: /^Waveform/ })).not.toHaveAttribute('data-peaks', '0');
  await expect(score(page).getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
}

const scoreHeight = async (page: Page) => (await page.getByTestId('score-player').boundingBox())!.height;

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 }
])
  for (const scheme of ['light', 'dark'] as const) {
    const size = `${viewport.width}×${viewport.height}`;
    test(`the score workspace fits at ${size} (${scheme}): nothing cut off or overlapping, widened, folded or with a cue open`, async ({
      page,
      host
    }, info) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await openScore(page, host.url);
      const shot = (what: string) =>
        page.screenshot({ path: info.outputPath(`score-${viewport.width}x${viewport.height}-${scheme}-${what}.png`) });
      expect(await layoutProblems(page, scoreSelector)).toEqual([]);
      expect(await layoutProblems(page, '.app')).toEqual([]);
      // Room for the cues: several rows of the list, not one.
      const cueRows = score(page).getByRole('listitem', { name: /^Cue / });
      expect(await cueRows.count()).toBeGreaterThan(2);
      const list = await score(page).getByRole('list').first().boundingBox();
      expect(list!.height).toBeGreaterThan(3 * 28);
      await shot('desk');

      // Cues selected: the bar of what can be done to them all fits above the list.
      await cueRows.first().focus();
      await page.keyboard.press('ControlOrMeta+a');
      await expect(score(page).getByRole('toolbar', { name: 'Selected cues' })).toBeVisible();
      expect(await layoutProblems(page, scoreSelector)).toEqual([]);
      await shot('selected');
      await page.keyboard.press('Escape');

      // The notes (the spectrogram) in the waveform's place: its axis inside the waveform, nothing moved.
      const notes = score(page).getByRole('button', { name: 'Notes' });
      await notes.click();
      await expect(score(page).getByRole('img', { name: /^Spectrogram/ })).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
      expect(await layoutProblems(page, scoreSelector)).toEqual([]);
      await shot('notes');
      await notes.click();

      // The new cue form: every field and its Add button within reach (its column scrolls).
      await score(page).getByRole('button', { name: 'New cue' }).click();
      const form = score(page).getByRole('form', { name: 'New cue' });
      await form.getByRole('button', { name: 'Add cue' }).scrollIntoViewIfNeeded();
      await expect(form.getByRole('button', { name: 'Add cue' })).toBeInViewport();
      expect(await layoutProblems(page, scoreSelector)).toEqual([]);
      await shot('new-cue');
      await form.getByRole('button', { name: 'Cancel' }).click();

      // One key gives the score most of the window, and gives it back.
      const before = await scoreHeight(page);
      await page.keyboard.press('Control+Shift+S');
      await expect.poll(() => scoreHeight(page)).toBeGreaterThan(viewport.height * 0.8);
      await expect(score(page).getByRole('button', { name: 'Give the score most of the window' })).toHaveAttribute('aria-pressed', 'true');
      expect(await layoutProblems(page, scoreSelector)).toEqual([]);
      expect(await layoutProblems(page, '.app')).toEqual([]);
      await shot('wide');
      await page.keyboard.press('Control+Shift+S');
      await expect.poll(() => scoreHeight(page)).toBeCloseTo(before, 0);

      // Folded, the score keeps its bar: the transport is still there and plays.
      const fold = score(page).getByRole('button', { name: 'Show the waveform and cues' });
      await fold.click();
      await expect(fold).toHaveAttribute('aria-expanded', 'false');
      await expect(score(page).getByRole('img', { name: /^Waveform/ })).toHaveCount(0);
      await expect(score(page).getByRole('button', { name: 'Play', exact: true })).toBeInViewport({ ratio: 1 });
      expect(await layoutProblems(page, scoreSelector)).toEqual([]);
      expect(await layoutProblems(page, '.app')).toEqual([]);
      await shot('folded');
      await score(page).getByRole('button', { name: 'Play', exact: true }).click();
      await expect(score(page).getByRole('button', { name: 'Pause' })).toBeVisible();
      await fold.click();
      await expect(fold).toHaveAttribute('aria-expanded', 'true');
      await expect(score(page).getByRole('img', { name: /^Waveform/ })).toHaveCount(1);
    });
  }

test('the score is resized by dragging its border or with the arrow keys, and keeps its size through a reload', async ({ page, host }) => {
  await openScore(page, host.url);
  const border = page.getByRole('separator', { name: 'Resize the score' });
  const before = await scoreHeight(page);
  const box = (await border.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y - 120, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => scoreHeight(page)).toBeGreaterThan(before + 100);
  const dragged = await scoreHeight(page);

  await page.reload();
  await expect(score(page).getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await expect.poll(() => scoreHeight(page)).toBeCloseTo(dragged, 0);

  // Keyboard first: the border takes the focus and the arrow keys move it.
  await border.focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => scoreHeight(page)).toBeGreaterThan(dragged + 10);
});

test('the library folds away from its border with Enter, and comes back', async ({ page, host }) => {
  await page.goto(host.url);
  const library = page.getByTestId('desk-library');
  await expect(page.getByRole('complementary', { name: 'Library' })).toBeVisible();
  const border = page.getByRole('separator', { name: 'Resize the library (Enter folds it)' });
  await border.focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await library.boundingBox())?.width ?? 0).toBeLessThan(1);
  // Folded, its controls are out of the Tab order as well as out of sight: Tab goes from the border to the film.
  await expect(library).toHaveAttribute('inert', '');
  await border.focus();
  await page.keyboard.press('Shift+Tab');
  expect(await library.evaluate((pane) => pane.contains(document.activeElement))).toBe(false);
  await border.focus();
  await page.keyboard.press('Enter');
  await expect(library).not.toHaveAttribute('inert', '');
  await expect.poll(async () => (await library.boundingBox())?.width ?? 0).toBeGreaterThan(150);
});
