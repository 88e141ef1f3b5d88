// A zip's central directory, and the bytes of one entry: read to bound a file before any parser
// inflates it, and by the direct .xlsx reader to inflate only the parts it needs.

import * as XLSX from 'xlsx';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
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

/** The entry's bytes, inflated; null when the entry is encrypted, damaged or stored in a way not handled. */
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
  if (entry.method === 0) return raw.length === entry.size ? raw : null;
  if (entry.method !== 8) return null;
  if (entry.size === 0) return new Uint8Array(0);
  // The inflater keeps a read position on its input: give it a view of its own (it copies the bytes).
  const out = inflateRaw(raw.subarray(0), entry.size);
  return out.length === entry.size ? new Uint8Array(out.buffer, out.byteOffset, out.length) : null;
}
