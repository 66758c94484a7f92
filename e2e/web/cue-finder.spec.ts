import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeCueFilm, type CueFilm } from '../../test/soundtrack-signals';
import { expect, test, type WebHost } from '../web-host';

let dir: string;
let film: CueFilm;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reelnotes-cue-finder-'));
  film = writeCueFilm(dir);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dock = (page: Page) => page.getByRole('region', { name: 'Score player' });

/**
 * The film attached, the album's take attached to the ballet's track in the score dock (the stand-in
 * cues removed), and the cues made: the dock shows the track with them.
 */
async function balletWithCues(page: Page, host: WebHost, cues: readonly (readonly [string, number, number])[]) {
  expect((await host.call('video.attach', { filmId: 1, path: film.filmPath })).ok).toBe(true);
  const tracks = await host.call<{ id: number; title: string }[]>('tracks.list', { filmId: 1 });
  const ballet = tracks.result!.find((t) => t.title === 'The Red Shoes Ballet')!;
  await page.goto(host.url);
  await dock(page).getByRole('combobox', { name: 'Track' }).selectOption({ label: ballet.title });
  await dock(page).getByLabel('Recording file').setInputFiles(film.recordingPath);
  await expect(dock(page).getByText(/PCM · 22.05 kHz · mono/)).toBeVisible({ timeout: 45_000 });
  await dock(page).getByRole('button', { name: 'Remove them' }).click();
  for (const [label, startMs, endMs] of cues)
    expect((await host.call('cues.create', { trackId: ballet.id, label, startMs, endMs })).ok).toBe(true);
  // Made through the contract, the cues show once the page reads the library again.
  await page.reload();
  await dock(page).getByRole('combobox', { name: 'Track' }).selectOption({ label: ballet.title });
  return ballet;
}

test('find a cue in the film’s soundtrack: analyse once, hear the best candidate, accept it onto the timeline, reject another', async ({
  page,
  host
}) => {
  // The film's whole soundtrack is decoded and analysed on the host's worker: on a busy machine that
  // alone can take most of a minute, so this test gets three times the usual time.
  test.slow();
  const ballet = await balletWithCues(page, host, [['The shoes', 0, 20_000]]);

  await dock(page).getByRole('button', { name: 'Find cue The shoes in the film' }).click();
  const finder = page.getByRole('dialog', { name: 'Where does “The shoes” sound in the film?' });
  await finder.getByRole('button', { name: 'Analyse the film’s soundtrack' }).click();
  const candidates = finder.getByRole('list', { name: 'Candidates, best first' });
  await expect(candidates).toBeVisible({ timeout: 60_000 });
  const best = candidates.getByRole('listitem').first();
  // 12.3 s, to the frame of the analysis (32 ms) and its rounding: within ±100 ms.
  await expect(best).toHaveAttribute('aria-label', /^Candidate at 00:00:12\.(2\d\d|3\d\d|400)$/);
  await expect(best).toContainText('found');
  await page.screenshot({ path: test.info().outputPath('cue-finder.png') });

  await best.getByRole('button', { name: '▶ Film' }).click();
  await best.getByRole('button', { name: '▶ Album' }).click();
  await expect(finder.locator('audio')).toHaveJSProperty('paused', false);

  // Accepted, the candidate leaves the list and stands on the timeline where the cue sounds, marked found.
  const accepted = await best.getAttribute('aria-label');
  await best.getByRole('button', { name: /^Accept the candidate/ }).click();
  await expect(candidates.getByRole('listitem', { name: accepted! })).toHaveCount(0);
  await expect(page.getByTestId('notices')).toContainText('“The shoes” placed at 00:00:12.');
  const library = await host.call<{ startMs: number; foundConfidence: number }[]>('placements.inRange', {
    filmId: 1,
    fromMs: 0,
    toMs: 40_000
  });
  expect(library.result).toEqual([expect.objectContaining({ startMs: expect.any(Number) })]);
  expect(Math.abs(library.result![0].startMs - film.cueAtMs)).toBeLessThanOrEqual(100);
  expect(library.result![0].foundConfidence).toBeGreaterThanOrEqual(0.9);
  await page.screenshot({ path: test.info().outputPath('cue-finder-accepted.png') });

  // Rejected, the next candidate leaves the list too, and nothing is placed for it.
  const next = candidates.getByRole('listitem').first();
  const rejected = await next.getAttribute('aria-label');
  await next.getByRole('button', { name: /^Reject the candidate/ }).click();
  await expect(candidates.getByRole('listitem', { name: rejected! })).toHaveCount(0);
  await finder.getByRole('button', { name: 'Close' }).click();
  await expect(finder).toBeHidden();
  // The track's row on the timeline (one list; its chosen item is its option while it has the focus) holds the
  // accepted cue alone, where the library has it, marked found.
  const track = page.getByRole('region', { name: 'Timeline' }).getByRole('listbox', { name: ballet.title });
  const placed = track.getByRole('option');
  await track.focus();
  await expect(placed).toHaveAttribute('aria-setsize', '1');
  await expect(placed).toHaveAccessibleName(/^The shoes \(found, \d+%\), /);
  await expect(placed).toHaveAttribute('data-start-ms', String(library.result![0].startMs));
});

