import { ReelnotesError } from '../../shared/errors';

/**
 * Parses a JSON file, and when it is not JSON says on which line: V8's message names a position for
 * some mistakes and not for others, so the text is walked by a small checker of the JSON grammar
 * (only once it has failed) to find where it first goes wrong.
 */
export function parseJsonFile(fileName: string, text: string): unknown {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(source);
  } catch (error) {
    const at = firstError(source);
    const line = source.slice(0, at).split('\n').length;
    throw new ReelnotesError('INVALID_INPUT', `${fileName}, line ${line}: not JSON (${(error as Error).message}); nothing was imported.`);
  }
}

/** The offset of the first character that breaks the JSON grammar (the text's length if it ends too soon). */
function firstError(text: string): number {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => (text.startsWith(word, i) ? (i += word.length) : fail());
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) return void i++;
      for (;;) {
        if (ch === '{') {
          space();
          if (text[i] !== '"') fail();
          string();
          space();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else fail();
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return void literal('true');
    if (ch === 'f') return void literal('false');
    if (ch === 'n') return void literal('null');
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!number) fail();
    i += number![0].length;
  };
  try {
    value();
    space();
    return i;
  } catch (at) {
    return at as number;
  }
}
