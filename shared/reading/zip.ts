// A zip's central directory, and the bytes of one entry: read to bound a file before any parser
// inflates it, and by the direct .xlsx reader to inflate only the parts it needs.

import * as XLSX from 'xlsx';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  /** CRC-32 of the uncompressed bytes, as the directory declares it. */
  crc: number;
  compressedSize: number;
  /** The uncompressed size the directory declares. */
  size: number;
  localOffset: number;
}

export interface ZipSurvey {
  /** The entries listed (at most LISTED_ENTRIES; `count` says how many the directory declares). */
  entries: ZipEntry[];
  count: number;
  totalUncompressed: number;
  zip64: boolean;
  readable: boolean;
}

const LISTED_ENTRIES = 20_001;

/** Reads a zip's central directory (never its data) to learn its entries and declared sizes. */
export function surveyZip(bytes: Uint8Array): ZipSurvey {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const none: ZipSurvey = { entries: [], count: 0, totalUncompressed: 0, zip64: false, readable: false };
  const min = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return none;
  const count = view.getUint16(eocd + 10, true);
  let off = view.getUint32(eocd + 16, true);
  const out: ZipSurvey = { entries: [], count, totalUncompressed: 0, zip64: count === 0xffff || off === 0xffffffff, readable: true };
  const decoder = new TextDecoder('utf-8');
  for (let k = 0; k < count; k++) {
    if (off + 46 > bytes.length || view.getUint32(off, true) !== 0x02014b50) {
      out.readable = false;
      break;
    }
    const size = view.getUint32(off + 24, true);
    const nameLen = view.getUint16(off + 28, true);
    const extraLen = view.getUint16(off + 30, true);
    const commentLen = view.getUint16(off + 32, true);
    if (size === 0xffffffff) out.zip64 = true;
    out.totalUncompressed += size;
    if (out.entries.length < LISTED_ENTRIES) {
      out.entries.push({
        name: decoder.decode(bytes.subarray(off + 46, off + 46 + nameLen)),
        flags: view.getUint16(off + 8, true),
        method: view.getUint16(off + 10, true),
        crc: view.getUint32(off + 16, true),
        compressedSize: view.getUint32(off + 20, true),
        size,
        localOffset: view.getUint32(off + 42, true),
      });
    }
    off += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

// SheetJS's own inflater (pure JS): given the declared size it writes into a buffer of exactly that
// size, so a lying entry cannot make it grow.
const inflateRaw = (XLSX.CFB as { utils: { _inflateRaw: (data: Uint8Array, size: number) => Uint8Array } }).utils._inflateRaw;

// CRC-32 (IEEE), eight bytes at a time: a zip declares it for every entry, and SheetJS never checks it.
const CRC_TABLES = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  return t;
})();

export function crc32(b: Uint8Array): number {
  const t = CRC_TABLES;
  let c = -1;
  let i = 0;
  const n8 = b.length - 7;
  for (; i < n8; i += 8) {
    c ^= b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
    c =
      t[1792 + (c & 0xff)] ^ t[1536 + ((c >>> 8) & 0xff)] ^ t[1280 + ((c >>> 16) & 0xff)] ^ t[1024 + (c >>> 24)] ^
      t[768 + b[i + 4]] ^ t[512 + b[i + 5]] ^ t[256 + b[i + 6]] ^ t[b[i + 7]];
  }
  for (; i < b.length; i++) c = t[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The entry's bytes, inflated and checked against its CRC-32; null when the entry is encrypted, damaged or stored in a way not handled. */
export function zipEntryBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  if (entry.flags & 1) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return null;
  // Plain views: a Node Buffer's subarray costs an object of its own each time the parser takes one.
  const raw = new Uint8Array(bytes.buffer, bytes.byteOffset + start, entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) out = raw;
  else if (entry.method !== 8) return null;
  else if (entry.size === 0) out = new Uint8Array(0);
  else {
    // The inflater keeps a read position on its input: give it a view of its own (it copies the bytes).
    const inflated = inflateRaw(raw.subarray(0), entry.size);
    out = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.length);
  }
  return out.length === entry.size && crc32(out) === entry.crc ? out : null;
}
