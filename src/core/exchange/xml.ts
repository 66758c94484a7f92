import { ReelnotesError } from '../../shared/errors';

/*
 * XML in and out for the exchange formats (ELAN, Sonic Visualiser). Written by hand, a string at a
 * time. Read by a small strict reader of our own: a 100,000-annotation ELAN file is 60 MB, and a
 * general parser (fast-xml-parser, with its separate well-formedness pass) took several times the
 * library archive's whole restore to read it (see `npm run bench -- --only exchange`). The reader
 * checks what well-formedness needs for these files (every tag closed in order, attributes quoted and
 * unique, entities known, nothing after the document element) and names the line where a file breaks.
 */

/** Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates): replaced, so the file parses. */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** An element as read: its name, attributes, child elements, and the text directly inside it. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** The children of an element with this name. */
export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((c) => c.name === name);

const NAME = /[A-Za-z_:\u00C0-\uFFEF][\w.:\u00B7\u00C0-\uFFEF-]*/y;
const ATTRIBUTE = /\s+([A-Za-z_:\u00C0-\uFFEF][\w.:\u00B7\u00C0-\uFFEF-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Reads an XML document into elements; anything not well-formed is refused with the file's name and line. */
export function readXml(fileName: string, text: string): XmlElement {
  const source = text.replace(/^\uFEFF/, '');
  const fail = (at: number, problem: string): never => {
    const line = source.slice(0, at).split('\n').length;
    throw new ReelnotesError('INVALID_INPUT', `${fileName}, line ${line}: not well-formed XML (${problem}); nothing was imported.`);
  };
  const decode = (raw: string, at: number) => {
    if (!raw.includes('&')) return raw;
    const decoded = raw.replace(ENTITY, (_whole, name: string | undefined, decimal: string | undefined, hex: string | undefined) => {
      if (name) return named[name];
      const code = decimal ? Number(decimal) : parseInt(hex!, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    });
    // Whatever '&' is left did not start a known entity.
    if (raw.replace(ENTITY, '').includes('&')) fail(at, 'an "&" that starts no known entity');
    return decoded;
  };
  const skipTo = (from: number, end: string, what: string) => {
    const found = source.indexOf(end, from);
    if (found < 0) fail(from, `${what} is never closed`);
    return found + end.length;
  };

  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const textEnd = lt < 0 ? source.length : lt;
    if (textEnd > i) {
      const raw = source.slice(i, textEnd);
      if (stack.length) stack[stack.length - 1].text += decode(raw, i);
      else if (raw.trim()) fail(i, 'text outside the document element');
      if (raw.includes('>') && raw.includes(']]>')) fail(i, '"]]>" in text');
    }
    if (lt < 0) break;
    i = lt;
    if (source.startsWith('<!--', i)) i = skipTo(i + 4, '-->', 'a comment');
    else if (source.startsWith('<?', i)) i = skipTo(i + 2, '?>', 'a processing instruction');
    else if (source.startsWith('<![CDATA[', i)) {
      if (!stack.length) fail(i, 'character data outside the document element');
      const end = skipTo(i + 9, ']]>', 'a CDATA section');
      stack[stack.length - 1].text += source.slice(i + 9, end - 3);
      i = end;
    } else if (source.startsWith('<!DOCTYPE', i)) {
      if (root || stack.length) fail(i, 'a DOCTYPE after the document element began');
      const bracket = source.indexOf('[', i);
      const close = source.indexOf('>', i);
      i = bracket >= 0 && bracket < close ? skipTo(skipTo(bracket, ']', 'a DOCTYPE'), '>', 'a DOCTYPE') : skipTo(i, '>', 'a DOCTYPE');
    } else if (source[i + 1] === '/') {
      NAME.lastIndex = i + 2;
      const name = NAME.exec(source)?.[0];
      const open = stack.pop();
      if (!name || !open) fail(i, 'a closing tag with nothing open');
      if (open!.name !== name) fail(i, `</${name}> closes <${open!.name}>`);
      TAG_END.lastIndex = i + 2 + name!.length;
      const end = TAG_END.exec(source);
      if (!end || end[1]) fail(i, `</${name}> is not closed by ">"`);
      i = TAG_END.lastIndex;
    } else {
      NAME.lastIndex = i + 1;
      const name = NAME.exec(source)?.[0];
      if (!name) fail(i, 'a "<" that starts no tag');
      if (root && !stack.length) fail(i, 'a second document element');
      const element: XmlElement = { name: name!, attributes: {}, children: [], text: '' };
      let at = i + 1 + name!.length;
      for (;;) {
        ATTRIBUTE.lastIndex = at;
        const attribute = ATTRIBUTE.exec(source);
        if (!attribute) break;
        if (Object.hasOwn(element.attributes, attribute[1])) fail(at, `the attribute ${attribute[1]} is given twice`);
        element.attributes[attribute[1]] = decode(attribute[2] ?? attribute[3], at);
        at = ATTRIBUTE.lastIndex;
      }
      TAG_END.lastIndex = at;
      const end = TAG_END.exec(source);
      if (!end) fail(at, `<${name}> has a malformed attribute or is not closed by ">"`);
      if (stack.length) stack[stack.length - 1].children.push(element);
      else root = element;
      if (!end![1]) stack.push(element);
      i = TAG_END.lastIndex;
    }
  }
  if (stack.length) fail(source.length, `<${stack[stack.length - 1].name}> is never closed`);
  if (!root) fail(0, 'there is no document element');
  return root!;
}
