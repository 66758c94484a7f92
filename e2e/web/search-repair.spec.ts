import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test } from '../web-host';

interface Hits {
  hits: { kind: string }[];
}

test('a search index damaged while the app was closed is rebuilt at launch, and the person is told once', async ({ page, host }) => {
  const before = await host.call<Hits>('search.query', { query: 'Interlude' });
  expect(before.result?.hits.map((h) => h.kind)).toContain('cue');
  await host.stop();

  // The state the old replace-restore left: every cue in the library, none of them in its index.
  const db = new Database(join(host.home, 'library.sqlite'));
  db.prepare("INSERT INTO cues_fts (cues_fts) VALUES ('delete-all')").run();
  db.close();

  await host.start();
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
