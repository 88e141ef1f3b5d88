// A cell's meaning beyond plain text: yes/no questions of a roster or a count table, a township's own
// verdict, a 性别 column written as the national code. Words from shared/vocabulary.

import type { Gender } from '../model.ts';
import { normalizeText, parseGender, parseYesNo } from '../text.ts';
import { CHAIR_NOT_SEATED, CHAIR_SEATED, ELECTED_NO, ELECTED_YES, GENDER_CODES, REPRESENTATIVE_NO, REPRESENTATIVE_YES, VERDICT_NO, VERDICT_YES } from '../vocabulary/index.ts';
import type { TableView } from './table.ts';

/** A 妇联主席是否进两委 cell: yes/no words, or 已进 / 未进. */
export function chairSeatedCell(text: string): boolean | null {
  const yn = parseYesNo(text);
  if (yn !== null || !text) return yn;
  const t = normalizeText(text).replace(/\s/g, '');
  if (CHAIR_NOT_SEATED.test(t)) return false;
  if (CHAIR_SEATED.test(t)) return true;
  return null;
}

/** A township's own 是否达标 cell. */
export function verdictCell(text: string): boolean | null {
  const t = normalizeText(text).replace(/\s/g, '');
  if (!t) return null;
  if (VERDICT_NO.test(t)) return false;
  if (VERDICT_YES.test(t)) return true;
  return parseYesNo(t);
}

/** A 是否村民代表 cell: yes/no words, or the word 代表 itself ("村民代表", "是（代表）"). */
export function representativeCell(text: string): boolean | null {
  const yn = parseYesNo(text);
  if (yn !== null || !text) return yn;
  const t = normalizeText(text);
  if (REPRESENTATIVE_NO.test(t)) return false;
  if (REPRESENTATIVE_YES.test(t)) return true;
  return null;
}

/** A column that holds one mark and blanks ("●", "○", "Y"…): the mark says yes, whatever it is; else null. */
export function soleMark(view: TableView, c: number, from: number, to: number): string | null {
  const marks = new Set<string>();
  for (let r = from; r < to && marks.size < 2; r++) {
    const t = view.text(r, c);
    if (t) marks.add(t);
  }
  const [only] = marks;
  return marks.size === 1 && only.length <= 2 && representativeCell(only) === null ? only : null;
}

/** A 性别 column of 1 and 2 only (at least three, no word): the national code (GB/T 2261.1). */
export function isGenderCoded(view: TableView, c: number, from: number, to: number): boolean {
  let coded = 0;
  let other = 0;
  for (let r = from; r < to && other === 0; r++) {
    const t = view.text(r, c);
    if (GENDER_CODES.has(t)) coded++;
    else if (t && parseGender(t) !== 'unknown') other++;
  }
  return other === 0 && coded >= 3;
}

/** A 性别 cell, read as the national code when the column is coded. */
export function genderCell(text: string, coded: boolean): Gender {
  return (coded ? GENDER_CODES.get(text) : undefined) ?? parseGender(text);
}

/** An election result cell: true elected, false not (未当选, 落选), null blank or unclear. */
export function electedCell(text: string): boolean | null {
  const t = normalizeText(text).replace(/\s/g, '');
  if (ELECTED_NO.test(t)) return false;
  if (ELECTED_YES.test(t)) return true;
  return null;
}
