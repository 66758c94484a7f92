import type { Page } from '@playwright/test';
import { expect, test, type WebHost } from '../web-host';

const score = (page: Page) => page.getByRole('region', { name: 'Score player' });
const canvas = (page: Page) => score(page).getByRole('img', { name: /^Waveform/ });
const view = async (page: Page) => {
  const c = canvas(page);
  const [startMs, msPerPx, spanMs] = await Promise.all(['data-start-ms', 'data-ms-per-px', 'data-span-ms'].map((a) => c.getAttribute(a)));
  return { startMs: Number(startMs), msPerPx: Number(msPerPx), spanMs: Number(spanMs) };
};

async function openScore(page: Page, host: WebHost): Promise<void> {
  await page.goto(host.url);
  await expect(canvas(page)).not.toHaveAttribute('data-peaks', '0');
  await expect(score(page).getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await expect(score(page)).toHaveAttribute('aria-busy', 'false');
  // Out of every field, so + and − are the waveform's.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

test('+ zooms in until one second fills the view: the ruler counts tenths, and the finest level is drawn', async ({ page, host }) => {
  await openScore(page, host);
  const whole = await view(page);
  expect(whole.startMs).toBe(0);
  // The whole recording: as long as the player says it is.
  const [minutes, seconds] = (await score(page).getByLabel('Total').textContent())!.split(':').map(Number);
  expect(whole.spanMs).toBeCloseTo((minutes * 60 + seconds) * 1000, 0);
  await expect(canvas(page)).toHaveAttribute('data-level', 'overview');
  const ruler = page.getByTestId('waveform-ruler');
  await expect(ruler.locator('span').first()).toHaveText('0:00');

  for (let press = 0; press < 12 && (await view(page)).spanMs > 1000; press++) await page.keyboard.press('+');
  const close = await view(page);
  expect(close.spanMs).toBeLessThanOrEqual(1000);
  await expect(ruler).toHaveAttribute('data-step-ms', '100');
  const labels = await ruler.locator('span').allTextContents();
  expect(labels.length).toBeGreaterThanOrEqual(5);
  for (const label of labels) expect(label).toMatch(/^0:\d\d\.\d$/);
  // Labels in order, a tenth apart, each where its time is.
  const tenths = labels.map((label) => Math.round(Number(label.split(':')[1]) * 10));
  tenths.slice(1).forEach((t, i) => expect(t - tenths[i]).toBe(1));
  await expect(canvas(page)).toHaveAttribute('data-level', '0');
  await page.screenshot({ path: test.info().outputPath('zoomed-to-a-second.png') });

  // − steps back out, to the whole recording and no further.
  for (let press = 0; press < 14; press++) await page.keyboard.press('-');
  expect((await view(page)).spanMs).toBeCloseTo(whole.spanMs, -2);
  await expect(score(page).getByRole('button', { name: 'Zoom out' })).toBeDisabled();
});

test('the wheel zooms around the pointer, Shift+wheel scrolls, and the overview window moves the view', async ({ page, host }) => {
  await openScore(page, host);
  const box = (await canvas(page).boundingBox())!;
  const at = { x: box.x + box.width * 0.75, y: box.y + box.height / 2 };
  const before = await view(page);
  const underPointer = before.startMs + box.width * 0.75 * before.msPerPx;
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await view(page)).msPerPx).toBeLessThan(before.msPerPx / 4);
  const zoomed = await view(page);
  // The moment under the pointer stayed under it.
  expect(zoomed.startMs + box.width * 0.75 * zoomed.msPerPx).toBeCloseTo(underPointer, -2);

  await page.keyboard.down('Shift');
  await page.mouse.wheel(0, 200);
  await page.keyboard.up('Shift');
  await expect.poll(async () => (await view(page)).startMs).toBeGreaterThan(zoomed.startMs + 100 * zoomed.msPerPx);
  const scrolled = await view(page);
  expect(scrolled.msPerPx).toBe(zoomed.msPerPx);

  // The overview's window: dragged to the left end, then moved by the keyboard.
  const windowOnStrip = page.getByRole('slider', { name: 'Part of the recording in view' });
  const grip = (await windowOnStrip.boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x - 2000, grip.y + grip.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await view(page)).startMs).toBe(0);
  await windowOnStrip.focus();
  await page.keyboard.press('PageDown');
  await expect.poll(async () => (await view(page)).startMs).toBeCloseTo(scrolled.spanMs, -2);
  await expect(windowOnStrip).toHaveAttribute('aria-valuetext', /^0:\d\d to 0:\d\d$/);
});

