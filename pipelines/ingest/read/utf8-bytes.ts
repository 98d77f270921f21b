// Byte-level UTF-8 checks. Node's `isUtf8` (simdutf) answers yes/no fast; these helpers say where
// a sequence goes wrong and how many bytes at a chunk's end belong to the next chunk.

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Expected length of the sequence a lead byte starts, 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Allowed range of the byte after `lead` (excludes overlongs, surrogates and > U+10FFFF). */
function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/**
 * Length of a valid sequence at `i`, 0 if invalid, or -1 if it is cut off by the end of `bytes`
 * (valid so far).
 */
export function sequenceAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  const length = sequenceLength(lead);
  if (length <= 1) return length;
  const [low, high] = secondByteRange(lead);
  for (let k = 1; k < length; k++) {
    const b = bytes[i + k];
    if (b === undefined) return -1;
    const [lo, hi] = k === 1 ? [low, high] : [0x80, 0xbf];
    if (b < lo || b > hi) return 0;
  }
  return length;
}

/** Offset of the first invalid sequence, -1 when all valid (a cut-off tail counts as valid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    if ((bytes[i] ?? 0) < 0x80) {
      i += 1;
      continue;
    }
    const length = sequenceAt(bytes, i);
    if (length === 0) return i;
    if (length < 0) return -1;
    i += length;
  }
  return -1;
}

/** How many trailing bytes start a sequence that the chunk does not finish (0..3). */
export function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const i = bytes.length - back;
    const b = bytes[i] ?? 0;
    if (b < 0x80) return 0;
    if (b >= 0xc0) return sequenceAt(bytes, i) < 0 ? back : 0;
  }
  return 0;
}

/** True if a line holds a 3- or 4-byte UTF-8 sequence (CJK text in UTF-8 always does). */
export function hasWideUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b >= 0xe0 && sequenceAt(bytes, i) >= 3) return true;
  }
  return false;
}
