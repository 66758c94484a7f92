import { inflateSync } from 'node:zlib';

/**
 * The text of each page of a PDF that Chromium printed (Skia's PDF writer), read without a PDF
 * library: no such package is installed here, and Skia's output is regular. Pages list their fonts
 * and content streams by reference; text is drawn as glyph ids (`<0037004B> Tj`) of Type0 fonts,
 * each with a ToUnicode CMap that says which character a glyph id shows. Runs inside one text
 * object are joined as they are (Skia splits words only to kern them); text objects end a line.
 */
export function pdfPageTexts(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  for (const match of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2];
    const streamAt = /stream\r?\n/.exec(body);
    let stream: Buffer | null = null;
    if (streamAt) {
      const raw = Buffer.from(
        body.slice(streamAt.index + streamAt[0].length, body.lastIndexOf('endstream')).replace(/\r?\n$/, ''),
        'latin1'
      );
      stream = /\/FlateDecode/.test(body.slice(0, streamAt.index)) ? inflateSync(raw) : raw;
    }
    objects.set(Number(match[1]), { dict: streamAt ? body.slice(0, streamAt.index) : body, stream });
  }
  const ref = (text: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(text)?.[1]);
  const cmaps = new Map<number, Map<number, string>>();
  const cmapOf = (fontId: number) => {
    const cmapId = ref(objects.get(fontId)!.dict, 'ToUnicode');
    if (!cmaps.has(cmapId)) cmaps.set(cmapId, readCmap(objects.get(cmapId)!.stream!.toString('latin1')));
    return cmaps.get(cmapId)!;
  };

  // The page tree, in order: Skia nests /Pages nodes once a document has more than a few pages.
  const pagesUnder = (nodeId: number): number[] => {
    const node = objects.get(nodeId)!.dict;
    if (!/\/Type \/Pages\b/.test(node)) return [nodeId];
    return [.../\/Kids \[([^\]]*)\]/.exec(node)![1].matchAll(/(\d+) 0 R/g)].flatMap((m) => pagesUnder(Number(m[1])));
  };
  const catalog = [...objects.values()].find((o) => /\/Type \/Catalog\b/.test(o.dict))!;
  return pagesUnder(ref(catalog.dict, 'Pages')).map((pageId) => {
    const page = objects.get(pageId)!.dict;
    const fonts = new Map(
      [...(/\/Font <<([^>]*)>>/.exec(page)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)].map((m) => [m[1], Number(m[2])])
    );
    const contents = objects.get(ref(page, 'Contents'))!.stream!.toString('latin1');
    let font: Map<number, string> | undefined;
    const lines: string[] = [];
    for (const textObject of contents.matchAll(/BT([\s\S]*?)ET/g)) {
      let line = '';
      for (const op of textObject[1].matchAll(/\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj|\[([^\]]*)\] TJ/g)) {
        if (op[1]) font = cmapOf(fonts.get(op[1])!);
        const runs = op[2] !== undefined ? [op[2]] : op[3] !== undefined ? [...op[3].matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => m[1]) : [];
        for (const hex of runs) for (let i = 0; i < hex.length; i += 4) line += font?.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
      }
      lines.push(line);
    }
    return lines.join('\n');
  });
}

/** A ToUnicode CMap's bfchar and bfrange entries: glyph id → the characters it shows. */
function readCmap(cmap: string): Map<number, string> {
  const unicode = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, glyph, text] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(glyph, 16), unicode(text));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, first] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const start = parseInt(first, 16);
      for (let glyph = parseInt(low, 16); glyph <= parseInt(high, 16); glyph++)
        map.set(glyph, String.fromCharCode(start + glyph - parseInt(low, 16)));
    }
  }
  return map;
}
