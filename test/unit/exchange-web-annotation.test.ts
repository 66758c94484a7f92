import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotatedRedShoes, redShoesLibrary } from '../exchange-fixtures';

/** Hypothesis-style annotations by hand, in the shapes the Web Annotation model documents. */
const fromElsewhere = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'AnnotationPage',
  items: [
    {
      id: 'https://example.org/anno/1',
      type: 'Annotation',
      motivation: 'commenting',
      bodyValue: 'The crane rises with the horns',
      target: { source: 'https://example.org/red-shoes.mp4', selector: { type: 'FragmentSelector', value: 't=npt:01:23:45.5,01:24:00' } }
    },
    {
      id: 'https://example.org/anno/2',
      type: 'Annotation',
      body: [
        { type: 'TextualBody', value: 'Red' },
        { type: 'TextualBody', value: 'colour/red', purpose: 'tagging' }
      ],
      target: { source: 'https://example.org/red-shoes.mp4', selector: { type: 'FragmentSelector', value: 't=12.5' } }
    }
  ]
};

describe('W3C Web Annotation (JSON-LD)', () => {
  it('writes an AnnotationCollection that reads back into an empty library as the same file', async () => {
    const from = await annotatedRedShoes();
    const file = await from.call<{ fileName: string; text: string }>('exchange.exportWebAnnotations', { filmId: from.filmId });
    expect(file.fileName).toBe('the-red-shoes.jsonld');
    const collection = JSON.parse(file.text);
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 15 });
    const items = collection.first.items as { motivation: string; body: { value: string; purpose: string }[]; target: unknown }[];
    const leap = items.find((a) => a.body[0].value.startsWith('## The leap'))!;
    expect(leap).toMatchObject({
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', format: 'text/markdown', purpose: 'commenting' },
        { type: 'TextualBody', value: 'camera/crane', purpose: 'tagging' },
        { type: 'TextualBody', value: 'Dance', purpose: 'tagging' }
      ],
      target: {
        source: { id: 'tag:reelnotes,2026:film/the-red-shoes', type: 'Video', label: 'The Red Shoes' },
        selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 't=5025.25' },
        scope: 'tag:reelnotes,2026:film/the-red-shoes/scene/1'
      }
    });
    const motif = items.find((a) => a.body[0].value === 'Shoes motif')!;
    expect(motif.target).toMatchObject({ source: { type: 'Sound', label: 'The Red Shoes Ballet' }, selector: { value: 't=1.5,9.25' } });
    const onCue = items.find((a) => a.body[0].value === 'Horns first')!;
    expect(onCue.target).toBe(items[items.indexOf(motif)] && (motif as unknown as { id: string }).id);

    const to = redShoesLibrary();
    expect(await to.call('exchange.importWebAnnotations', { filmId: to.filmId, fileName: file.fileName, text: file.text })).toEqual({
      scenes: 9,
      notes: 4,
      cues: 2
    });
    expect((await to.call<{ text: string }>('exchange.exportWebAnnotations', { filmId: to.filmId })).text).toBe(file.text);
  });

  it('reads annotations written elsewhere: bodyValue, tagging bodies, npt clock times and a start alone', async () => {
    const { filmId, call, library } = redShoesLibrary();
    const counts = await call('exchange.importWebAnnotations', {
      filmId,
      fileName: 'hypothesis.json',
      text: JSON.stringify(fromElsewhere)
    });
    expect(counts).toEqual({ scenes: 0, notes: 2, cues: 0 });
    expect(
      library.db
        .prepare(
          `SELECT a.body, a.film_time_ms AS at, (SELECT group_concat(t.name) FROM taggings g JOIN tags t ON t.id = g.tag_id
             WHERE g.target_kind = 'annotation' AND g.target_id = a.id) AS tags FROM annotations a ORDER BY a.id`
        )
        .all()
    ).toEqual([
      { body: 'The crane rises with the horns', at: 5_025_500, tags: null },
      { body: 'Red', at: 12_500, tags: 'colour/red' }
    ]);
  });

  it('refuses a bad file naming the file and the line or annotation, and writes nothing', async () => {
    const { filmId, call, footprint } = redShoesLibrary();
    const before = footprint();
    const refused = async (text: string) => {
      const error = await call('exchange.importWebAnnotations', { filmId, fileName: 'notes.jsonld', text }).catch((e: Error) => e);
      expect(footprint()).toBe(before);
      return (error as Error).message;
    };
    expect(await refused('{\n  "type": "AnnotationPage",\n  "items": [,]\n}')).toMatch(/^notes\.jsonld, line 3: not JSON/);
    const broken = structuredClone(fromElsewhere);
    broken.items[1].target.selector.value = 't=soon';
    expect(await refused(JSON.stringify(broken))).toBe(
      'notes.jsonld, annotation 2 (https://example.org/anno/2): its media fragment: "soon" is not a time (seconds, hh:mm:ss.mmm or hh:mm:ss:ff); nothing was imported.'
    );
    const loop = {
      type: 'AnnotationPage',
      items: [
        { id: 'x:1', type: 'Annotation', bodyValue: 'a', target: 'x:2' },
        { id: 'x:2', type: 'Annotation', bodyValue: 'b', target: 'x:1' }
      ]
    };
    expect(await refused(JSON.stringify(loop))).toMatch(
      /^notes\.jsonld, annotation 2 \(x:2\): it targets an annotation, and is itself the target of one/
    );
    expect(await refused('{"type":"AnnotationCollection","first":"https://example.org/page1"}')).toMatch(
      /its pages must be embedded in the file/
    );
    expect(await refused('{"type":"Book"}')).toMatch(/^notes\.jsonld: it is neither an AnnotationCollection/);
    const onTrack = { type: 'Annotation', bodyValue: 'x', target: { source: { id: 'x:t', type: 'Sound', label: 'Waltz' } } };
    expect(await refused(JSON.stringify(onTrack))).toMatch(/cue needs a start time|the film has no track "Waltz"/);
  });

  it('never half-writes: a fuzzed document is imported whole or not at all', async () => {
    const { filmId, call, footprint } = redShoesLibrary();
    const annotation = fc.record({
      type: fc.constantFrom('Annotation', 'Note'),
      motivation: fc.constantFrom('commenting', 'identifying', 'tagging'),
      bodyValue: fc.oneof(fc.string({ maxLength: 10 }), fc.integer()),
      target: fc.oneof(
        fc.constant('x:1'),
        fc.record({
          source: fc.oneof(
            fc.constant('x:film'),
            fc.record({ id: fc.constant('x:t'), type: fc.constant('Sound'), label: fc.constantFrom("Entr'acte", 'Nope') })
          ),
          selector: fc.record({
            type: fc.constant('FragmentSelector'),
            value: fc.oneof(fc.constantFrom('t=1,2', 't=3', 't=,', 't=5,1'), fc.string({ maxLength: 8 }))
          }),
          scope: fc.oneof(fc.constant('x:film/scene/2'), fc.constant('x:film/scene/40'), fc.string({ maxLength: 5 }))
        })
      )
    });
    await fc.assert(
      fc.asyncProperty(fc.array(annotation, { maxLength: 5 }), async (items) => {
        const before = footprint();
        try {
          await call('exchange.importWebAnnotations', {
            filmId,
            fileName: 'fuzz.jsonld',
            text: JSON.stringify({ type: 'AnnotationPage', items })
          });
        } catch (error) {
          expect((error as Error).message).toMatch(/^fuzz\.jsonld/);
          expect(footprint()).toBe(before);
        }
      }),
      { numRuns: 150 }
    );
  });
});
