import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../web-host';

/** What the page put on the clipboard, read back through the browser's own clipboard. */
const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test('cite a scene, a note and a cue to the clipboard, with the facts the film page lacked', async ({ page, host, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  const scenes = await host.call<{ id: number; title: string }[]>('scenes.list', { filmId: 1 });
  const audition = scenes.result!.find((s) => s.title === 'The Audition')!;
  await host.call('notes.create', { target: { kind: 'scene', id: audition.id }, body: 'Her first leap.', filmTimeMs: 5_025_000 });
  await page.goto(host.url);
  await page.getByRole('option', { name: /The Audition/ }).click();

  // Before the facts are added, the citation says what it has and the notice what is missing.
  await page.getByRole('button', { name: 'Cite this scene' }).click();
  await expect(page.getByText(/Copied the Chicago citation/)).toContainText('has no director or year yet');
  expect(await clipboardText(page)).toBe('The Red Shoes, scene 1, “The Audition.”');

  // The film's facts, once, from the keyboard.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+X');
  const dialog = page.getByRole('dialog', { name: 'Export or import' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Directed by (one per line)').fill('Michael Powell\nEmeric Pressburger');
  await dialog.getByLabel('Year').fill('1948');
  await dialog.getByLabel('Studio').fill('The Archers');
  await dialog.getByRole('button', { name: 'Save facts' }).click();
  await expect(page.getByText('Saved the citation facts of “The Red Shoes”.')).toBeVisible();
  // At the smallest window the app supports, the dialog lies inside the window and its sections scroll
  // within it (it has grown an essay and a study pack), so the facts form is reached whole.
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(dialog).toBeInViewport({ ratio: 1 });
  await dialog.getByRole('button', { name: 'Save facts' }).scrollIntoViewIfNeeded();
  await expect(dialog.getByRole('button', { name: 'Save facts' })).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByLabel('Directed by (one per line)')).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath('exchange-dialog.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Cite this note' }).click();
  await expect
    .poll(() => clipboardText(page))
    .toBe('The Red Shoes, directed by Michael Powell and Emeric Pressburger (The Archers, 1948), 01:23:45.');

  // MLA, chosen once for the library, is what Cite copies from then on.
  await page.getByRole('button', { name: 'Export or import…' }).click();
  await dialog.getByLabel('MLA (9th edition)').click();
  await expect(dialog.getByLabel('MLA (9th edition)')).toBeChecked();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export CSL-JSON (Zotero)' }).click();
  const csl = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
  expect(csl[0]).toMatchObject({ type: 'motion_picture', title: 'The Red Shoes', issued: { 'date-parts': [[1948]] } });
  await dialog.getByRole('button', { name: 'Close' }).click();

  const cues = page.getByRole('region', { name: /^Cues/ });
  await cues.getByRole('button', { name: 'Cite cue Overture' }).click();
  await expect
    .poll(() => clipboardText(page))
    .toMatch(
      /^“The Red Shoes Ballet\.” The Red Shoes, directed by Michael Powell and Emeric Pressburger, score by Brian Easdale, The Archers, 1948, cue “Overture,” 00:00:00–/
    );
  await page.screenshot({ path: test.info().outputPath('exchange-cited.png') });
});

test('the study out as a spreadsheet, and a hand-kept one in through the column mapping', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Export or import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export or import' });
  await dialog.getByLabel('Format').selectOption({ label: 'CSV (spreadsheet)' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const exported = await download;
  expect(exported.suggestedFilename()).toBe('the-red-shoes.csv');
  expect(readFileSync((await exported.path())!, 'utf8')).toMatch(
    /^start,end,text,tags,kind,scene,track,cue\r\n,,The Audition,,scene,1,,\r\n/
  );

  // A spreadsheet kept by hand: minutes and seconds, a column Reelnotes does not know, notes on scenes.
  const kept = test.info().outputPath('my-notes.csv');
  writeFileSync(kept, 'When,Scene,Observation,Mood\n1:23:45,1,"Her leap, held",tense\n2:05:10,9,The last dance,grief\n');
  await dialog.getByTestId('study-file-input').setInputFiles(kept);
  const step = dialog.getByRole('form', { name: /Import my-notes\.csv: 2 rows/ });
  await expect(step.getByRole('region', { name: 'First rows of the file' })).toContainText('Her leap, held');
  await step.getByLabel('Column 1 holds').selectOption('start');
  await expect(step.getByLabel('Column 2 holds')).toHaveValue('scene');
  await step.getByLabel('Column 3 holds').selectOption('text');
  await step.getByLabel('Column 4 holds').selectOption('tags');
  await page.screenshot({ path: test.info().outputPath('table-mapping.png') });
  await step.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported 2 notes from my-notes.csv.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('option', { name: /The Audition/ }).click();
  const note = page.getByRole('article', { name: 'Note at 01:23:45' });
  await expect(note).toContainText('Her leap, held');
  await expect(note).toContainText('tense');
});

test('an ELAN file in, its tiers chosen as notes and cues, and the study out as EAF', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Export or import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export or import' });
  const eaf = test.info().outputPath('session.eaf');
  writeFileSync(
    eaf,
    `<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" DATE="2024-05-01T10:00:00+02:00" FORMAT="3.0" VERSION="3.0">
  <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
  <TIME_ORDER><TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="83000"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="85500"/>
    <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="1000"/><TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="3000"/></TIME_ORDER>
  <TIER LINGUISTIC_TYPE_REF="lt" TIER_ID="Gesture"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2"><ANNOTATION_VALUE>Arms raised</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>
  <TIER LINGUISTIC_TYPE_REF="lt" TIER_ID="Music"><ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4"><ANNOTATION_VALUE>Harp glissando</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>
  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="lt" TIME_ALIGNABLE="true"/>
</ANNOTATION_DOCUMENT>
`
  );
  await dialog.getByTestId('study-file-input').setInputFiles(eaf);
  const step = dialog.getByRole('form', { name: 'Import session.eaf: 2 tiers' });
  await step.getByLabel('Tier Music becomes').selectOption('cue');
  await step.getByLabel('on').selectOption("Entr'acte");
  await page.screenshot({ path: test.info().outputPath('eaf-tiers.png') });
  await step.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Imported 1 note and 1 cue from session.eaf.')).toBeVisible();

  await dialog.getByLabel('Format').selectOption({ label: 'ELAN (EAF 3.0)' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const exported = readFileSync((await (await download).path())!, 'utf8');
  expect(exported).toContain(
    '<ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">\n                <ANNOTATION_VALUE>Arms raised</ANNOTATION_VALUE>'
  );
  expect(exported).toContain(`TIER_ID="Cues: Entr'acte"`);
});

test('the study out as Web Annotation JSON-LD, and annotations written elsewhere in', async ({ page, host }) => {
  const scenes = await host.call<{ id: number; title: string }[]>('scenes.list', { filmId: 1 });
  await host.call('notes.create', { target: { kind: 'scene', id: scenes.result![0].id }, body: 'Her first leap.', filmTimeMs: 5_025_000 });
  await page.goto(host.url);
  // The shortcut is heard once the desk is up: a key pressed while the page still loads goes nowhere.
  await expect(page.getByRole('option', { name: /The Audition/ })).toBeVisible();
  await page.keyboard.press('Control+Shift+X');
  const dialog = page.getByRole('dialog', { name: 'Export or import' });
  await dialog.getByLabel('Format').selectOption({ label: 'W3C Web Annotation (JSON-LD)' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const exported = await download;
  expect(exported.suggestedFilename()).toBe('the-red-shoes.jsonld');
  const collection = JSON.parse(readFileSync((await exported.path())!, 'utf8'));
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.first.items).toContainEqual(
    expect.objectContaining({
      motivation: 'commenting',
      target: expect.objectContaining({ selector: expect.objectContaining({ value: 't=5025' }) })
    })
  );

  const incoming = test.info().outputPath('from-a-colleague.jsonld');
  writeFileSync(
    incoming,
    JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', value: 'The shoes dance on alone.' },
        { type: 'TextualBody', value: 'motif/shoes', purpose: 'tagging' }
      ],
      target: { source: 'https://example.org/red-shoes.mp4', selector: { type: 'FragmentSelector', value: 't=7200,7210' } }
    })
  );
  await dialog.getByTestId('study-file-input').setInputFiles(incoming);
  await expect(page.getByText('Imported 1 note from from-a-colleague.jsonld.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('tab', { name: 'All annotations' }).click();
  await expect(page.getByRole('listbox', { name: /All annotations/ })).toContainText('The shoes dance on alone.');
});

test("a track's cues out as a Sonic Visualiser layer, and SV's CSV in", async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Export or import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export or import' });
  const sv = dialog.getByRole('region', { name: "A track's cues in Sonic Visualiser" });
  await expect(sv.getByLabel('Track')).toHaveValue(/\d+/);
  const download = page.waitForEvent('download');
  await sv.getByRole('button', { name: 'Export layer (.svl)' }).click();
  const layer = await download;
  expect(layer.suggestedFilename()).toBe('the-red-shoes-ballet-cues.svl');
  expect(readFileSync((await layer.path())!, 'utf8')).toMatch(/<point frame="\d+" value="0" duration="\d+" label="Overture"\/>/);

  const csv = test.info().outputPath('sv-layer.csv');
  writeFileSync(csv, '1.250000000,0,2.500000000,Harp\n');
  await sv.getByTestId('sv-layer-input').setInputFiles(csv);
  await expect(page.getByText('Imported 1 cue from sv-layer.csv.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sv-section.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('region', { name: /^Cues/ }).getByRole('listitem', { name: 'Cue Harp' })).toBeVisible();
});
