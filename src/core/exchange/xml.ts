import { XMLParser } from 'fast-xml-parser';

/*
 * XML in and out for the exchange formats (ELAN, Sonic Visualiser). Written by hand, a string at a
 * time (a 100,000-note study is one pass); read by fast-xml-parser into plain objects, attributes
 * as properties, text kept exactly as written.
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

/** A parser whose listed elements are always arrays, however many a file holds. */
export function xmlParser(repeated: readonly string[]): XMLParser {
  const arrays = new Set(repeated);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    isArray: (name) => arrays.has(name)
  });
}
