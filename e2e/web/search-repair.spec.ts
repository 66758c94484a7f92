import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test, type WebHost } from '../web-host';

interface Hits {
  hits: { kind: string }[];
}

/** Leaves the library as the old replace-restore did: every cue in it, none of them in its search index. */
async function breakCueIndex(host: WebHost): Promise<void> {
  await host.stop();
  const db = new Database(join(host.home, 'library.sqlite'));
  db.prepare("INSERT INTO cues_fts (cues_fts) VALUES ('delete-all')").run();
  db.close();
  await host.start();
}

test('a search index damaged while the app was closed is rebuilt at launch, and the person is told once', async ({ page, host }) => {
  const before = await host.call<Hits>('search.query', { query: 'Interlude' });
  expect(before.result?.hits.map((h) => h.kind)).toContain('cue');
  await breakCueIndex(host);
  const after = await host.call<Hits>('search.query', { query: 'Interlude' });
  expect(after.result?.hits.map((h) => h.kind)).toContain('cue');

  await page.goto(host.url);
  const notice = page.getByRole('status').filter({ hasText: 'Search was repaired.' });
  await expect(notice).toContainText('The search index of cue labels was damaged and has been rebuilt');
  await notice.getByRole('button', { name: 'OK' }).focus();
  await page.keyboard.press('Enter');
  await expect(notice).toHaveCount(0);

  // Told once: not again after a reload, nor at the next launch, where there is nothing to repair.
  const statusRead = page.waitForResponse((response) => response.url().endsWith('/api/library.status'));
  await page.reload();
  expect(((await (await statusRead).json()) as { result: { searchRepairs: unknown[] } }).result.searchRepairs).toHaveLength(1);
  await expect(page.getByRole('option', { name: /The Isolation/ })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await host.restart();
  expect((await host.call<{ searchRepairs: unknown[] }>('library.status')).result?.searchRepairs).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the repair notice has no serious accessibility violations (${scheme})`, async ({ page, host }) => {
    await breakCueIndex(host);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(host.url);
    await expect(page.getByRole('status').filter({ hasText: 'Search was repaired.' })).toBeVisible();
    const violations = (await new AxeBuilder({ page }).include('[aria-labelledby="repair-notice-heading"]').analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical'
    );
    expect(violations.map((v) => v.id)).toEqual([]);
  });
}