test('Z fits the loop or the cue playing, and the view follows the playhead until the person scrolls away', async ({ page, host }) => {
  await openScore(page, host);
  await score(page).getByRole('button', { name: 'Play cue Premiere' }).click();
  await expect(score(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('z');
  // Premiere runs 0:20–0:30: in view with a margin either side.
  await expect.poll(async () => (await view(page)).startMs).toBeCloseTo(19_500, -2);
  expect((await view(page)).spanMs).toBeCloseTo(11_000, -2);
  await page.keyboard.press('Space');

  // Zoomed to two seconds at the start and played: the view turns its pages with the playhead.
  await score(page).getByRole('button', { name: 'Whole' }).click();
  for (let press = 0; press < 12 && (await view(page)).spanMs > 2500; press++) await page.keyboard.press('+');
  await score(page).getByRole('slider', { name: 'Seek' }).fill('0');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const span = (await view(page)).spanMs;
  await page.keyboard.press('Space');
  await expect.poll(async () => (await view(page)).startMs, { timeout: 15_000 }).toBeGreaterThan(span * 0.5);
  // Scrolled away by hand, it stays where the person put it.
  await score(page).getByRole('button', { name: 'Follow' }).click();
  await expect(score(page).getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'false');
  const left = (await view(page)).startMs;
  await expect
    .poll(async () => Number(await score(page).getByRole('timer', { name: 'Elapsed' }).getAttribute('data-position-ms')))
    .toBeGreaterThan(left + span * 1.2);
  expect((await view(page)).startMs).toBe(left);
});

test("a cue's edge dragged on the waveform shows its times, moves the cue in the list, and stops at the recording's end", async ({
  page,
  host
}) => {
  await openScore(page, host);
  const box = (await canvas(page).boundingBox())!;
  const { msPerPx, startMs } = await view(page);
  const xOf = (ms: number) => box.x + (ms - startMs) / msPerPx;
  const middle = box.y + box.height / 2;

  // The Overture ends at 0:08; taken just left of that edge and dragged to about 0:10.
  await page.mouse.move(xOf(8_000) - 2, middle);
  await page.mouse.down();
  await page.mouse.move(xOf(10_000) - 2, middle, { steps: 5 });
  await expect(
    score(page)
      .getByRole('status')
      .filter({ hasText: /^Overture: 0:00\.000 – 0:(09|10)\.\d{3}$/ })
  ).toBeVisible();
  await page.mouse.up();
  const overture = score(page).getByRole('listitem', { name: 'Cue Overture' });
  await expect(overture).toContainText(/0:00\.000 – 0:(09\.9|10\.0)\d\d/);
  // The next cue kept its own start.
  await expect(score(page).getByRole('listitem', { name: 'Cue The dream' })).toContainText('0:08.000 – 0:20.000');

  // The last cue moved whole, by its label, far past the end: it stops with its end at the recording's.
  const total = (await score(page).getByLabel('Total').textContent())!;
  await page.mouse.move(xOf(32_000), box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 300, box.y + 8, { steps: 5 });
  await page.mouse.up();
  const fall = score(page).getByRole('listitem', { name: 'Cue The fall' });
  await expect(fall).toContainText(new RegExp(`– ${total.replace('.', '\\.')}`));
  const cues = await host.call<{ label: string; startMs: number; endMs: number }[]>('cues.list', { trackId: 1 });
  const moved = cues.result!.find((c) => c.label === 'The fall')!;
  expect(moved.endMs - moved.startMs).toBe(10_000);
});
