import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilmPageError, parseFilmPage, type ParsedFilmPage } from '../../src/core/films/film-page';
import { seedPagePath } from '../temp-library';

const seedPage = readFileSync(seedPagePath, 'utf8');

/** The Red Shoes as its page states it, written out by hand so that the parser is checked, not echoed. */
const redShoes: ParsedFilmPage = {
  title: 'The Red Shoes',
  synopsis:
    'In this classic drama, Vicky Page is an aspiring ballerina torn between her dedication to dance and her desire to love. While her imperious instructor, Boris Lermontov, urges to her to forget anything but ballet, Vicky begins to fall for the charming young composer Julian Craster. Eventually Vicky, under great emotional stress, must choose to pursue either her art or her romance, a decision that carries serious consequences.',
  dialogue: [],
  quotes: [],
  composer: 'Brian Easdale',
  tracks: [
    { title: 'The Red Shoes Ballet', credit: 'Cinematography', description: 'The climactic ballet performance' },
    { title: "Entr'acte", credit: 'Walter Goehr', description: 'Interlude during the film' }
  ],
  scenes: [
    {
      title: 'The Audition',
      description:
        "In a high-stakes audition, 16mm film rolls depict Vicky's intense preparation. The atmosphere is thick with tension as the director watches her dance. Vicky's raw talent shines through, and her dedication is palpable. She pours her soul into every movement, showcasing the struggles of an aspiring artist. When she finishes, there's a moment of silence before the director’s applause. This pivotal moment solidifies her place in the company and sets the stage for her tumultuous journey. The aftermath sees her stepping into the spotlight, feeling both exhilarated and anxious about the pressures awaiting her, as her passion clashes with the reality of artistic demands.",
      context:
        "This scene highlights Vicky's determination and talent, serving as the catalyst for her intricate journey through love, ambition, and ultimately, tragedy. It sets the foundation for her character development and symbolizes the allure and peril of pursuing one's dreams."
    },
    {
      title: 'The First Rehearsal',
      description:
        'Vicky steps into the rehearsal space, greeted by the energy of fellow dancers. The director’s vision begins to unfold as he challenges the dancers to push their boundaries. The camera captures Vicky’s nervous excitement as she learns ballet techniques that test her physical limits. The tension escalates when Vicky struggles to keep up, but she perseveres, determined to prove herself. The moment she succeeds in executing a complex sequence evokes cheering and admiration from peers. This milestone boosts her confidence and sets the stage for her artistic commitment.',
      context:
        'This rehearsal acts as a turning point for Vicky, where she realizes the demands of the ballet world. It foreshadows her struggle with sacrifice in pursuit of excellence and reveals the competitive nature of her new environment.'
    },
    {
      title: "The Dancer's Choice",
      description:
        "As Vicky is drawn into a love triangle with the director, Boris, and her rival, she grapples with conflicting emotions. During a private moment with Boris, he passionately urges Vicky to embrace the red shoes' significance, symbolizing her desire for greatness. The pivotal moment occurs when Vicky must choose between her ambition and her love for Boris. The tension mounts as she declares her devotion to dance, leading to intimate yet tumultuous exchanges. The aftermath leaves both characters changed, pushing them further apart as they navigate their ambitions and desires, setting a tragic tone for future interactions.",
      context:
        "This scene captures the essence of Vicky's internal conflict and the high stakes of her choices, emblematic of the struggle between personal happiness and artistic ambition."
    },
    {
      title: 'The Dream Sequence',
      description:
        'In a surreal blend of fantasy and reality, Vicky enters a dream world where she dances in beautiful, ethereal surroundings. The camera’s sweeping shots create a magical atmosphere as she dances freely, embodying the quintessential spirit of ballet without constraints. The scene peaks when the joy of dancing morphs into a haunting realization that the red shoes control her movements, leading to an intense internal battle. She struggles against the shoes, and the visuals alternate between beauty and chaos. As the dream dissolves into darkness, Vicky awakens filled with dread, symbolizing her lack of control over her destiny. This creates a deep emotional connection as viewers sense her growing despair.',
      context:
        "The dream sequence epitomizes the pressure of artistry and the dual nature of performance—pure joy mingling with darkness—reflecting Vicky's internal conflict deeply."
    },
    {
      title: 'The Premiere Night',
      description:
        "On the night of the big performance, Vicky is a whirlwind of emotions. The audience's anticipation fills the air; she stands backstage, nerves palpable. As the curtain rises, the lighting illuminates her like a star. The pivotal moment occurs as Vicky starts her dance, showcasing not just technical precision but an emotional outpouring that captivates the audience. As she loses herself in the performance, the red shoes take over, making her dance uncontrollably. The scene bursts forth with energy and beauty, but the joy is tainted by a deeper struggle, leading to a disastrous climax as she is consumed by her fears. Post-performance, Vicky's elation quickly fades into confusion and panic.",
      context:
        "The premiere encapsulates Vicky's journey, illustrating the duality of success—the thrill of achievement overshadowed by overwhelming pressures—mirroring the film's exploration of art and identity."
    },
    {
      title: 'The Confrontation',
      description:
        'Tension boils during a heated confrontation between Vicky and Boris. Vicky, feeling the burden of the red shoes, expresses her frustrations about her deteriorating mental state. Boris, torn between love and ambition, pushes her, urging her not to give up. The dialogue is raw, haunting, and filled with desperation as they both confront their own demons. The pivotal moment occurs when Vicky fiercely declares her need for freedom from the shoes that bind her. This leads to a dramatic climax where both characters fear losing each other completely. As the confrontation ends, the emotional distance between them grows, solidifying their impending tragedy.',
      context:
        'This scene is crucial as it delves into the emotional and psychological costs of ambition and the strains it places on relationships, setting the tone for the inevitable downfall.'
    },
    {
      title: 'The Tragic Fall',
      description:
        "In a heart-wrenching culmination of Vicky's struggle, she takes the stage for one last time, driven by desperation and conflict. The performance begins beautifully but slowly unravels as the red shoes exert their control over her, forcing her into a frenzied dance. The pivotal moment comes when Vicky, unable to stop, sprints through the stage, her movements becoming erratic. As the audience watches in shock, her dance transforms into a tragic representation of her inner turmoil. She ultimately collapses, overwhelmed by the weight of her ambition and the shoes. The aftermath is devastating; the audience is left in stunned silence, and Boris rushes to her side, realizing the gravity of their choices.",
      context:
        "This scene marks the climax of Vicky's journey, showcasing the consequences of unchecked ambition and the relentless pressure of artistic pursuit, driving home the film's tragic themes."
    },
    {
      title: 'The Isolation',
      description:
        'Post-tragedy, Vicky is isolated and reflective, grappling with the repercussions of her choices. She wanders in a disheveled state, haunted by memories of dance and her once-passionate dreams. The pivotal moment is when she confronts her past success, flipping through photos and articles that highlight her former glory. The ambiance is heavy with regret, and the visuals depict her gradual descent into despair. The aftermath illustrates Vicky’s profound loneliness, yearning for connection yet feeling trapped within her own mind. This moment deepens the audience’s empathy for her plight.',
      context:
        "Isolation not only highlights Vicky's fall from grace but also emphasizes the film's commentary on the personal costs of fame and ambition, delivering a poignant exploration of mental health."
    },
    {
      title: 'The Final Decision',
      description:
        "In the heartbreaking conclusion, Vicky faces a choice between freedom and the suffocating pressure of the red shoes. As she dances once more, the haunting memories of her journey circle her thoughts. The pivotal moment occurs when she confronted by the red shoes in a moment of clarity, she chooses to reject them in a powerful monologue. The visuals echo her struggle as light floods the space, symbolizing hope amidst despair. The aftermath leaves viewers impactful, as Vicky's final choice reflects her longing for liberation. Her emotional journey transcends, resonating deeply with the audience.",
      context:
        "This decision encapsulates Vicky's internal struggle and illustrates the film's central theme of sacrificing one's self for art, portraying a powerful commentary on the pursuit of identity and autonomy."
    }
  ]
};

