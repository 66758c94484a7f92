import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { formatEaf } from '../../src/core/exchange/eaf';
import { readXml } from '../../src/core/exchange/xml';
import { annotatedRedShoes, redShoesLibrary } from '../exchange-fixtures';

const date = new Date('2026-12-03T08:00:00Z');

/**
 * The rules of ELAN's EAF 3.0 schema (EAFv3.0.xsd) that a document Reelnotes writes must keep,
 * written down here because the schema file cannot be fetched on the build machines:
 * - the document element is ANNOTATION_DOCUMENT with AUTHOR, DATE (an xsd:dateTime) and VERSION;
 * - its children come in the order HEADER, TIME_ORDER, TIER*, LINGUISTIC_TYPE*, LOCALE*, LANGUAGE*,
 *   CONSTRAINT*, CONTROLLED_VOCABULARY*, LEXICON_REF*, EXTERNAL_REF*, with exactly one HEADER and TIME_ORDER;
 * - HEADER holds MEDIA_DESCRIPTOR* (each with MEDIA_URL and MIME_TYPE), LINKED_FILE_DESCRIPTOR*, PROPERTY*, in that order;
 *   its MEDIA_FILE attribute is required, TIME_UNITS is "milliseconds" if given;
 * - TIME_SLOT has a TIME_SLOT_ID (an xsd:ID, unique in the document) and an optional TIME_VALUE (xsd:unsignedInt);
 * - TIER has TIER_ID (unique) and LINGUISTIC_TYPE_REF (naming a LINGUISTIC_TYPE); PARENT_REF names another tier;
 * - ANNOTATION holds one ALIGNABLE_ANNOTATION (TIME_SLOT_REF1 and TIME_SLOT_REF2 naming time slots) or one
 *   REF_ANNOTATION (ANNOTATION_REF naming an annotation of the parent tier), each with an ANNOTATION_ID that
 *   is an xsd:ID unique among all ids, and one ANNOTATION_VALUE;
 * - LINGUISTIC_TYPE has LINGUISTIC_TYPE_ID; its CONSTRAINTS names the STEREOTYPE (an xsd:ID) of a CONSTRAINT;
 *   a type with a constraint of symbolic association or subdivision is not TIME_ALIGNABLE, and a tier of
 *   such a type has a parent;
 * - xsd:ID values are NCNames: a letter or underscore first, no spaces or colons.
 */
