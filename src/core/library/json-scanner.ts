import { closeSync, openSync, readSync } from 'node:fs';
import { ReelnotesError } from '../../shared/errors';

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const BUFFER_BYTES = 1024 * 1024;

/**
 * Walks a JSON file from disk, one value at a time, without ever holding the whole document: the
 * library archive is read row by row so that restoring it needs about a row's memory, not the
 * file's. The caller drives the structure it expects (`expect('{')`, `key()`, …); each leaf value
 * (an envelope field, a whole row) is cut out by bytes and handed to JSON.parse, which validates it
 * and decodes its strings natively. Errors name the file and the line and column.
 */
export class JsonScanner {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  /** The file offset of buffer[0]. */
  private bufferStart = 0;
  private length = 0;
  private position = 0;

  constructor(
    private readonly path: string,
    /** The name the person knows the file by, for messages. */
    private readonly fileName: string
  ) {
    this.fd = openSync(path, 'r');
  }

  close(): void {
    closeSync(this.fd);
  }

  /** The file offset of the next unread byte. */
  get offset(): number {
    return this.bufferStart + this.position;
  }

  /** Reads on from `offset`, which an earlier `offset` gave. */
  seek(offset: number): void {
    if (offset >= this.bufferStart && offset <= this.bufferStart + this.length) {
      this.position = offset - this.bufferStart;
      return;
    }
    this.bufferStart = offset;
    this.length = 0;
    this.position = 0;
  }

  /** The next byte that is not white space, without taking it; -1 at the end of the file. */
  peek(): number {
    for (;;) {
      if (this.position >= this.length && !this.fill()) return -1;
      const byte = this.buffer[this.position];
      if (byte !== SPACE && byte !== LF && byte !== CR && byte !== TAB) return byte;
      this.position++;
    }
  }

  /** Takes `char` (after any white space), or says what was found instead. */
  expect(char: '{' | '}' | '[' | ']' | ':' | ','): void {
    if (this.peek() !== char.charCodeAt(0)) throw this.syntaxError(`expected "${char}"`);
    this.position++;
  }

  /** After a member or an element: takes the "," and returns true, or takes `close` and returns false. */
  more(close: '}' | ']'): boolean {
    const byte = this.peek();
    this.position++;
    if (byte === COMMA) return true;
    if (byte === close.charCodeAt(0)) return false;
    this.position--;
    throw this.syntaxError(`expected "," or "${close}"`);
  }

  /** An object's key and its colon. */
  key(): string {
    if (this.peek() !== QUOTE) throw this.syntaxError('expected a name in double quotes');
    const name = this.value() as string;
    this.expect(':');
    return name;
  }

  /** Nothing but white space may follow the document. */
  expectEnd(): void {
    if (this.peek() !== -1) throw this.syntaxError('unexpected text after the end of the document');
  }

  /** One whole value, parsed. */
  value(): unknown {
    const start = this.offset;
    const text = this.cut(false);
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      const reason = (error as Error).message.replace(/\s+/g, ' ').replace(/ is not valid JSON$/, '');
      throw this.syntaxError(`${reason} in the value that starts`, start);
    }
  }

  /** Passes over one whole value without keeping it. */
  skip(): void {
    this.cut(true);
  }

  /**
   * The bytes of the next value, found by following strings and brackets only; what lies between
   * is for JSON.parse to judge. Scalars end at the first delimiter.
   */
  private cut(discard: boolean): string {
    const first = this.peek();
    if (first === -1) throw this.syntaxError('the file ends where a value was expected');
    const start = this.offset;
    const pieces: Buffer[] = [];
    let pieceStart = this.position;
    const closers: number[] = [];
    let inString = false;
    let escaped = false;
    for (;;) {
      if (this.position >= this.length) {
        if (!discard) pieces.push(Buffer.from(this.buffer.subarray(pieceStart, this.length)));
        if (!this.fill()) {
          if (closers.length === 0 && !inString) break;
          throw this.syntaxError('the file ends inside a value that starts here', start);
        }
        pieceStart = 0;
      }
      const byte = this.buffer[this.position];
      if (inString) {
        this.position++;
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) {
          inString = false;
          if (closers.length === 0) break;
        }
      } else if (byte === QUOTE) {
        this.position++;
        inString = true;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        this.position++;
        closers.push(byte === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        if (closers.length === 0) break;
        if (closers.pop() !== byte) throw this.syntaxError(`"${String.fromCharCode(byte)}" does not close the bracket it follows`);
        this.position++;
        if (closers.length === 0) break;
      } else if (
        closers.length === 0 &&
        (byte === COMMA || byte === COLON || byte === SPACE || byte === LF || byte === CR || byte === TAB)
      ) {
        break;
      } else {
        this.position++;
      }
    }
    if (discard) return '';
    pieces.push(this.buffer.subarray(pieceStart, this.position));
    const bytes = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
    if (bytes.length === 0) throw this.syntaxError('expected a value', start);
    return bytes.toString('utf8');
  }

  private fill(): boolean {
    this.bufferStart += this.length;
    this.position = 0;
    this.length = readSync(this.fd, this.buffer, 0, BUFFER_BYTES, this.bufferStart);
    return this.length > 0;
  }

  /** A message that says where: line and column are counted only now, by reading up to `at`. */
  private syntaxError(problem: string, at = this.offset): ReelnotesError {
    const { line, column } = this.lineAndColumn(at);
    return new ReelnotesError('INVALID_INPUT', `${this.fileName} is not valid JSON: ${problem} at line ${line}, column ${column}.`);
  }

  private lineAndColumn(at: number): { line: number; column: number } {
    const fd = openSync(this.path, 'r');
    const chunk = Buffer.allocUnsafe(BUFFER_BYTES);
    let line = 1;
    let lineStart = 0;
    try {
      for (let start = 0; start < at;) {
        const read = readSync(fd, chunk, 0, Math.min(BUFFER_BYTES, at - start), start);
        if (read <= 0) break;
        for (let i = chunk.indexOf(LF, 0); i !== -1 && i < read; i = chunk.indexOf(LF, i + 1)) {
          line++;
          lineStart = start + i + 1;
        }
        start += read;
      }
    } finally {
      closeSync(fd);
    }
    return { line, column: at - lineStart + 1 };
  }
}