/** A small page of the same format, for variations the seed page does not show. */
const harbour = [
  'Harbour Lights',
  'A lighthouse keeper and a ferry pilot wait out a winter on a small island.',
  'Dialogues from Movie Harbour Lights',
  'Quotes from Movie Harbour Lights',
  'Sound Tracks from Harbour Lights by Ada Reyes',
  'Harbour, Dawn, and Gulls',
  'Harbour, Dawn, and Gulls by Ada Reyes, Opening titles, over the breakwater',
  'Memorable Scenes from Movie Harbour Lights',
  'The Storm',
  'Waves break over the lamp room while the keeper climbs the stairs.',
  'Context: The keeper chooses duty over safety.'
];
const page = (lines: string[]) => lines.join('\n');

/** Runs the parser and hands back the refusal, failing the test if the page was accepted. */
function refusal(source: string, fileName?: string): FilmPageError {
  try {
    parseFilmPage(source, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(FilmPageError);
    return error as FilmPageError;
  }
  throw new Error('the page was accepted, but it should have been refused');
}

function expectRefusedAt(source: string, line: number, problem: RegExp): void {
  const error = refusal(source);
  expect(error.code).toBe('INVALID_FILM_PAGE');
  expect(error.line).toBe(line);
  expect(error.message).toMatch(new RegExp(`^Line ${line}: `));
  expect(error.message).toMatch(problem);
}

describe('the seed page, The Red Shoes', () => {
  const parsed = parseFilmPage(seedPage, 'the-red-shoes.txt');

  it('reads the title, synopsis and composer', () => {
    expect(parsed.title).toBe('The Red Shoes');
    expect(parsed.synopsis).toBe(redShoes.synopsis);
    expect(parsed.composer).toBe('Brian Easdale');
  });

  it('has no dialogue and no quote lines', () => {
    expect(parsed.dialogue).toEqual([]);
    expect(parsed.quotes).toEqual([]);
  });

  it('reads both tracks with their credit and description', () => {
    expect(parsed.tracks).toEqual([
      { title: 'The Red Shoes Ballet', credit: 'Cinematography', description: 'The climactic ballet performance' },
      { title: "Entr'acte", credit: 'Walter Goehr', description: 'Interlude during the film' }
    ]);
  });

  it('reads all nine scenes in order, every field exactly', () => {
    expect(parsed.scenes).toHaveLength(9);
    redShoes.scenes.forEach((scene, i) => {
      expect(parsed.scenes[i], `scene ${i + 1}`).toEqual(scene);
    });
  });

  it('reads the whole page and nothing else', () => {
    expect(parsed).toEqual(redShoes);
  });
});

describe('variations of the format that real pages show', () => {
  it('ignores a byte-order mark', () => {
    expect(parseFilmPage(`\uFEFF${seedPage}`)).toEqual(redShoes);
    expect(parseFilmPage(`\uFEFF${page(harbour)}`).title).toBe('Harbour Lights');
  });

  it('reads CRLF, lone CR and mixed line endings', () => {
    expect(parseFilmPage(seedPage.replace(/\n/g, '\r\n'))).toEqual(redShoes);
    expect(parseFilmPage(seedPage.replace(/\n/g, '\r'))).toEqual(redShoes);
    const mixed = seedPage
      .split('\n')
      .map((line, i) => line + ['\r\n', '\r', '\n'][i % 3])
      .join('');
    expect(parseFilmPage(mixed)).toEqual(redShoes);
  });

  it('counts lines as an editor does whatever the line endings', () => {
    const broken = [...harbour];
    broken[2] = 'Dialogues from Movie The Blue Shoes';
    for (const ending of ['\n', '\r\n', '\r']) {
      expect(refusal(`\n${broken.join(ending)}`).line, JSON.stringify(ending)).toBe(4);
    }
  });

  it('skips blank and whitespace-only lines anywhere, including before the title', () => {
    const spaced = `\n\n \t\n${seedPage.split('\n').join('\n\n   \n')}\n\n`;
    expect(parseFilmPage(spaced)).toEqual(redShoes);
  });

  it('drops trailing (and leading) spaces and tabs', () => {
    const padded = seedPage
      .split('\n')
      .map((line) => `  ${line} \t  `)
      .join('\n');
    expect(parseFilmPage(padded)).toEqual(redShoes);
  });

  it('takes a scene without a Context line as having no context, and reads the next scene', () => {
    const lines = [...harbour.slice(0, 10), 'The Thaw', 'Ice cracks in the harbour at dawn.', 'Context: Spring returns.'];
    expect(parseFilmPage(page(lines)).scenes).toEqual([
      { title: 'The Storm', description: 'Waves break over the lamp room while the keeper climbs the stairs.', context: null },
      { title: 'The Thaw', description: 'Ice cracks in the harbour at dawn.', context: 'Spring returns.' }
    ]);
    expect(parseFilmPage(page(harbour.slice(0, 10))).scenes).toEqual([
      { title: 'The Storm', description: 'Waves break over the lamp room while the keeper climbs the stairs.', context: null }
    ]);
  });

  it('keeps commas inside a track title, splitting credit and description at the first comma after it', () => {
    expect(parseFilmPage(page(harbour)).tracks).toEqual([
      { title: 'Harbour, Dawn, and Gulls', credit: 'Ada Reyes', description: 'Opening titles, over the breakwater' }
    ]);
  });

  it('keeps markup-like characters verbatim, as text', () => {
    const lines = [...harbour];
    lines[0] = 'Harbour <i>Lights</i> & Co';
    lines[1] = 'A <script>alert("x")</script> synopsis &amp; more';
    lines[2] = 'Dialogues from Movie Harbour <i>Lights</i> & Co';
    lines[3] = 'Quotes from Movie Harbour <i>Lights</i> & Co';
    lines[4] = 'Sound Tracks from Harbour <i>Lights</i> & Co by A &lt;B&gt;';
    lines[7] = 'Memorable Scenes from Movie Harbour <i>Lights</i> & Co';
    lines[8] = '<b>The Storm</b>';
    lines[9] = '<img src=x onerror=alert(1)> &#60;waves&#62;';
    lines[10] = 'Context: <a href="javascript:alert(1)">duty</a> &nbsp;';
    const parsed = parseFilmPage(page(lines));
    expect(parsed.title).toBe('Harbour <i>Lights</i> & Co');
    expect(parsed.synopsis).toBe('A <script>alert("x")</script> synopsis &amp; more');
    expect(parsed.composer).toBe('A &lt;B&gt;');
    expect(parsed.scenes).toEqual([
      {
        title: '<b>The Storm</b>',
        description: '<img src=x onerror=alert(1)> &#60;waves&#62;',
        context: '<a href="javascript:alert(1)">duty</a> &nbsp;'
      }
    ]);
  });

  it('ignores "Download App" wherever it appears', () => {
    const noisy = ['Download App', ...seedPage.split('\n').flatMap((line) => [line, 'Download App', '  Download App  '])].join('\n');
    expect(parseFilmPage(noisy)).toEqual(redShoes);
  });

  it('reads dialogue lines with their speakers, and lines without one', () => {
    const lines = [
      ...harbour.slice(0, 3),
      'Keeper: The lamp must burn until morning.',
      'Pilot Mara Quint: And if the storm takes the lamp?',
      'A gull cries somewhere below.',
      'Time:10 past midnight',
      ...harbour.slice(3)
    ];
    expect(parseFilmPage(page(lines)).dialogue).toEqual([
      { speaker: 'Keeper', text: 'The lamp must burn until morning.' },
      { speaker: 'Pilot Mara Quint', text: 'And if the storm takes the lamp?' },
      { speaker: null, text: 'A gull cries somewhere below.' },
      { speaker: null, text: 'Time:10 past midnight' }
    ]);
  });

  it('reads quote lines, with a speaker when one is named', () => {
    const lines = [...harbour.slice(0, 4), 'The sea keeps no promises.', 'Keeper: Every light is a promise.', ...harbour.slice(4)];
    const parsed = parseFilmPage(page(lines));
    expect(parsed.dialogue).toEqual([]);
    expect(parsed.quotes).toEqual([
      { speaker: null, text: 'The sea keeps no promises.' },
      { speaker: 'Keeper', text: 'Every light is a promise.' }
    ]);
  });

  it('accepts headings that name the film with other spacing or case', () => {
    const lines = [...harbour];
    lines[2] = 'Dialogues from Movie harbour   LIGHTS';
    lines[7] = 'Memorable Scenes from Movie HARBOUR LIGHTS';
    expect(parseFilmPage(page(lines)).scenes).toHaveLength(1);
  });
});

describe('pages that are refused, naming the line', () => {
  const without = (index: number) => harbour.filter((_, i) => i !== index);
  const replacing = (index: number, text: string) => harbour.map((line, i) => (i === index ? text : line));

  it('an empty file', () => {
    expectRefusedAt('', 1, /the page ends where the film's title was expected/);
    expectRefusedAt('\n\n  \r\n', 1, /the page ends where the film's title was expected/);
    expectRefusedAt('\uFEFF', 1, /film's title/);
  });

  it('a page with only a title', () => {
    expectRefusedAt('The Red Shoes\n', 1, /the page ends where a synopsis paragraph was expected/);
    expectRefusedAt('\n\nThe Red Shoes  \n\n', 3, /synopsis paragraph/);
  });

  it('a page without the Dialogues heading', () => {
    expectRefusedAt(page(without(2)), 3, /expected "Dialogues from Movie Harbour Lights", found "Quotes from Movie Harbour Lights"/);
  });

  it('a heading that names another film', () => {
    expectRefusedAt(
      page(replacing(2, 'Dialogues from Movie The Blue Shoes')),
      3,
      /names "The Blue Shoes", but the page is about "Harbour Lights"/
    );
    expectRefusedAt(page(replacing(3, 'Quotes from Movie The Blue Shoes')), 4, /names "The Blue Shoes"/);
    expectRefusedAt(
      page(replacing(4, 'Sound Tracks from The Blue Shoes by Ada Reyes')),
      5,
      /Sound Tracks from Harbour Lights by <composer>/
    );
    expectRefusedAt(page(replacing(7, 'Memorable Scenes from Movie The Blue Shoes')), 8, /names "The Blue Shoes"/);
  });

  it('a soundtrack heading without a composer', () => {
    expectRefusedAt(page(replacing(4, 'Sound Tracks from Harbour Lights by   ')), 5, /Sound Tracks from Harbour Lights by <composer>/);
    expectRefusedAt(page(replacing(4, 'Sound Tracks from Harbour Lights')), 5, /Sound Tracks from Harbour Lights by <composer>/);
  });

  it('a track detail line that does not repeat its title', () => {
    expectRefusedAt(
      page(replacing(6, 'Harbour at Dusk by Ada Reyes, Opening titles')),
      7,
      /expected "Harbour, Dawn, and Gulls by <credit>, <description>" for the track "Harbour, Dawn, and Gulls", found "Harbour at Dusk/
    );
  });

  it('a track with no detail line before the scenes heading', () => {
    expectRefusedAt(page(without(6)), 7, /for the track "Harbour, Dawn, and Gulls", found "Memorable Scenes from Movie Harbour Lights"/);
  });

  it('a Context line with no description before it', () => {
    expectRefusedAt(page(without(9)), 10, /the scene "The Storm" has a Context line but no description before it/);
  });

  it('a Context line where a scene title belongs', () => {
    expectRefusedAt(page([...harbour, 'Context: again']), 12, /found a Context line where a scene title was expected/);
  });

  it('a page that ends in the middle of a scene', () => {
    expectRefusedAt(page([...harbour, '', 'The Thaw', '']), 13, /the page ends where the description of the scene "The Thaw" was expected/);
  });

  it('binary content, naming the line where the NUL byte is', () => {
    expectRefusedAt('\u0000\u0001PNG\r\n\u001a\n', 1, /binary/);
    const lines = [...harbour];
    lines[4] = `Sound Tracks from Harbour Lights by Ada\u0000Reyes`;
    expectRefusedAt(page(lines), 5, /the file is binary, not a text film page/);
  });

  it('a random prose text', () => {
    const prose = [
      'It was a dark and stormy night; the rain fell in torrents.',
      'Except at occasional intervals, when it was checked by a violent gust of wind.',
      'The wind swept up the streets, rattling along the housetops.'
    ].join('\n');
    expectRefusedAt(
      prose,
      3,
      /expected "Dialogues from Movie It was a dark and stormy night; the rain fell in torrents\.", found "The wind swept/
    );
    expectRefusedAt('Just one sentence of prose.', 1, /synopsis paragraph/);
  });

  it('a page starting with a section heading', () => {
    expectRefusedAt(page(harbour.slice(2)), 1, /expected the film's title, found the section heading/);
  });

  it('names the file when it is given', () => {
    expect(refusal(page(without(2)), 'harbour.txt').message).toMatch(/^harbour\.txt, line 3: /);
  });
});

describe('any input either parses or is refused as a film page', () => {
  const lineCount = (source: string) => source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;

  /** The parser's only way to fail is a FilmPageError naming a line that exists; never a TypeError. */
  function parsesOrIsRefused(source: string): void {
    let result: ParsedFilmPage;
    try {
      result = parseFilmPage(source);
    } catch (error) {
      if (!(error instanceof FilmPageError)) throw error;
      expect(error.code).toBe('INVALID_FILM_PAGE');
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.line).toBeLessThanOrEqual(lineCount(source));
      expect(error.message).toMatch(new RegExp(`^Line ${error.line}: `));
      return;
    }
    for (const text of [result.title, result.synopsis, result.composer, ...result.scenes.flatMap((s) => [s.title, s.description])]) {
      expect(text).not.toBe('');
      expect(text).toBe(text.trim());
    }
  }

  const seedLines = seedPage.split('\n');
  const pageLike = fc.oneof(
    fc.constantFrom(...seedLines, ...harbour, 'Download App', 'Context:', 'Context: ', ':', ' by ', ', '),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 })
  );
  const lineEnding = fc.constantFrom('\n', '\r\n', '\r');

  it('random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 500 }), parsesOrIsRefused), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), parsesOrIsRefused), { numRuns: 300 });
  });

  it('random sequences of page-like lines', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(pageLike, lineEnding), { maxLength: 40 }), (lines) => {
        parsesOrIsRefused(lines.map(([text, end]) => text + end).join(''));
      }),
      { numRuns: 500 }
    );
  });

  type Mutation =
    | { kind: 'delete' | 'duplicate'; at: number }
    | { kind: 'swap'; at: number; with: number }
    | { kind: 'insert' | 'replace'; at: number; text: string }
    | { kind: 'cut'; at: number; keep: number };
  const index = fc.nat({ max: seedLines.length - 1 });
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: index }),
    fc.record({ kind: fc.constant('swap' as const), at: index, with: index }),
    fc.record({ kind: fc.constantFrom('insert' as const, 'replace' as const), at: index, text: pageLike }),
    fc.record({ kind: fc.constant('cut' as const), at: index, keep: fc.nat({ max: 200 }) })
  );

  function mutate(lines: string[], m: Mutation): string[] {
    const copy = [...lines];
    const at = Math.min(m.at, copy.length - 1);
    if (at < 0) return [m.kind === 'insert' || m.kind === 'replace' ? m.text : ''];
    switch (m.kind) {
      case 'delete':
        copy.splice(at, 1);
        break;
      case 'duplicate':
        copy.splice(at, 0, copy[at]);
        break;
      case 'swap': {
        const other = Math.min(m.with, copy.length - 1);
        [copy[at], copy[other]] = [copy[other], copy[at]];
        break;
      }
      case 'insert':
        copy.splice(at, 0, m.text);
        break;
      case 'replace':
        copy[at] = m.text;
        break;
      case 'cut':
        copy[at] = copy[at].slice(0, m.keep);
        break;
    }
    return copy;
  }

  it('mutations of the seed page', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), lineEnding, (mutations, end) => {
        parsesOrIsRefused(mutations.reduce(mutate, seedLines).join(end));
      }),
      { numRuns: 1000 }
    );
  });

  it('layout noise alone never changes what the seed page says', () => {
    const noise = fc.constantFrom('', '   ', '\t', 'Download App', ' Download App ');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(noise, { maxLength: 2 }), fc.constantFrom('', ' ', ' \t'), lineEnding), {
          minLength: seedLines.length,
          maxLength: seedLines.length
        }),
        fc.boolean(),
        (layout, bom) => {
          const source = seedLines
            .map((line, i) => {
              const [before, trailing, end] = layout[i];
              return [...before, line + trailing].join(end) + end;
            })
            .join('');
          expect(parseFilmPage((bom ? '\uFEFF' : '') + source)).toEqual(redShoes);
        }
      ),
      { numRuns: 200 }
    );
  });
});