function eafSchemaViolations(text: string): string[] {
  const problems: string[] = [];
  const tree = new XMLParser({ preserveOrder: true, ignoreAttributes: false }).parse(text) as Record<string, unknown>[];
  const rootNode = tree.find((n) => 'ANNOTATION_DOCUMENT' in n)!;
  const children = (rootNode.ANNOTATION_DOCUMENT as Record<string, unknown>[]).map((n) => Object.keys(n).find((k) => k !== ':@')!);
  const order = [
    'HEADER',
    'TIME_ORDER',
    'TIER',
    'LINGUISTIC_TYPE',
    'LOCALE',
    'LANGUAGE',
    'CONSTRAINT',
    'CONTROLLED_VOCABULARY',
    'LEXICON_REF',
    'EXTERNAL_REF'
  ];
  const elements = children.filter((c) => c !== '#text');
  elements.forEach((name, i) => {
    if (!order.includes(name)) problems.push(`unknown element ${name}`);
    if (i > 0 && order.indexOf(name) < order.indexOf(elements[i - 1])) problems.push(`${name} after ${elements[i - 1]}`);
  });
  for (const once of ['HEADER', 'TIME_ORDER']) if (elements.filter((e) => e === once).length !== 1) problems.push(`not one ${once}`);

  const repeated = new Set(['TIER', 'ANNOTATION', 'TIME_SLOT', 'LINGUISTIC_TYPE', 'CONSTRAINT', 'MEDIA_DESCRIPTOR', 'PROPERTY']);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && repeated.has(name)
  }).parse(text).ANNOTATION_DOCUMENT;
  for (const a of ['AUTHOR', 'DATE', 'VERSION']) if (typeof doc[a] !== 'string') problems.push(`no ${a}`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(doc.DATE)) problems.push('DATE is not an xsd:dateTime');
  if (typeof doc.HEADER.MEDIA_FILE !== 'string') problems.push('HEADER without MEDIA_FILE');
  if (doc.HEADER.TIME_UNITS !== undefined && doc.HEADER.TIME_UNITS !== 'milliseconds') problems.push('TIME_UNITS');
  for (const media of doc.HEADER.MEDIA_DESCRIPTOR ?? []) if (!media.MEDIA_URL || !media.MIME_TYPE) problems.push('MEDIA_DESCRIPTOR');
  const ncName = /^[A-Za-z_][\w.-]*$/;
  const ids = new Set<string>();
  const addId = (id: string | undefined, what: string) => {
    if (!id || !ncName.test(id)) problems.push(`${what} id "${id}" is not an NCName`);
    else if (ids.has(id)) problems.push(`${what} id ${id} is not unique`);
    else ids.add(id);
  };
  const slots = new Set<string>();
  for (const slot of doc.TIME_ORDER.TIME_SLOT ?? []) {
    addId(slot.TIME_SLOT_ID, 'TIME_SLOT');
    slots.add(slot.TIME_SLOT_ID);
    if (slot.TIME_VALUE !== undefined && !/^\d+$/.test(slot.TIME_VALUE)) problems.push(`TIME_VALUE ${slot.TIME_VALUE}`);
  }
  const stereotypes = new Set((doc.CONSTRAINT ?? []).map((c: { STEREOTYPE: string }) => c.STEREOTYPE));
  const types = new Map<string, { TIME_ALIGNABLE?: string; CONSTRAINTS?: string }>();
  for (const type of doc.LINGUISTIC_TYPE ?? []) {
    types.set(type.LINGUISTIC_TYPE_ID, type);
    if (type.CONSTRAINTS && !stereotypes.has(type.CONSTRAINTS)) problems.push(`constraint ${type.CONSTRAINTS} undefined`);
    if (/^Symbolic_/.test(type.CONSTRAINTS ?? '') && type.TIME_ALIGNABLE !== 'false')
      problems.push(`${type.LINGUISTIC_TYPE_ID} is symbolic but alignable`);
  }
  const tierIds = new Set((doc.TIER ?? []).map((t: { TIER_ID: string }) => t.TIER_ID));
  const annotationTier = new Map<string, string>();
  for (const tier of doc.TIER ?? [])
    for (const a of tier.ANNOTATION ?? []) {
      const body = a.ALIGNABLE_ANNOTATION ?? a.REF_ANNOTATION;
      addId(body.ANNOTATION_ID, 'ANNOTATION');
      annotationTier.set(body.ANNOTATION_ID, tier.TIER_ID);
    }
  for (const tier of doc.TIER ?? []) {
    const type = types.get(tier.LINGUISTIC_TYPE_REF);
    if (!type) problems.push(`tier ${tier.TIER_ID}: type ${tier.LINGUISTIC_TYPE_REF} undefined`);
    if (tier.PARENT_REF !== undefined && !tierIds.has(tier.PARENT_REF)) problems.push(`tier ${tier.TIER_ID}: no parent ${tier.PARENT_REF}`);
    if (/^Symbolic_/.test(type?.CONSTRAINTS ?? '') && tier.PARENT_REF === undefined)
      problems.push(`tier ${tier.TIER_ID} is symbolic without a parent`);
    for (const a of tier.ANNOTATION ?? []) {
      if (a.ALIGNABLE_ANNOTATION && a.REF_ANNOTATION) problems.push('two annotations in one ANNOTATION');
      const body = a.ALIGNABLE_ANNOTATION ?? a.REF_ANNOTATION;
      if (body.ANNOTATION_VALUE === undefined) problems.push(`${body.ANNOTATION_ID} without ANNOTATION_VALUE`);
      if (a.ALIGNABLE_ANNOTATION && !(slots.has(body.TIME_SLOT_REF1) && slots.has(body.TIME_SLOT_REF2)))
        problems.push(`${body.ANNOTATION_ID} slots`);
      if (a.REF_ANNOTATION && annotationTier.get(body.ANNOTATION_REF) !== tier.PARENT_REF) problems.push(`${body.ANNOTATION_ID} ref`);
    }
  }
  return problems;
}

