#!/usr/bin/env node
/**
 * The app's icons, made at build time from one drawing by this script alone (no image tool): the
 * drawing is rendered once at 1024×1024, every smaller PNG is that image scaled down, and the
 * Windows .ico and macOS .icns hold those PNGs as both formats allow. Written into build/icons,
 * which electron-builder reads (not committed).
 *
 *   node scripts/icons.mjs [outDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

const MASTER = 1024;
/** The sizes a Linux desktop and the installers ask for. */
export const pngSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
/** icns entry types holding PNG data, by pixel size (the @2x types are the same pixels for a half-size point). */
const icnsTypes = [
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024]
];

// The drawing, in units of the icon's width: a film reel in the cream of a page, on the red of the
// shoes, with a quaver (the score) in its hub. Each shape is a signed distance: below 0 is inside.
const length = (x, y) => Math.hypot(x, y);
const circle = (cx, cy, r) => (x, y) => length(x - cx, y - cy) - r;
function roundedSquare(half, radius) {
  return (x, y) => {
    const qx = Math.abs(x - 0.5) - half + radius;
    const qy = Math.abs(y - 0.5) - half + radius;
    return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
}
function box(x0, y0, x1, y1) {
  return (x, y) => {
    const qx = Math.abs(x - (x0 + x1) / 2) - (x1 - x0) / 2;
    const qy = Math.abs(y - (y0 + y1) / 2) - (y1 - y0) / 2;
    return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0);
  };
}
const union =
  (...shapes) =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));
const minus = (a, b) => (x, y) => Math.max(a(x, y), -b(x, y));

const reelHoles = Array.from({ length: 6 }, (_, i) => {
  const angle = (i / 6) * 2 * Math.PI - Math.PI / 2;
  return circle(0.5 + 0.2 * Math.cos(angle), 0.5 + 0.2 * Math.sin(angle), 0.085);
});
const quaver = union(circle(0.475, 0.56, 0.045), box(0.508, 0.4, 0.527, 0.56), box(0.508, 0.4, 0.575, 0.425));

/** Back to front: each layer's shape and colour (RGB). */
const layers = [
  { shape: roundedSquare(0.44, 0.1), colour: [165, 24, 44] },
  { shape: minus(circle(0.5, 0.5, 0.34), union(...reelHoles, circle(0.5, 0.5, 0.1))), colour: [246, 239, 226] },
  { shape: quaver, colour: [246, 239, 226] }
];

/** The drawing at `size` pixels, RGBA, each edge's pixel covered in proportion to the shape. */
function render(size) {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { shape, colour } of layers) {
        const coverage = Math.min(1, Math.max(0, 0.5 - shape(x, y) * size));
        if (coverage === 0) continue;
        // "Over" in premultiplied terms.
        r = colour[0] * coverage + r * (1 - coverage);
        g = colour[1] * coverage + g * (1 - coverage);
        b = colour[2] * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      }
      const at = (py * size + px) * 4;
      pixels.set(a === 0 ? [0, 0, 0, 0] : [r / a, g / a, b / a, a * 255].map(Math.round), at);
    }
  }
  return pixels;
}

/**
 * The master scaled down: each pixel the average of the master's pixels whose centres fall in it
 * (premultiplied by alpha, so an edge keeps its colour rather than darkening towards transparent black).
 */
function scaleDown(master, from, to) {
  const pixels = new Uint8Array(to * to * 4);
  const span = (i) => [Math.floor((i * from) / to), Math.floor(((i + 1) * from) / to)];
  for (let y = 0; y < to; y++) {
    const [y0, y1] = span(y);
    for (let x = 0; x < to; x++) {
      const [x0, x1] = span(x);
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const at = (sy * from + sx) * 4;
          const alpha = master[at + 3];
          r += master[at] * alpha;
          g += master[at + 1] * alpha;
          b += master[at + 2] * alpha;
          a += alpha;
        }
      }
      const count = (y1 - y0) * (x1 - x0);
      pixels.set(a === 0 ? [0, 0, 0, 0] : [r / a, g / a, b / a, a / count].map(Math.round), (y * to + x) * 4);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of 8-bit RGBA, every row unfiltered. */
export function encodePng(pixels, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method variants, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ]);
}

/** A Windows icon whose images are PNGs (read by Windows since Vista); 256 is written as 0, as the format says. */
function encodeIco(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(1, 2); // type 1: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size % 256, at);
    header.writeUInt8(size % 256, at + 1);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map(({ png }) => png)]);
}

/** A macOS icon family: 'icns', the total length, then each entry as type, length (with its 8-byte head) and PNG. */
function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((sum, p) => sum + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** Writes `<size>x<size>.png` for every size, icon.png (the largest), icon.ico and icon.icns into `outDir`. */
export function writeIcons(outDir) {
  mkdirSync(outDir, { recursive: true });
  const master = render(MASTER);
  const pngs = new Map(pngSizes.map((size) => [size, encodePng(size === MASTER ? master : scaleDown(master, MASTER, size), size)]));
  for (const [size, png] of pngs) writeFileSync(join(outDir, `${size}x${size}.png`), png);
  writeFileSync(join(outDir, 'icon.png'), pngs.get(512));
  writeFileSync(join(outDir, 'icon.ico'), encodeIco(icoSizes.map((size) => ({ size, png: pngs.get(size) }))));
  writeFileSync(join(outDir, 'icon.icns'), encodeIcns(icnsTypes.map(([type, size]) => ({ type, png: pngs.get(size) }))));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icons');
  writeIcons(outDir);
  console.log(`Icons: ${pngSizes.length} PNG sizes, icon.ico and icon.icns in ${outDir}`);
}
