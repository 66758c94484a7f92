import { ReelnotesError } from '../../shared/errors';

/** A film page read into its parts, before anything touches the library. */
export interface ParsedFilmPage {
  title: string;
  synopsis: string;
  dialogue: ParsedLine[];
  quotes: ParsedLine[];
  composer: string;
  tracks: ParsedTrack[];
  scenes: ParsedScene[];
}

export interface ParsedLine {
  speaker: string | null;
  text: string;
}

export interface ParsedTrack {
  title: string;
  credit: string;
  description: string;
}

export interface ParsedScene {
  title: string;
  description: string;
  context: string | null;
}

export class FilmPageError extends ReelnotesError {
  constructor(
    readonly line: number,
    problem: string,
    fileName?: string
  ) {
    super('INVALID_FILM_PAGE', `${fileName ? `${fileName}, line` : 'Line'} ${line}: ${problem}`);
  }
}

interface PageLine {
  /** 1-based line number in the file as the person sees it in an editor. */
  n: number;
  text: string;
}

const DIALOGUE = 'Dialogues from Movie ';
const QUOTES = 'Quotes from Movie ';
const SOUNDTRACK = 'Sound Tracks from ';
const SCENES = 'Memorable Scenes from Movie ';
const CONTEXT = /^Context:\s*/;
/** The page's source site puts this link between sections; it is never part of the film. */
const SITE_NOISE = 'Download App';
/** "Speaker: line", where the speaker is a name rather than the start of a sentence. */
const SPOKEN = /^([^:]{1,60}?):\s+(.+)$/;

const headers = [DIALOGUE, QUOTES, SOUNDTRACK, SCENES];
const isHeader = (text: string) => headers.some((h) => text.startsWith(h));

/**
 * Reads a film page (see DESIGN.md, "The film page format"). Every line must be where the format
 * puts it; the first one that is not is named in the error, so the person can fix their file.
 */
export function parseFilmPage(source: string, fileName?: string): ParsedFilmPage {
  const fail = (line: number, problem: string): never => {
    throw new FilmPageError(line, problem, fileName);
  };

  const nul = source.indexOf('\u0000');
  if (nul !== -1) fail(source.slice(0, nul).split(/\r\n|\r|\n/).length, 'the file is binary, not a text film page');
  const lines: PageLine[] = source
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((text, i) => ({ n: i + 1, text: text.replace(/\s+$/u, '').replace(/^\s+/u, '') }))
    .filter((l) => l.text !== '' && l.text !== SITE_NOISE);

  let at = 0;
  const lastLine = lines.at(-1)?.n ?? 1;
  const peek = (): PageLine | undefined => lines[at];
  const next = (what: string): PageLine => {
    const line = lines[at++];
    if (!line) return fail(lastLine, `the page ends where ${what} was expected`);
    return line;
  };

  const titleLine = next("the film's title");
  if (isHeader(titleLine.text)) fail(titleLine.n, `expected the film's title, found the section heading "${titleLine.text}"`);
  const title = titleLine.text;

  const synopsisLine = next('a synopsis paragraph');
  if (isHeader(synopsisLine.text)) fail(synopsisLine.n, `expected a synopsis paragraph after the title, found "${synopsisLine.text}"`);

  const expectHeading = (prefix: string): PageLine => {
    const line = next(`"${prefix}${title}"`);
    if (!line.text.startsWith(prefix)) fail(line.n, `expected "${prefix}${title}", found "${clip(line.text)}"`);
    return line;
  };
  const expectTitleHeading = (prefix: string): void => {
    const line = expectHeading(prefix);
    const named = line.text.slice(prefix.length);
    if (!sameTitle(named, title)) fail(line.n, `this heading names "${named}", but the page is about "${title}"`);
  };
  const linesUntil = (prefix: string): ParsedLine[] => {
    const found: ParsedLine[] = [];
    for (let line = peek(); line && !line.text.startsWith(prefix); line = peek()) {
      if (isHeader(line.text)) fail(line.n, `expected "${prefix}${title}" before "${clip(line.text)}"`);
      found.push(spoken(line.text));
      at++;
    }
    return found;
  };

  expectTitleHeading(DIALOGUE);
  const dialogue = linesUntil(QUOTES);
  expectTitleHeading(QUOTES);
  const quotes = linesUntil(SOUNDTRACK);

  const soundtrackLine = expectHeading(SOUNDTRACK);
  const soundtrackPrefix = `${SOUNDTRACK}${title} by `;
  if (!soundtrackLine.text.toLowerCase().startsWith(soundtrackPrefix.toLowerCase())) {
    fail(soundtrackLine.n, `expected "${soundtrackPrefix}<composer>", found "${clip(soundtrackLine.text)}"`);
  }
  const composer = soundtrackLine.text.slice(soundtrackPrefix.length).trim();
  if (!composer) fail(soundtrackLine.n, 'the soundtrack heading names no composer');

  const tracks: ParsedTrack[] = [];
  for (let line = peek(); line && !line.text.startsWith(SCENES); line = peek()) {
    if (isHeader(line.text)) fail(line.n, `expected a track title or "${SCENES}${title}", found "${clip(line.text)}"`);
    at++;
    const trackTitle = line.text;
    const detail = next(`the details of the track "${trackTitle}"`);
    // The detail line repeats the title, so a title with commas in it is matched whole rather than split.
    const lead = `${trackTitle} by `;
    if (!detail.text.startsWith(lead)) {
      fail(detail.n, `expected "${lead}<credit>, <description>" for the track "${clip(trackTitle)}", found "${clip(detail.text)}"`);
    }
    const rest = detail.text.slice(lead.length);
    const comma = rest.indexOf(',');
    tracks.push(
      comma === -1
        ? { title: trackTitle, credit: rest.trim(), description: '' }
        : { title: trackTitle, credit: rest.slice(0, comma).trim(), description: rest.slice(comma + 1).trim() }
    );
  }

  expectTitleHeading(SCENES);
  const scenes: ParsedScene[] = [];
  while (peek()) {
    const titleOfScene = next('a scene title');
    if (CONTEXT.test(titleOfScene.text)) fail(titleOfScene.n, 'found a Context line where a scene title was expected');
    if (isHeader(titleOfScene.text)) fail(titleOfScene.n, `found the section heading "${clip(titleOfScene.text)}" among the scenes`);
    const description = next(`the description of the scene "${titleOfScene.text}"`);
    if (CONTEXT.test(description.text)) {
      fail(description.n, `the scene "${clip(titleOfScene.text)}" has a Context line but no description before it`);
    }
    let context: string | null = null;
    const maybeContext = peek();
    if (maybeContext && CONTEXT.test(maybeContext.text)) {
      context = maybeContext.text.replace(CONTEXT, '');
      at++;
    }
    scenes.push({ title: titleOfScene.text, description: description.text, context });
  }

  return { title, synopsis: synopsisLine.text, dialogue, quotes, composer, tracks, scenes };
}

function spoken(text: string): ParsedLine {
  const match = SPOKEN.exec(text);
  return match ? { speaker: match[1].trim(), text: match[2] } : { speaker: null, text };
}

const normalise = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
const sameTitle = (a: string, b: string) => normalise(a) === normalise(b);
const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}...` : s);