/** ELAN's own shape, by hand: two tiers of one person's annotation and a dependent tier of categories. */
const fromElan = `<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT AUTHOR="" DATE="2024-05-01T10:00:00+02:00" FORMAT="3.0" VERSION="3.0">
    <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">
        <MEDIA_DESCRIPTOR MEDIA_URL="file:///films/red-shoes.mp4" MIME_TYPE="video/mp4"/>
        <PROPERTY NAME="lastUsedAnnotationId">5</PROPERTY>
    </HEADER>
    <TIME_ORDER>
        <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="83000"/>
        <TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="85500"/>
        <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="1500"/>
        <TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="4000"/>
    </TIME_ORDER>
    <TIER LINGUISTIC_TYPE_REF="default-lt" PARTICIPANT="Vicky" TIER_ID="Gesture">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
                <ANNOTATION_VALUE>arms raised &amp; held</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="default-lt" TIER_ID="Music">
        <ANNOTATION>
            <ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4">
                <ANNOTATION_VALUE>Horns</ANNOTATION_VALUE>
            </ALIGNABLE_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <TIER LINGUISTIC_TYPE_REF="category" PARENT_REF="Gesture" TIER_ID="Gesture tags">
        <ANNOTATION>
            <REF_ANNOTATION ANNOTATION_ID="a3" ANNOTATION_REF="a1">
                <ANNOTATION_VALUE>dance; emotion/joy</ANNOTATION_VALUE>
            </REF_ANNOTATION>
        </ANNOTATION>
    </TIER>
    <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="default-lt" TIME_ALIGNABLE="true"/>
    <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="category" TIME_ALIGNABLE="false"/>
    <CONSTRAINT DESCRIPTION="1-1 association with a parent annotation" STEREOTYPE="Symbolic_Association"/>
</ANNOTATION_DOCUMENT>
`;

/** A film's copy attached as the film-video work stores it (the table made here where that work has not landed). */
function attachVideo(db: Database.Database, filmId: number) {
  db.exec(`CREATE TABLE IF NOT EXISTS film_videos (film_id INTEGER PRIMARY KEY, path TEXT NOT NULL, byte_size INTEGER, fingerprint TEXT,
    container TEXT, mime_type TEXT NOT NULL, video_codec TEXT, duration_ms INTEGER, frame_rate REAL, width INTEGER, height INTEGER)`);
  db.prepare(
    `INSERT INTO film_videos (film_id, path, byte_size, fingerprint, container, mime_type, video_codec, duration_ms, frame_rate, width, height)
     VALUES (?, '/films/The Red Shoes (1948).mkv', 1000, ?, 'matroska', 'video/x-matroska', 'h264', 8000000, 24, 1440, 1080)`
  ).run(filmId, 'a'.repeat(64));
}

