/**
 * Ogg pages and the packets they carry. A page's header gives its length and its granule position
 * (for Vorbis, the number of samples decoded by the end of the last packet completed on it), so the
 * stream can be cut at pages and each piece placed exactly.
 */

export interface OggPage {
  /** Byte offset of the page in the data it was read from. */
  at: number;
  /** Byte length of the whole page. */
  length: number;
  flags: number;
  /** -1 when no packet ends on this page. */
  granule: number;
  /** The lacing values: a packet ends at each one below 255. */
  segments: Uint8Array;
  bodyAt: number;
}

/** A page's header (27 bytes), its lacing values (up to 255) and its body (up to 255 × 255 bytes). */
const MAX_PAGE_BYTES = 27 + 255 + 255 * 255;

export const CONTINUED = 0x01;
export const END_OF_STREAM = 0x04;

/** The page starting at `at`, if one starts there and is wholly in `b`. */
export function readOggPage(b: Uint8Array, at: number): OggPage | undefined {
  if (at + 27 > b.length || b[at] !== 0x4f || b[at + 1] !== 0x67 || b[at + 2] !== 0x67 || b[at + 3] !== 0x53 || b[at + 4] !== 0)
    return undefined;
  const count = b[at + 26];
  const bodyAt = at + 27 + count;
  if (bodyAt > b.length) return undefined;
  const segments = b.subarray(at + 27, bodyAt);
  let length = bodyAt - at;
  for (const s of segments) length += s;
  if (at + length > b.length) return undefined;
  const view = new DataView(b.buffer, b.byteOffset + at + 6, 8);
  const low = view.getUint32(0, true);
  const high = view.getInt32(4, true);
  return { at, length, flags: b[at + 5], granule: high === -1 && low === 0xffffffff ? -1 : high * 2 ** 32 + low, segments, bodyAt };
}

/** The first page at or after `from` that is followed by another page or by the end of `b`. */
export function findOggPage(b: Uint8Array, from: number): OggPage | undefined {
  for (let p = b.indexOf(0x4f, from); p >= 0; p = b.indexOf(0x4f, p + 1)) {
    const page = readOggPage(b, p);
    if (page && (page.at + page.length === b.length || readOggPage(b, page.at + page.length))) return page;
  }
  return undefined;
}

/** How many packets end on the page, the piece continued from the page before included. */
export function packetsEnding(page: OggPage): number {
  let count = 0;
  for (const s of page.segments) if (s < 255) count++;
  return count;
}

/**
 * Reassembles packets from pages as bytes arrive. A reader that starts in the middle of a stream
 * drops the piece of a packet that began before it.
 */
export class OggPacketReader {
  private pending: Uint8Array = new Uint8Array(0);
  private partial: Uint8Array[] = [];
  /** Set until the first packet boundary when the first page continues a packet from before. */
  private dropping: boolean | undefined;

  /**
   * The complete pages in `bytes` (with what came before), each with the packets that end on it:
   * views that are valid until the next call.
   */
  *push(bytes: Uint8Array): Generator<{ page: OggPage; packets: Uint8Array[] }> {
    const b = this.pending.length ? concat([this.pending, bytes]) : bytes;
    let at = 0;
    while (at + 4 <= b.length) {
      const page = readOggPage(b, at);
      if (page) {
        at += page.length;
        yield { page, packets: this.packetsOf(b, page) };
      } else if (b.length - at < MAX_PAGE_BYTES && b[at] === 0x4f && b[at + 1] === 0x67 && b[at + 2] === 0x67 && b[at + 3] === 0x53) {
        break; // a page not yet wholly read
      } else {
        // Damaged bytes: resynchronise on the next page, as a player would, and drop the packet they broke.
        const next = b.indexOf(0x4f, at + 1);
        at = next < 0 ? b.length - 3 : next;
        this.partial = [];
        this.dropping = undefined;
      }
    }
    this.pending = b.slice(at);
  }

  private packetsOf(b: Uint8Array, page: OggPage): Uint8Array[] {
    const packets: Uint8Array[] = [];
    // A packet continued from a page this reader never saw cannot be decoded: drop its piece.
    this.dropping ??= (page.flags & CONTINUED) !== 0;
    let offset = page.bodyAt;
    for (const s of page.segments) {
      if (!this.dropping) this.partial.push(b.subarray(offset, offset + s));
      offset += s;
      if (s < 255) {
        if (!this.dropping) packets.push(this.partial.length === 1 ? this.partial[0] : concat(this.partial));
        this.partial = [];
        this.dropping = false;
      }
    }
    // The piece of an unfinished packet may be a view on bytes about to be dropped: keep a copy.
    this.partial = this.partial.map((piece) => piece.slice());
    return packets;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
