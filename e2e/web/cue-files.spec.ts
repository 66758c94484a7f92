import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../web-host';

test("export the track's cues for Audacity and bring a label file back in", async ({ page, host }) => {
  await page.goto(host.url);
  const panel = page.getByRole('region', { name: /^Cues/ });
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('the-red-shoes-ballet-cues.txt');
  const labels = readFileSync((await file.path())!, 'utf8');
  expect(labels).toMatch(/^\d+\.\d{6}\t\d+\.\d{6}\tOverture\n/);

  const incoming = join(host.home, 'from-audacity.txt');
  writeFileSync(incoming, '30.250000\t31.500000\tHorn call\n\\\t200.000000\t900.000000\n');
  await page.getByTestId('cue-file-input').setInputFiles(incoming);
  await expect(panel.getByText('Horn call')).toBeVisible();

  writeFileSync(incoming, '1.0\t2.0\tok\nnot a label\n');
  await page.getByTestId('cue-file-input').setInputFiles(incoming);
  await expect(page.getByRole('alert')).toContainText('from-audacity.txt, line 2');
});

test('a note written on a cue is kept with the cue', async ({ page, host }) => {
  await page.goto(host.url);
  const panel = page.getByRole('region', { name: /^Cues/ });
  await panel.getByRole('button', { name: 'Edit cue Overture' }).click();
  const notes = panel.getByRole('region', { name: /Notes on “Overture”/ });
  await notes.getByRole('button', { name: '+ Add note' }).click();
  await notes.getByLabel('Note text (Markdown)').fill('The horns state the shoes motif.');
  await notes.getByLabel('Note text (Markdown)').blur();
  await expect
    .poll(async () => {
      const cues = await host.call<{ id: number; label: string }[]>('cues.list', { trackId: 1 });
      const overture = cues.result!.find((c) => c.label === 'Overture')!;
      const saved = await host.call<{ body: string }[]>('notes.forTarget', { target: { kind: 'cue', id: overture.id } });
      return saved.result?.map((n) => n.body);
    })
    .toEqual(['The horns state the shoes motif.']);

  await page.reload();
  await panel.getByRole('button', { name: 'Edit cue Overture' }).click();
  await expect(notes).toContainText('The horns state the shoes motif.');

  // The film-wide list names the cue the note is on.
  await page.getByRole('tab', { name: 'All annotations' }).click();
  await expect(
    page
      .getByRole('listbox', { name: /All annotations/ })
      .getByRole('option')
      .first()
  ).toContainText('Cue · Overture');
});