describe('ELAN (EAF 3.0)', () => {
  it('writes a valid EAF that reads back into an empty library as the same file', async () => {
    const from = await annotatedRedShoes();
    const file = formatEaf(from.library.db, from.filmId, date);
    expect(file.fileName).toBe('the-red-shoes.eaf');
    expect(eafSchemaViolations(file.text)).toEqual([]);
    expect(file.text).toContain('TIER_ID="Notes: tags"');
    expect(file.text).toContain('TIER_ID="Cues: The Red Shoes Ballet: scene"');
    expect(file.text).toContain('<ANNOTATION_VALUE>## The leap\n\nShe flies; the room, silent,\tholds.</ANNOTATION_VALUE>');

    const to = redShoesLibrary();
    const tiers = await to.call<{ id: string; guess: string | null; track: string | null }[]>('exchange.previewEaf', {
      fileName: file.fileName,
      text: file.text
    });
    expect(tiers.filter((t) => t.guess).map((t) => [t.id, t.guess, t.track])).toEqual([
      ['Notes', 'note', null],
      ['Cues: The Red Shoes Ballet', 'cue', 'The Red Shoes Ballet'],
      ["Cues: Entr'acte", 'cue', "Entr'acte"]
    ]);
    const counts = await to.call('exchange.importEaf', {
      filmId: to.filmId,
      fileName: file.fileName,
      text: file.text,
      tiers: tiers.filter((t) => t.guess).map((t) => ({ tier: t.id, as: t.guess, track: t.track }))
    });
    expect(counts).toEqual({ scenes: 0, notes: 2, cues: 2 });
    expect(formatEaf(to.library.db, to.filmId, date).text).toBe(file.text);
  });

  it("names the film's own copy as the media descriptor when one is attached", async () => {
    const { library, filmId } = redShoesLibrary();
    attachVideo(library.db, filmId);
    const { text } = formatEaf(library.db, filmId, date);
    expect(text).toContain(
      '<MEDIA_DESCRIPTOR MEDIA_URL="file:///films/The%20Red%20Shoes%20(1948).mkv" MIME_TYPE="video/x-matroska" RELATIVE_MEDIA_URL="./The%20Red%20Shoes%20(1948).mkv"/>'
    );
    expect(eafSchemaViolations(text)).toEqual([]);
  });

  it('imports an EAF made by ELAN: the chosen tiers as notes and cues, the dependent tier as tags', async () => {
    const { filmId, tracks, call, library } = redShoesLibrary();
    const tiers = await call<{ id: string; role: string | null; guess: string | null; annotations: number }[]>('exchange.previewEaf', {
      fileName: 'session.eaf',
      text: fromElan
    });
    expect(tiers).toEqual([
      { id: 'Gesture', parent: null, annotations: 1, timed: true, role: 'items', guess: 'note', track: null },
      { id: 'Music', parent: null, annotations: 1, timed: true, role: 'items', guess: 'note', track: null },
      { id: 'Gesture tags', parent: 'Gesture', annotations: 1, timed: false, role: 'tags', guess: null, track: null }
    ]);
    const counts = await call('exchange.importEaf', {
      filmId,
      fileName: 'session.eaf',
      text: fromElan,
      tiers: [
        { tier: 'Gesture', as: 'note' },
        { tier: 'Music', as: 'cue', track: tracks[1].title }
      ]
    });
    expect(counts).toEqual({ scenes: 0, notes: 1, cues: 1 });
    expect(
      library.db
        .prepare(
          `SELECT a.body, a.film_time_ms AS at, group_concat(t.name, ', ' ORDER BY t.name) AS tags FROM annotations a
           JOIN taggings g ON g.target_kind = 'annotation' AND g.target_id = a.id JOIN tags t ON t.id = g.tag_id GROUP BY a.id`
        )
        .all()
    ).toEqual([{ body: 'arms raised & held', at: 83_000, tags: 'dance, emotion/joy' }]);
    expect(library.db.prepare('SELECT label, start_ms, end_ms FROM cues WHERE track_id = ?').all(tracks[1].id)).toEqual([
      { label: 'Horns', start_ms: 1500, end_ms: 4000 }
    ]);
  });

  it('refuses a broken EAF naming the file and the line or element, and writes nothing', async () => {
    const { filmId, call, footprint } = redShoesLibrary();
    const before = footprint();
    const refused = async (text: string) => {
      const error = await call('exchange.importEaf', {
        filmId,
        fileName: 'broken.eaf',
        text,
        tiers: [{ tier: 'Gesture', as: 'note' }]
      }).catch((e: Error) => e);
      expect(footprint()).toBe(before);
      return (error as Error).message;
    };
    expect(await refused(fromElan.replace('</TIER>', ''))).toMatch(/^broken\.eaf, line \d+: not well-formed XML/);
    expect(await refused(fromElan.replace('TIME_SLOT_REF2="ts2"', 'TIME_SLOT_REF2="ts9"'))).toBe(
      'broken.eaf, ANNOTATION a1 (tier "Gesture"): its time slot "ts9" does not exist; nothing was imported.'
    );
    expect(await refused(fromElan.replace('ANNOTATION_REF="a1"', 'ANNOTATION_REF="a2"'))).toMatch(
      /^broken\.eaf, ANNOTATION a3 \(tier "Gesture tags"\): it refers to "a2", which is not an annotation of the parent tier/
    );
    expect(await refused(fromElan.replace('ANNOTATION_ID="a2"', 'ANNOTATION_ID="a1"'))).toMatch(
      /ANNOTATION a1 \(tier "Music"\): the id is used twice/
    );
    expect(await refused(fromElan.replace('TIME_VALUE="85500"', 'TIME_VALUE="80000"'))).toMatch(
      /ANNOTATION a1 .*: it ends before it starts/
    );
    expect(await refused(fromElan.replace('LINGUISTIC_TYPE_REF="category"', 'LINGUISTIC_TYPE_REF="gloss"'))).toMatch(
      /TIER "Gesture tags": its linguistic type "gloss" is not defined/
    );
    expect(await refused('<html/>')).toMatch(/^broken\.eaf, the document: it is not an ELAN file/);
  });

  it('never half-writes: a damaged EAF is imported whole or not at all', async () => {
    const { filmId, call, footprint } = redShoesLibrary();
    const damage = fc.record({ at: fc.nat({ max: fromElan.length - 1 }), cut: fc.nat({ max: 12 }), insert: fc.string({ maxLength: 6 }) });
    await fc.assert(
      fc.asyncProperty(damage, async ({ at, cut, insert }) => {
        const text = fromElan.slice(0, at) + insert + fromElan.slice(at + cut);
        const before = footprint();
        try {
          await call('exchange.importEaf', {
            filmId,
            fileName: 'fuzz.eaf',
            text,
            tiers: [
              { tier: 'Gesture', as: 'note' },
              { tier: 'Music', as: 'note' }
            ]
          });
        } catch (error) {
          expect((error as Error).message).toMatch(/^fuzz\.eaf/);
          expect(footprint()).toBe(before);
        }
      }),
      { numRuns: 150 }
    );
  });
});

