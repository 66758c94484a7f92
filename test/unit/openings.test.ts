import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OpeningQueue, openingsOfCommandLine } from '../../src/main/openings';
import { deskLinkOf, deskLinkOfFragment, fragmentOf, parseDeskLink, placeOfFragment, type Place } from '../../src/shared/place-address';
import type { Opening } from '../../src/shared/openings';

const dir = mkdtempSync(join(tmpdir(), 'reelnotes-openings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the address of a place (the renderer URL and reelnotes:// links)', () => {
  it('reads what it writes, for any place', () => {
    const id = fc.option(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), { nil: null });
    const place = fc.record<Place>({ filmId: id, view: fc.constantFrom('scenes', 'annotations', 'trash'), sceneId: id, noteId: id });
    fc.assert(
      fc.property(place, (p) => {
        expect(placeOfFragment(fragmentOf(p))).toEqual(p);
      })
    );
  });

  it('leaves out what is not a valid id or view', () => {
    expect(placeOfFragment('#film=0&view=everything&scene=-3&note=1e3')).toEqual({
      filmId: null,
      view: 'scenes',
      sceneId: null,
      noteId: null
    });
    expect(placeOfFragment('film=12&scene=99999999999999999999')).toEqual({ filmId: 12, view: 'scenes', sceneId: null, noteId: null });
  });

  it('opens a link to a film, a scene, a note and a film time', () => {
    expect(parseDeskLink('reelnotes://open#film=3&view=annotations&scene=4&note=12&t=1:02:03')).toEqual({
      place: { filmId: 3, view: 'annotations', sceneId: 4, noteId: 12 },
      filmTimeMs: 3_723_000
    });
    // Some systems drop a link's fragment; the same fields as a query work too.
    expect(parseDeskLink('reelnotes://open?film=3&t=75')).toEqual({
      place: { filmId: 3, view: 'scenes', sceneId: null, noteId: null },
      filmTimeMs: 75_000
    });
    const link = { place: { filmId: 1, view: 'scenes' as const, sceneId: 2, noteId: null }, filmTimeMs: 61_000 };
    expect(parseDeskLink(deskLinkOf(link))).toEqual(link);
  });

  it('opens nothing from a link that names no film, another scheme or host, or a time that is not one', () => {
    for (const text of ['reelnotes://open#scene=4', 'https://open#film=1', 'reelnotes://elsewhere#film=1', 'reelnotes:', 'not a link']) {
      expect(parseDeskLink(text), text).toBeUndefined();
    }
    expect(parseDeskLink('reelnotes://open#film=1&t=soon')?.filmTimeMs).toBeNull();
  });

  it("reads a link's fields from the page's own address, as the link itself", () => {
    const link = 'reelnotes://open#film=2&view=scenes&scene=4&t=0:03';
    expect(deskLinkOfFragment(`#${link.split('#')[1]}`)).toEqual(parseDeskLink(link));
    expect(deskLinkOfFragment('#film=2&scene=4')).toEqual({
      place: { filmId: 2, view: 'scenes', sceneId: 4, noteId: null },
      filmTimeMs: null
    });
    expect(deskLinkOfFragment('#view=trash&t=3')).toBeUndefined();
  });
});

describe('a command line', () => {
  const page = join(dir, 'the page.reelfilm');
  const text = join(dir, 'saved.TXT');
  writeFileSync(page, 'The Red Shoes\n');
  writeFileSync(text, 'The Red Shoes\n');
  const pack = join(dir, 'ballet study.REELSTUDY');
  writeFileSync(pack, 'PK');

  it('opens the film pages and study packs that exist and the links that name a film, in order, relative paths from where it was started', () => {
    expect(
      openingsOfCommandLine(
        [
          '--enable-logging',
          'the page.reelfilm',
          'reelnotes://open#film=2&note=9',
          text,
          'ballet study.REELSTUDY',
          join(dir, 'missing.reelfilm'),
          join(dir, 'missing.reelstudy'),
          'out/main/index.js',
          dir,
          'reelnotes://open#note=9'
        ],
        dir
      )
    ).toEqual<Opening[]>([
      { kind: 'film-page', path: page },
      { kind: 'link', url: 'reelnotes://open#film=2&note=9' },
      { kind: 'film-page', path: text },
      { kind: 'study-pack', path: pack }
    ]);
  });
});

describe('openings before the page is there', () => {
  it('wait, then go to the page in order, and later ones go straight to it', () => {
    const queue = new OpeningQueue();
    const delivered: Opening[] = [];
    queue.add([{ kind: 'link', url: 'reelnotes://open#film=1' }]);
    queue.add([{ kind: 'film-page', path: '/a.reelfilm' }]);
    expect(delivered).toEqual([]);
    queue.deliverTo((o) => delivered.push(o));
    queue.add([{ kind: 'film-page', path: '/b.reelfilm' }]);
    expect(delivered.map((o) => (o.kind === 'link' ? o.url : o.path))).toEqual(['reelnotes://open#film=1', '/a.reelfilm', '/b.reelfilm']);
    // A reloaded page takes what comes after, and nothing is delivered twice.
    const reloaded: Opening[] = [];
    queue.deliverTo((o) => reloaded.push(o));
    expect(reloaded).toEqual([]);
  });
});
