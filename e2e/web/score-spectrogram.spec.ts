import type { Page } from '@playwright/test';
import { makeAudioFixtures, type AudioFixtures } from '../../test/audio-fixtures';
import { expect, test } from '../web-host';

let audio: AudioFixtures;
test.beforeAll(() => {
  audio = makeAudioFixtures(3);
});
test.afterAll(() => audio.remove());

const score = (page: Page) => page.getByRole('region', { name: 'Score player' });

/** Where, from the canvas's top in CSS pixels, its middle column is darkest (most ink): the loudest row drawn. */
async function loudestY(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = [...document.querySelectorAll('canvas')].find((c) => c.getAttribute('aria-label')?.startsWith('Spectrogram'))!;
    const g = canvas.getContext('2d')!;
    const x = Math.floor(canvas.width / 2);
    const column = g.getImageData(x, 0, 1, canvas.height).data;
    let best = 0;
    for (let y = 1; y < canvas.height; y++) if (column[4 * y + 3] > column[4 * best + 3]) best = y;
    return (best + 0.5) * (canvas.clientHeight / canvas.height);
  });
}

for (const scheme of ['light', 'dark'] as const)
  test(`a generated 440 Hz tone shows its energy at the row labelled A4 (${scheme})`, async ({ page, host }, info) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(host.url);
    await score(page).getByRole('combobox', { name: 'Track' }).selectOption({ label: "Entr'acte" });
    await score(page)
      .getByLabel('Recording file')
      .setInputFiles(audio.formats.find((f) => f.name === 'FLAC')!.path);
    await expect(score(page).getByText(/FLAC · 44.1 kHz · 2 ch/)).toBeVisible({ timeout: 45_000 });
    // The score takes most of the window: more rows to tell the notes apart by.
    await page.keyboard.press('Control+Shift+S');

    await score(page).getByRole('button', { name: 'Notes' }).click();
    await expect(score(page).getByRole('button', { name: 'Notes' })).toHaveAttribute('aria-pressed', 'true');
    const spectrogram = score(page).getByRole('img', { name: /^Spectrogram/ });
    await expect(spectrogram).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
    await expect(spectrogram).toHaveAccessibleName(
      /^Spectrogram of 0:00\.000–0:03\.000, loudest note (at the playhead|in the middle): A4 440 Hz$/
    );

    // The pixels agree: the darkest row of the middle column lies on the axis's A4, nearer it than any other note named.
    const canvasBox = (await spectrogram.boundingBox())!;
    const y = await loudestY(page);
    const labels = score(page).getByTestId('spectrogram-axis').locator('[data-midi]');
    const centres = await labels.evaluateAll((spans) =>
      spans.map((span) => {
        const box = span.getBoundingClientRect();
        return { midi: Number(span.getAttribute('data-midi')), y: box.top + box.height / 2, name: span.textContent };
      })
    );
    const nearest = centres.reduce((a, b) => (Math.abs(b.y - canvasBox.y - y) < Math.abs(a.y - canvasBox.y - y) ? b : a));
    expect(nearest.name).toBe('A4');
    expect(Math.abs(nearest.y - canvasBox.y - y)).toBeLessThan(3);

    // Under the pointer, the label reads the note there.
    await page.mouse.move(canvasBox.x + canvasBox.width * 0.3, canvasBox.y + canvasBox.height / 2);
    await expect(spectrogram).toHaveAccessibleName(/loudest note under the pointer: A4 440 Hz$/);
    await page.screenshot({ path: info.outputPath(`spectrogram-${scheme}.png`) });

    // The choice is kept: after a reload the notes are shown again.
    await page.reload();
    await expect(score(page).getByRole('button', { name: 'Notes' })).toHaveAttribute('aria-pressed', 'true');
  });