describe("the exchange formats' XML reader", () => {
  it('reads elements, attributes, entities, CDATA, comments and a DOCTYPE', () => {
    const doc = readXml(
      'a.xml',
      `<?xml version="1.0"?>\n<!DOCTYPE sv [ <!ENTITY x "y"> ]>\n<!-- a comment -->\n<a k='1 &amp; 2' j="&#233;&#x263A;">x &lt;b&gt;<![CDATA[<raw & kept>]]><b/>tail</a>\n`
    );
    expect(doc).toEqual({
      name: 'a',
      attributes: { k: '1 & 2', j: 'é☺' },
      children: [{ name: 'b', attributes: {}, children: [], text: '' }],
      text: 'x <b><raw & kept>tail'
    });
  });

  it('refuses what is not well-formed, naming the line', () => {
    const refused = (text: string) => {
      try {
        readXml('x.xml', text);
        return 'read';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(refused('<a>\n<b></a>')).toBe('x.xml, line 2: not well-formed XML (</a> closes <b>); nothing was imported.');
    expect(refused('<a>\n\n<b x="1" x="2"/></a>')).toMatch(/^x\.xml, line 3: .*the attribute x is given twice/);
    expect(refused('<a>&nbsp;</a>')).toMatch(/an "&" that starts no known entity/);
    expect(refused('<a/><b/>')).toMatch(/a second document element/);
    expect(refused('<a b=1/>')).toMatch(/<a> has a malformed attribute/);
    expect(refused('<a><!-- open')).toMatch(/a comment is never closed/);
    expect(refused('<a>')).toMatch(/<a> is never closed/);
    expect(refused('text')).toMatch(/text outside the document element/);
  });
});
