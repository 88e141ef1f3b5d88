// A file's reading, packed to cross from a worker thread to the caller cheaply: roster rows become
// numbers in one typed array (moved, not copied) and their texts one string table, instead of 200,000
// objects that structured cloning would copy field by field. Unpacking shares one array of seats per
// distinct post, so the caller holds less than the worker built.

import type { PersonRow, Seat, VillageInput, VillagePart, Gender } from '../model.ts';
import type { FileRead } from './read.ts';

const FIELDS = 10; // ints per row
const GENDERS: Gender[] = ['unknown', 'female', 'male'];

interface PostSignature {
  seats: Seat[];
  isChair: boolean;
  otherPosts: string[];
}

type PackedPart =
  | { kind: VillagePart['kind']; form: 'roster'; rowsRef: number; source: VillagePart['source']; dedicated?: boolean; provisional?: string[] }
  | Exclude<VillagePart, { form: 'roster' }>;

export interface PackedRead {
  report: FileRead['report'];
  findings: FileRead['findings'];
  villageList: FileRead['villageList'];
  inputs: Array<Omit<VillageInput, 'parts'> & { parts: PackedPart[] }>;
  /** Each distinct rows array: [first row, count] into the row table. */
  rowRanges: number[];
  /** The string table, joined by NUL: one string crosses threads far faster than 400,000. */
  text: string;
  signatures: PostSignature[];
  ints: Int32Array;
}

export function packRead(read: FileRead): PackedRead {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const str = (s: string | null): number => {
    if (s === null) return -1;
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  // Names and ID numbers are nearly all distinct: appended as they come, not looked up.
  const unique = (s: string | null): number => {
    if (s === null) return -1;
    strings.push(s);
    return strings.length - 1;
  };
  // Rows with the same post phrase share its arrays (the reader parses each phrase once), so the
  // arrays' identity is the key; a content key covers rows built elsewhere.
  const signatures: PostSignature[] = [];
  const byArrays = new Map<Seat[], Map<string[], number[]>>();
  const byContent = new Map<string, number>();
  const signature = (row: PersonRow): number => {
    let inner = byArrays.get(row.seats);
    if (!inner) byArrays.set(row.seats, (inner = new Map()));
    let pair = inner.get(row.otherPosts);
    if (!pair) inner.set(row.otherPosts, (pair = [-1, -1]));
    const slot = row.isChair ? 1 : 0;
    if (pair[slot] < 0) {
      const key = JSON.stringify([row.seats, row.isChair, row.otherPosts]);
      let i = byContent.get(key);
      if (i === undefined) {
        i = signatures.length;
        signatures.push({ seats: row.seats, isChair: row.isChair, otherPosts: row.otherPosts });
        byContent.set(key, i);
      }
      pair[slot] = i;
    }
    return pair[slot];
  };
  const arrays = new Map<PersonRow[], number>();
  const rowRanges: number[] = [];
  let total = 0;
  for (const input of read.inputs) {
    for (const part of input.parts) {
      if (part.form === 'roster' && !arrays.has(part.rows)) {
        arrays.set(part.rows, rowRanges.length / 2);
        rowRanges.push(total, part.rows.length);
        total += part.rows.length;
      }
    }
  }
  const ints = new Int32Array(total * FIELDS);
  let k = 0;
  for (const rows of arrays.keys()) {
    for (const row of rows) {
      ints[k++] = str(row.source.file);
      ints[k++] = str(row.source.sheet);
      ints[k++] = row.source.row ?? -1;
      ints[k++] = unique(row.name);
      ints[k++] = row.displayName === row.name ? -2 : unique(row.displayName);
      ints[k++] = GENDERS.indexOf(row.declaredGender);
      ints[k++] = unique(row.idNumber);
      ints[k++] = str(row.postText);
      ints[k++] = signature(row);
      ints[k++] = (row.idFromNumber ? 1 : 0) | (row.representative === null ? 0 : row.representative ? 2 : 4) | (row.seatUnknown ? 8 : 0);
    }
  }
  const inputs = read.inputs.map((input) => ({
    ...input,
    parts: input.parts.map((part): PackedPart => {
      if (part.form !== 'roster') return part;
      const { rows, ...rest } = part;
      return { ...rest, rowsRef: arrays.get(rows)! };
    }),
  }));
  // A NUL inside a cell is noise from a damaged file; it cannot be told from the separator, so it goes.
  const text = strings.map((x) => (x.includes('\0') ? x.replaceAll('\0', '') : x)).join('\0');
  return { report: read.report, findings: read.findings, villageList: read.villageList, inputs, rowRanges, text, signatures, ints };
}

export function unpackRead(p: PackedRead): FileRead {
  const { ints } = p;
  const strings = p.text.split('\0');
  const s = (i: number): string | null => (i < 0 ? null : strings[i]);
  const arrays: PersonRow[][] = [];
  for (let a = 0; a < p.rowRanges.length; a += 2) {
    const first = p.rowRanges[a];
    const count = p.rowRanges[a + 1];
    const rows: PersonRow[] = new Array(count);
    for (let j = 0; j < count; j++) {
      const k = (first + j) * FIELDS;
      const file = strings[ints[k]];
      const sheet = strings[ints[k + 1]];
      const name = strings[ints[k + 3]];
      const sig = p.signatures[ints[k + 8]];
      const flags = ints[k + 9];
      rows[j] = {
        source: { file, sheet, row: ints[k + 2] < 0 ? null : ints[k + 2] },
        name,
        displayName: ints[k + 4] === -2 ? name : strings[ints[k + 4]],
        declaredGender: GENDERS[ints[k + 5]],
        idNumber: s(ints[k + 6]),
        idFromNumber: (flags & 1) !== 0,
        postText: strings[ints[k + 7]],
        seats: sig.seats,
        isChair: sig.isChair,
        otherPosts: sig.otherPosts,
        seatUnknown: (flags & 8) !== 0,
        representative: flags & 2 ? true : flags & 4 ? false : null,
      };
    }
    arrays.push(rows);
  }
  const inputs: VillageInput[] = p.inputs.map((input) => ({
    ...input,
    parts: input.parts.map((part): VillagePart => {
      if (part.form !== 'roster') return part;
      const { rowsRef, ...rest } = part as Extract<PackedPart, { rowsRef: number }>;
      return { ...rest, rows: arrays[rowsRef] } as VillagePart;
    }),
  }));
  return { report: p.report, findings: p.findings, villageList: p.villageList, inputs };
}
