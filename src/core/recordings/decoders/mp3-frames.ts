/**
 * MPEG audio frame headers: each gives its frame's length, so the frames of a file can be walked
 * from header to header without decoding, and a file cut at frame boundaries.
 */

export interface Mp3FrameHeader {
  length: number;
  samplesPerFrame: number;
}

const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES_V1 = [44100, 48000, 32000];

/** The Layer III frame header at `p`, if there is one (free-format frames, which give no length, are not). */
export function readMp3FrameHeader(b: Uint8Array, p: number): Mp3FrameHeader | undefined {
  if (p + 4 > b.length || b[p] !== 0xff || (b[p + 1] & 0xe0) !== 0xe0) return undefined;
  const version = (b[p + 1] >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  const layer = (b[p + 1] >> 1) & 3; // 1: Layer III
  const bitrateIndex = b[p + 2] >> 4;
  const rateIndex = (b[p + 2] >> 2) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return undefined;
  const mpeg1 = version === 3;
  const sampleRate = RATES_V1[rateIndex] / (mpeg1 ? 1 : version === 2 ? 2 : 4);
  const bitrate = (mpeg1 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex] * 1000;
  const samplesPerFrame = mpeg1 ? 1152 : 576;
  const padding = (b[p + 2] >> 1) & 1;
  return { length: Math.floor(((samplesPerFrame / 8) * bitrate) / sampleRate) + padding, samplesPerFrame };
}

/** Whether the frame holds a Xing, Info or VBRI header instead of audio (mpg123 plays no samples for it). */
export function isInfoFrame(frame: Uint8Array): boolean {
  const text = Buffer.from(frame.buffer, frame.byteOffset, Math.min(frame.length, 64)).toString('latin1');
  return /Xing|Info|VBRI/.test(text);
}

/** Bytes of an ID3v2 tag at the start of the file, which comes before the first frame. */
export function id3v2Length(head: Uint8Array): number {
  if (head.length < 10 || head[0] !== 0x49 || head[1] !== 0x44 || head[2] !== 0x33) return 0;
  const size = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9];
  return 10 + size + (head[5] & 0x10 ? 10 : 0);
}