test('find every cue of a track in one job, then accept all above the chosen confidence, by keyboard', async ({ page, host }) => {
  // The whole soundtrack is analysed first, then each cue searched: slow on a busy machine.
  test.slow();
  const ballet = await balletWithCues(page, host, [
    ['The shoes', 0, 20_000],
    ['The leap', 6000, 16_000]
  ]);

  await dock(page).getByRole('button', { name: 'Find every cue of this track in the film' }).focus();
  await page.keyboard.press('Enter');
  const finder = page.getByRole('dialog', { name: `Every cue of “${ballet.title}” in the film` });
  await finder.getByRole('button', { name: 'Find every cue in the film' }).focus();
  await page.keyboard.press('Enter');
  const candidates = finder.getByRole('list', { name: 'Candidates, most confident first' });
  await expect(candidates).toBeVisible({ timeout: 90_000 });
  await expect(finder.getByText('2 cues searched')).toBeVisible({ timeout: 60_000 });
  await expect(candidates.getByRole('listitem', { name: /^The shoes at 00:00:12\./ })).toContainText('found');
  await expect(candidates.getByRole('listitem', { name: /^The leap at 00:00:18\./ })).toContainText('found');
  expect((await host.call<unknown[]>('placements.inRange', { filmId: 1, fromMs: 0, toMs: 40_000 })).result).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('track-finder.png') });

  const threshold = finder.getByLabel('Accept all at or above');
  await expect(threshold).toHaveValue('90');
  await threshold.focus();
  await page.keyboard.press('Tab');
  await expect(finder.getByRole('button', { name: /^Accept all 2 at or above 90%$/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(candidates.getByRole('listitem', { name: /^The (shoes|leap) at/ }).filter({ hasText: 'found' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(finder).toBeHidden();

  // Both on the track's row, reached by the keyboard: Home, then →.
  const track = page.getByRole('region', { name: 'Timeline' }).getByRole('listbox', { name: ballet.title });
  const placed = track.getByRole('option');
  await track.focus();
  await expect(placed).toHaveAttribute('aria-setsize', '2');
  const starts: number[] = [];
  for (const [key, position] of [
    ['Home', '1'],
    ['ArrowRight', '2']
  ]) {
    await track.press(key);
    await expect(placed).toHaveAttribute('aria-posinset', position);
    starts.push(Number(await placed.getAttribute('data-start-ms')));
  }
  expect(Math.abs(starts[0] - film.cueAtMs)).toBeLessThanOrEqual(100);
  expect(Math.abs(starts[1] - (film.cueAtMs + 6000))).toBeLessThanOrEqual(100);
});
