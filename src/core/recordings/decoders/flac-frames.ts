/**
 * FLAC frames carry no length: a frame ends where the next one's header begins. A header is told
 * from sample data by its sync code, its CRC-8 and its number, which must follow the previous one.
 */

export interface FlacFrameHeader {
  /** The frame's first sample, counted from the start of the stream. */
  firstSample: number;
  /** Samples per channel in this frame. */
  blockSize: number;
}

export interface FlacStreamInfo {
  /** The block size of a fixed-blocksize stream (STREAMINFO's largest), whose headers count frames, not samples. */
  fixedBlockSize: number;
  totalSamples: number;
  minFrameBytes: number;
  /** Where the first frame begins, after the metadata blocks. */
  firstFrameOffset: number;
}

/** STREAMINFO and the end of the metadata, from the start of the file; undefined if it is not all there. */
export function readFlacStreamInfo(head: Uint8Array): FlacStreamInfo | undefined {
  if (head.length < 42 || head[0] !== 0x66 || head[1] !== 0x4c || head[2] !== 0x61 || head[3] !== 0x43) return undefined;
  const maxBlock = (head[10] << 8) | head[11];
  const minFrameBytes = (head[12] << 16) | (head[13] << 8) | head[14];
  const totalSamples = (head[21] & 0x0f) * 2 ** 32 + ((head[22] << 24) >>> 0) + (head[23] << 16) + (head[24] << 8) + head[25];
  for (let offset = 4; offset + 4 <= head.length;) {
    const last = head[offset] & 0x80;
    offset += 4 + ((head[offset + 1] << 16) | (head[offset + 2] << 8) | head[offset + 3]);
    if (last) {
      return offset <= head.length ? { fixedBlockSize: maxBlock, totalSamples, minFrameBytes, firstFrameOffset: offset } : undefined;
    }
  }
  return undefined;
}

const CRC8 = Uint8Array.from({ length: 256 }, (_, i) => {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 0x80 ? ((c << 1) ^ 0x07) & 0xff : (c << 1) & 0xff;
  return c;
});

/** The frame header at `p`, if there is a valid one. */
export function readFlacFrameHeader(b: Uint8Array, p: number, fixedBlockSize: number): FlacFrameHeader | undefined {
  if (p + 6 > b.length || b[p] !== 0xff || (b[p + 1] & 0xfe) !== 0xf8) return undefined;
  const variable = (b[p + 1] & 1) === 1;
  const sizeCode = b[p + 2] >> 4;
  const rateCode = b[p + 2] & 0x0f;
  if (sizeCode === 0 || rateCode === 15 || b[p + 3] >> 4 > 10 || (b[p + 3] & 1) !== 0) return undefined;
  // The frame or sample number, coded like UTF-8 (up to 36 bits).
  let q = p + 4;
  const lead = b[q++];
  const extra =
    lead < 0x80
      ? 0
      : lead < 0xc0
        ? -1
        : lead < 0xe0
          ? 1
          : lead < 0xf0
            ? 2
            : lead < 0xf8
              ? 3
              : lead < 0xfc
                ? 4
                : lead < 0xfe
                  ? 5
                  : lead === 0xfe
                    ? 6
                    : -1;
  if (extra < 0 || (!variable && extra > 5)) return undefined;
  let number = extra === 0 ? lead : lead & (0x3f >> extra);
  for (let i = 0; i < extra; i++) {
    if (q >= b.length || (b[q] & 0xc0) !== 0x80) return undefined;
    number = number * 64 + (b[q++] & 0x3f);
  }
  let blockSize = sizeCode === 1 ? 192 : sizeCode <= 5 ? 576 << (sizeCode - 2) : sizeCode >= 8 ? 256 << (sizeCode - 8) : 0;
  if (sizeCode === 6) blockSize = b[q++] + 1;
  else if (sizeCode === 7) blockSize = ((b[q++] << 8) | b[q++]) + 1;
  q += rateCode === 12 ? 1 : rateCode === 13 || rateCode === 14 ? 2 : 0;
  if (q >= b.length) return undefined;
  let crc = 0;
  for (let i = p; i < q; i++) crc = CRC8[crc ^ b[i]];
  if (crc !== b[q]) return undefined;
  if (!variable && fixedBlockSize === 0) return undefined;
  return { firstSample: variable ? number : number * fixedBlockSize, blockSize };
}

/**
 * The next frame header at or after `from` that follows a frame starting at `expectedSample`
 * (or any valid header, if that is undefined), and where it is.
 */
export function findFlacFrame(
  b: Uint8Array,
  from: number,
  fixedBlockSize: number,
  expectedSample?: number
): { at: number; header: FlacFrameHeader } | undefined {
  for (let p = b.indexOf(0xff, from); p >= 0; p = b.indexOf(0xff, p + 1)) {
    const header = readFlacFrameHeader(b, p, fixedBlockSize);
    if (header && (expectedSample === undefined || header.firstSample === expectedSample)) return { at: p, header };
  }
  return undefined;
}
